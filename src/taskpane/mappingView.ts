/**
 * The mapping form: what the layout check guessed each column holds, for the user to confirm or
 * change.
 */
import {
  type CurrencyConversion,
  type LedgerMapping,
  type SegmentColumn,
  type SourceMapping,
  currenciesIn,
} from "../analysis";
import { columnLetters } from "../core/sheet/addresses";
import { type ViewContext, choiceSelect, columnSelect, textField } from "./controls";
import { el, uniqueId } from "./dom";
import { EXCLUDED_NOTE, LAYOUT_NAME, SCALE_NAME, UNIT_NAME } from "./labels";
import type { PendingMapping } from "./controller";
import type { ReadSource } from "./sources";

export interface MappingActions {
  readonly busy: boolean;
  onChange(mapping: SourceMapping): void;
  onConfirm(): void;
}

/** The excluded rows named in the form; more are summed up by the layout's own notes. */
const EXCLUDED_SHOWN = 5;

/** "Column C: Plan", or "Column C" under a blank header. */
export function columnName(
  view: ViewContext,
  source: ReadSource,
  headerRow: number | null,
  column: number
): string {
  const letters = columnLetters(source.source.columnIndex + column);
  const header = headerRow === null ? "" : source.source.cells[headerRow]?.[column];
  const text = header === undefined || header === "" ? "" : String(header).trim();
  return text === ""
    ? view.translator.t("mapping.columnUnnamed", { letters })
    : view.translator.t("mapping.column", { letters, header: text });
}

export function mappingForm(
  view: ViewContext,
  pending: PendingMapping,
  actions: MappingActions
): HTMLElement {
  const { t } = view.translator;
  const { read, mapping } = pending;
  const form = el("form", {
    className: "mapping",
    testId: "mapping-form",
    attrs: { novalidate: "" },
  });
  const headingId = uniqueId("mapping");
  const columns = read.source.cells[0]?.length ?? 0;
  const rowNumber = (row: number) => read.source.rowIndex + row + 1;
  const headerRow = mapping.kind === "survey" ? mapping.headerRow : mapping.headerRow;
  const nameOf = (column: number) => columnName(view, read, headerRow, column);
  const columnOptions = (exclude: readonly number[]) =>
    Array.from({ length: columns }, (_, c) => c).filter((c) => !exclude.includes(c));

  form.append(
    el("h2", { text: t("mapping.heading"), attrs: { id: headingId, tabindex: "-1" } }),
    pending.setAside === null
      ? el("p", {
          className: "hint",
          text: t(pending.remembered ? "mapping.remembered" : "mapping.hint"),
        })
      : el("p", {
          className: "status",
          testId: "mapping-set-aside",
          attrs: { role: "status" },
          text: t("mapping.rememberedDropped", { reason: { nested: pending.setAside } }),
        }),
    el("p", {}, [
      el("strong", { text: `${t("mapping.layout")}: ` }),
      t(LAYOUT_NAME[mapping.kind]),
      " · ",
      el("code", { text: read.address }),
    ]),
    el("p", {
      className: "hint",
      text: t("mapping.rows", {
        first: String(rowNumber(mapping.firstRow)),
        last: String(rowNumber(mapping.lastRow)),
        count: Math.max(0, mapping.lastRow - mapping.firstRow + 1),
      }),
    })
  );
  form.setAttribute("aria-labelledby", headingId);

  const update = (next: SourceMapping) => actions.onChange(next);
  const used: number[] = [];
  if (mapping.kind === "grid") {
    const periodColumns = mapping.periodColumns.map((period) => period.column);
    used.push(...periodColumns);
    form.append(
      columnSelect(
        t("mapping.customer"),
        "mapping-customer",
        mapping.customerColumn,
        columnOptions(periodColumns).map((c) => ({ value: c, label: nameOf(c) })),
        t("mapping.customerNone"),
        (column) => update({ ...mapping, customerColumn: column })
      ),
      el("p", {}, [
        el("strong", { text: `${t("mapping.periods")}: ` }),
        t("mapping.periodsSummary", {
          count: mapping.periodColumns.length,
          first: view.translator.period(
            mapping.periodColumns[0]?.periodStart ?? "",
            mapping.period
          ),
          last: view.translator.period(
            mapping.periodColumns[mapping.periodColumns.length - 1]?.periodStart ?? "",
            mapping.period
          ),
        }),
      ])
    );
    if (mapping.customerColumn !== null) used.push(mapping.customerColumn);
  } else if (mapping.kind === "ledger") {
    const all = columnOptions([]).map((c) => ({ value: c, label: nameOf(c) }));
    form.append(
      columnSelect(
        t("mapping.customer"),
        "mapping-customer",
        mapping.customerColumn,
        all,
        null,
        (column) => update({ ...mapping, customerColumn: column ?? mapping.customerColumn })
      ),
      columnSelect(t("mapping.date"), "mapping-date", mapping.dateColumn, all, null, (column) =>
        update({ ...mapping, dateColumn: column ?? mapping.dateColumn })
      ),
      columnSelect(
        t("mapping.amount"),
        "mapping-amount",
        mapping.amountColumn,
        all,
        null,
        (column) => update({ ...mapping, amountColumn: column ?? mapping.amountColumn })
      ),
      columnSelect(
        t("mapping.covers"),
        "mapping-covers",
        mapping.coversColumn,
        all,
        t("mapping.coversNone"),
        (column) => update({ ...mapping, coversColumn: column })
      ),
      columnSelect(
        t("mapping.currency"),
        "mapping-currency",
        mapping.currencyColumn,
        all,
        t("mapping.currencyNone"),
        (column) => update({ ...mapping, currencyColumn: column, conversion: null })
      ),
      ...conversionFields(view, pending, mapping, update),
      choiceSelect(
        t("mapping.periodUnit"),
        "mapping-period-unit",
        mapping.period,
        (["month", "quarter", "year"] as const).map((unit) => ({
          value: unit,
          label: t(UNIT_NAME[unit]),
        })),
        (unit) => update({ ...mapping, period: unit })
      )
    );
    used.push(mapping.customerColumn, mapping.dateColumn, mapping.amountColumn);
    if (mapping.coversColumn !== null) used.push(mapping.coversColumn);
    if (mapping.currencyColumn !== null) used.push(mapping.currencyColumn);
  } else {
    form.append(
      columnSelect(
        t("mapping.score"),
        "mapping-score",
        mapping.scoreColumn,
        columnOptions([]).map((c) => ({ value: c, label: nameOf(c) })),
        null,
        (column) => update({ ...mapping, scoreColumn: column ?? mapping.scoreColumn })
      ),
      choiceSelect(
        t("mapping.scale"),
        "mapping-scale",
        mapping.scale,
        (["nps", "csat", "ces"] as const).map((scale) => ({
          value: scale,
          label: t(SCALE_NAME[scale]),
        })),
        (scale) => update({ ...mapping, scale })
      )
    );
    used.push(mapping.scoreColumn);
  }

  // Segments: any other column, ticked when the mapping has it.
  const candidates = columnOptions(used);
  const fieldset = el("fieldset", { className: "segments" }, [
    el("legend", { text: t("mapping.segments") }),
  ]);
  if (candidates.length === 0)
    fieldset.append(el("p", { className: "hint", text: t("mapping.segmentsNone") }));
  for (const column of candidates) {
    const id = uniqueId("segment");
    const box = el("input", {
      attrs: { type: "checkbox", id },
      testId: "mapping-segment",
      data: { column: String(column) },
    });
    const chosen = mapping.segmentColumns.find((segment) => segment.column === column);
    box.checked = chosen !== undefined;
    box.addEventListener("change", () => {
      const header =
        headerRow === null ? "" : String(read.source.cells[headerRow]?.[column] ?? "").trim();
      const name =
        header ||
        t("mapping.columnUnnamed", { letters: columnLetters(read.source.columnIndex + column) });
      const segments: SegmentColumn[] = box.checked
        ? [...mapping.segmentColumns, { column, name }].sort((a, b) => a.column - b.column)
        : mapping.segmentColumns.filter((segment) => segment.column !== column);
      update({ ...mapping, segmentColumns: segments });
    });
    fieldset.append(
      el("div", { className: "check" }, [
        box,
        el("label", { text: nameOf(column), attrs: { for: id } }),
      ])
    );
  }
  form.append(fieldset);

  // What the layout check left out, in the pane's words; its own notes (English) below.
  const excluded = pending.guess.excludedRows.slice(0, EXCLUDED_SHOWN);
  if (excluded.length > 0) {
    form.append(
      el(
        "ul",
        { className: "notes" },
        excluded.map((row) =>
          el("li", { text: t(EXCLUDED_NOTE[row.reason], { row: String(rowNumber(row.row)) }) })
        )
      )
    );
  }
  if (pending.guess.notes.length > 0) {
    form.append(
      el("details", { className: "notes" }, [
        el("summary", { text: t("mapping.details") }),
        el(
          "ul",
          {},
          pending.guess.notes.map((note) => el("li", { text: view.translator.say(note) }))
        ),
      ])
    );
  }
  const confirm = el("button", {
    className: "primary",
    text: t("mapping.confirm"),
    attrs: { type: "submit" },
    testId: "mapping-confirm",
  });
  confirm.disabled = actions.busy;
  form.append(confirm);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    actions.onConfirm();
  });
  return form;
}

/**
 * With several currencies in the export: the reporting currency and the range of rates, both
 * needed before anything is summed (amounts of different currencies never add up as they stand).
 */
function conversionFields(
  view: ViewContext,
  pending: PendingMapping,
  mapping: LedgerMapping,
  update: (next: SourceMapping) => void
): HTMLElement[] {
  const { t } = view.translator;
  if (mapping.currencyColumn === null) return [];
  const currencies = currenciesIn(
    pending.read.source,
    mapping.currencyColumn,
    mapping.firstRow,
    mapping.lastRow
  );
  if (currencies.length <= 1) return [];
  const conversion = mapping.conversion ?? {
    reportingCurrency: currencies.includes("USD") ? "USD" : (currencies[0] ?? ""),
    ratesAddress: pending.suggestedRates ?? "",
  };
  const set = (next: Partial<CurrencyConversion>) =>
    update({ ...mapping, conversion: { ...conversion, ...next } });
  return [
    el("p", {
      className: "hint",
      testId: "mapping-currencies",
      text: t("mapping.currencies", { count: currencies.length, codes: currencies.join(", ") }),
    }),
    choiceSelect(
      t("mapping.reportingCurrency"),
      "mapping-reporting-currency",
      conversion.reportingCurrency,
      currencies.map((code) => ({ value: code, label: code })),
      (code) => set({ reportingCurrency: code })
    ),
    textField(
      t("mapping.rates"),
      "mapping-rates",
      conversion.ratesAddress,
      t("mapping.ratesHint", { currency: conversion.reportingCurrency }),
      (address) => set({ ratesAddress: address })
    ),
  ];
}
