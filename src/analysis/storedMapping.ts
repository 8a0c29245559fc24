/**
 * A confirmed mapping as kept in the workbook, and reading it back. Document settings travel
 * inside the workbook file, so what comes back is input like any cell: it may come from another
 * version of the add-in, be edited by hand, or no longer fit a sheet edited since. It is checked
 * against the cells as they are now (rows and columns inside the range read, the same headers
 * over the mapped columns, the very periods the header row names, in date order) and, on any
 * mismatch, set aside with the reason, so the pane proposes a fresh guess instead.
 */
import { type PeriodUnit, parseIsoDate, periodStart } from "../core";
import { readHeaderPeriods } from "./layout/header";
import { SheetView, shorten, textOf } from "./layout/sheetView";
import type { PeriodColumn, SegmentColumn } from "./layout/types";
import { type CurrencyConversion, type SourceMapping, mappedColumns } from "./mapping";
import type { AnalysisMessage, Prepared } from "./messages";
import { type SourceCells, sheetColumnName } from "./source";

/** What is kept: the mapping, and the header text each mapped column had when it was confirmed. */
export interface StoredMapping {
  readonly mapping: SourceMapping;
  /** Column index (as text) → its header then ("" when it had none). */
  readonly headers: Readonly<Record<string, string>>;
}

/** The mapping as it is kept, with its columns' headers as they read now. */
export function toStoredMapping(source: SourceCells, mapping: SourceMapping): StoredMapping {
  const headers: Record<string, string> = {};
  const headerRow = mapping.headerRow;
  if (headerRow !== null)
    for (const column of mappedColumns(mapping))
      headers[String(column)] = textOf(source.cells[headerRow]?.[column]);
  return { mapping, headers };
}

/**
 * The mapping kept for a range, when it still fits the cells read now; else the reason it does
 * not, for the pane to say before it proposes a fresh guess. A mapping kept by an earlier version
 * (the mapping alone, without headers) is read too, checked on all the rest.
 *
 * @example a grid mapping whose Jan and Feb columns now read Mar and Apr →
 *   { ok: false, problem: { key: "remembered.periodChanged", params: { column: …, … } } }
 */
export function recallStoredMapping(value: unknown, source: SourceCells): Prepared<SourceMapping> {
  const stored = isRecord(value) && isRecord(value["mapping"]) ? value : { mapping: value };
  const headers = isRecord(stored["headers"]) ? stored["headers"] : null;
  const mapping = readMapping(stored["mapping"]);
  if (mapping === null) return dropped("remembered.malformed");
  if (!fitsCells(mapping, source)) return dropped("remembered.outside");
  const headerRow = mapping.headerRow;
  if (headerRow !== null && headers !== null) {
    for (const column of mappedColumns(mapping)) {
      const then = headers[String(column)];
      if (typeof then !== "string") return dropped("remembered.malformed");
      const now = textOf(source.cells[headerRow]?.[column]);
      if (now !== then)
        return dropped("remembered.headerChanged", {
          column: sheetColumnName(source, column),
          then: { quoted: shorten(then) },
          now: { quoted: shorten(now) },
        });
    }
  }
  if (mapping.kind !== "grid") return { ok: true, value: mapping };
  return recallPeriods(mapping, source);
}

type GridMapping = Extract<SourceMapping, { kind: "grid" }>;

/**
 * A grid mapping's periods against the header row as it reads now: each stored period a first
 * day of its period, in date order, and exactly the periods the header names over those columns.
 * The labels shown are taken from the header now.
 */
function recallPeriods(mapping: GridMapping, source: SourceCells): Prepared<SourceMapping> {
  let previous: PeriodColumn | null = null;
  for (const period of mapping.periodColumns) {
    const date = parseIsoDate(period.periodStart);
    if (date === null || periodStart(period.periodStart, mapping.period) !== period.periodStart)
      return dropped("remembered.periodNotDate", {
        label: { quoted: shorten(period.periodStart) },
      });
    if (previous !== null && period.periodStart <= previous.periodStart)
      return dropped("remembered.periodsOutOfOrder", {
        later: { period: { start: previous.periodStart, unit: mapping.period } },
        earlier: { period: { start: period.periodStart, unit: mapping.period } },
      });
    previous = period;
  }
  const header = readHeaderPeriods(new SheetView([source.cells[mapping.headerRow] ?? []], 1, 1), 0);
  const now = new Map((header?.columns ?? []).map((period) => [period.column, period]));
  const unitNow: PeriodUnit | null = header?.unit ?? null;
  const stored = new Set(mapping.periodColumns.map((period) => period.column));
  const relabelled: PeriodColumn[] = [];
  for (const period of mapping.periodColumns) {
    const current = now.get(period.column);
    if (
      current === undefined ||
      unitNow !== mapping.period ||
      current.periodStart !== period.periodStart
    )
      return dropped("remembered.periodChanged", {
        column: sheetColumnName(source, period.column),
        then: { period: { start: period.periodStart, unit: mapping.period } },
        now: { quoted: shorten(textOf(source.cells[mapping.headerRow]?.[period.column])) },
      });
    relabelled.push({ ...period, label: current.label });
  }
  for (const column of now.keys())
    if (!stored.has(column))
      return dropped("remembered.periodAdded", {
        column: sheetColumnName(source, column),
        now: { quoted: shorten(textOf(source.cells[mapping.headerRow]?.[column])) },
      });
  return { ok: true, value: { ...mapping, periodColumns: relabelled } };
}

function dropped(
  key: Extract<AnalysisMessage["key"], `remembered.${string}`>,
  params: AnalysisMessage["params"] = {}
): Prepared<SourceMapping> {
  return { ok: false, problem: { key, params } };
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const isIndex = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n >= 0;
const isUnit = (unit: unknown): unit is PeriodUnit =>
  unit === "month" || unit === "quarter" || unit === "year";

function readSegments(value: unknown): SegmentColumn[] | null {
  if (!Array.isArray(value)) return null;
  const segments: SegmentColumn[] = [];
  for (const segment of value as readonly unknown[]) {
    if (!isRecord(segment) || !isIndex(segment["column"]) || typeof segment["name"] !== "string")
      return null;
    segments.push({ column: segment["column"], name: segment["name"] });
  }
  return segments;
}

function readPeriods(value: unknown): PeriodColumn[] | null {
  if (!Array.isArray(value)) return null;
  const periods: PeriodColumn[] = [];
  for (const period of value as readonly unknown[]) {
    if (
      !isRecord(period) ||
      !isIndex(period["column"]) ||
      typeof period["periodStart"] !== "string" ||
      typeof period["label"] !== "string"
    )
      return null;
    periods.push({
      column: period["column"],
      periodStart: period["periodStart"],
      label: period["label"],
    });
  }
  return periods;
}

/** A kept conversion: null for none, undefined when it is not one. */
function readConversion(value: unknown): CurrencyConversion | null | undefined {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) return undefined;
  const { reportingCurrency, ratesAddress } = value;
  if (typeof reportingCurrency !== "string" || typeof ratesAddress !== "string") return undefined;
  return { reportingCurrency, ratesAddress };
}

/** The value as a mapping of the right shape (whatever its numbers), or null. */
function readMapping(value: unknown): SourceMapping | null {
  if (!isRecord(value)) return null;
  const firstRow = value["firstRow"];
  const lastRow = value["lastRow"];
  const segmentColumns = readSegments(value["segmentColumns"]);
  if (!isIndex(firstRow) || !isIndex(lastRow) || segmentColumns === null) return null;
  const rows = { firstRow, lastRow, segmentColumns };
  const headerRow = value["headerRow"];
  switch (value["kind"]) {
    case "grid": {
      const customerColumn = value["customerColumn"];
      const periodColumns = readPeriods(value["periodColumns"]);
      const period = value["period"];
      if (!isIndex(headerRow) || !(customerColumn === null || isIndex(customerColumn))) return null;
      if (periodColumns === null || !isUnit(period)) return null;
      return { kind: "grid", ...rows, headerRow, customerColumn, period, periodColumns };
    }
    case "ledger": {
      const { customerColumn, dateColumn, amountColumn, period } = value;
      if (!isIndex(headerRow) || !isIndex(customerColumn) || !isIndex(dateColumn)) return null;
      if (!isIndex(amountColumn) || !isUnit(period)) return null;
      // Kept by an earlier version without a billing export's columns: none.
      const coversColumn = value["coversColumn"] ?? null;
      const currencyColumn = value["currencyColumn"] ?? null;
      if (!(coversColumn === null || isIndex(coversColumn))) return null;
      if (!(currencyColumn === null || isIndex(currencyColumn))) return null;
      const conversion = readConversion(value["conversion"]);
      if (conversion === undefined) return null;
      return {
        kind: "ledger",
        ...rows,
        headerRow,
        customerColumn,
        dateColumn,
        amountColumn,
        period,
        coversColumn,
        currencyColumn,
        conversion,
      };
    }
    case "survey": {
      const { scoreColumn, scale } = value;
      if (!(headerRow === null || isIndex(headerRow)) || !isIndex(scoreColumn)) return null;
      if (scale !== "nps" && scale !== "csat" && scale !== "ces") return null;
      return { kind: "survey", ...rows, headerRow, scoreColumn, scale };
    }
    default:
      return null;
  }
}

/** Whether the mapping's rows and columns lie inside the cells read, its data below its header. */
function fitsCells(mapping: SourceMapping, source: SourceCells): boolean {
  const rows = source.cells.length;
  const columns = source.cells[0]?.length ?? 0;
  const headerRow = mapping.headerRow ?? -1;
  return (
    headerRow < mapping.firstRow &&
    mapping.firstRow <= mapping.lastRow &&
    mapping.lastRow < rows &&
    mappedColumns(mapping).every((column) => column < columns)
  );
}
