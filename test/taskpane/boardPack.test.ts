/**
 * The board pack and the what-if sheet, end to end through an in-memory WorkbookPort: the pane
 * reads the selection, analyses it, writes the plans; then a real spreadsheet engine
 * (HyperFormula with the built functions bundle) evaluates what was written next to the user's
 * data. The pack's live formulas must give the pane's numbers, and the user's cells must come
 * out byte for byte as they went in.
 */
import { ready } from "../support/prepared";
import type { HyperFormula } from "hyperformula";
import { beforeAll, describe, expect, it } from "vitest";
import {
  BRIDGE_STEPS,
  type Figure,
  type RevenueAnalysis,
  type RevenueModel,
  type SurveyAnalysis,
  type SurveyModel,
  analyseRevenue,
  analyseSurvey,
  detectLayout,
  isValue,
  type KpiId,
  kpi,
  mappingFromLayout,
  prepareRevenue,
  prepareSurvey,
  resolvePeriodChoice,
  whatIfProjection,
} from "../../src/analysis";
import {
  WHAT_IF_ROWS,
  packReadings,
  planBoardPack,
  planWhatIf,
} from "../../src/taskpane/boardPack";
import { KPI_NAME } from "../../src/taskpane/labels";
import { createTranslator } from "../../src/i18n";
import { parseCellAddress } from "../../src/core/sheet/addresses";
import { npsMarginOfError } from "../../src/core";
import { readSelectedData, recallMapping, rememberMapping } from "../../src/taskpane/sources";
import { writeSheetPlan } from "../../src/taskpane/writePlan";
import { PALETTE } from "../../src/taskpane/palette";
import type { CellInput, CellValue } from "../../src/workbook/port";
import { buildWorkbook } from "../support/workbook";
import { FakeWorkbook, engineSheet } from "./fakeWorkbook";

const en = createTranslator("en");
const zh = createTranslator("zh-CN");

/** Eight customers over six months on "MRR data", from B2; a Total row the layout leaves out. */
function gridSheet(): CellValue[][] {
  const rows: CellValue[][] = [
    ["Customer", "Plan", "Jan 2024", "Feb 2024", "Mar 2024", "Apr 2024", "May 2024", "Jun 2024"],
    ["Acme <b>", "SMB", 100, 100, 120, 120, 120, 150],
    ["Beta", "Ent", 200, 200, 150, 150, 150, 150],
    ["Cyan", "SMB", 50, 50, 50, 0, 0, 0],
    ["Delta", "Ent", 0, 0, 0, 80, 80, 60],
    ["Echo", "SMB", 30, "", "", 40, 40, 0],
    ["Fox", "Ent", 300, 300, 300, 330, 330, 400],
    ["Gulf", "SMB", 0, 0, 0, 0, 0, 90],
    ["Hex", "Ent", 120, 120, 120, 120, "", 100],
    ["Total", "", 800, 770, 740, 840, 720, 950],
  ];
  return [[""], ...rows.map((row) => ["", ...row])];
}

/** Survey answers on a sheet whose name needs quoting twice over. */
const SURVEY_SHEET = "Q1 '24 NPS";
function surveySheet(): CellValue[][] {
  const scores = [10, 9, 9, 8, 7, 6, 0, 10, "", 5, 9, 3];
  return [
    ["Respondent", "Region", "Score"],
    ...scores.map((score, i) => [`R${i}`, i % 3 ? "EU" : "US", score]),
  ];
}

/** What the pane does on "Analyse selection" and "Confirm", without the DOM. */
async function analyseSelection(port: FakeWorkbook) {
  const read = await readSelectedData(port);
  if (read === null) throw new Error("nothing read");
  const guess = detectLayout(read.source.cells);
  const mapping = mappingFromLayout(guess);
  if (mapping === null) throw new Error("no layout");
  await rememberMapping(port, read, mapping);
  return { read, mapping };
}

async function analyseRevenueSelection(
  port: FakeWorkbook,
  choice = { kind: "lastPeriod" } as const
) {
  const { read, mapping } = await analyseSelection(port);
  if (mapping.kind === "survey") throw new Error("a survey");
  const model = prepareRevenue(read.source, mapping);
  if (!model.ok) throw new Error(model.problem.key);
  const span = resolvePeriodChoice(choice, model.value.period, model.value.periods.length);
  if (span === null) throw new Error("no span");
  return { read, model: model.value, analysis: analyseRevenue(model.value, span) };
}

async function analyseSurveySelection(port: FakeWorkbook) {
  const { read, mapping } = await analyseSelection(port);
  if (mapping.kind !== "survey") throw new Error("not a survey");
  const model = prepareSurvey(read.source, mapping);
  if (!model.ok) throw new Error(model.problem.key);
  return { read, model: model.value, analysis: analyseSurvey(model.value) };
}

function revenueInput(read: { address: string }, model: RevenueModel, analysis: RevenueAnalysis) {
  return { ranges: model.ranges, analysis, period: model.period, address: read.address };
}

function surveyInput(read: { address: string }, model: SurveyModel, analysis: SurveyAnalysis) {
  return { ranges: model.ranges, scale: model.scale, analysis, address: read.address };
}

function figure(value: Figure): number {
  if (!isValue(value)) throw new Error(value.problem.key);
  return value.value;
}

/** The pack's row whose first cell shows `label`, as the engine computed it. */
function rowLabelled(book: HyperFormula, sheet: string, label: string, from = 0): unknown[] {
  const values = book.getSheetValues(book.getSheetId(sheet) as number);
  const found = values.findIndex((row, r) => r >= from && row[0] === label);
  if (found < 0) throw new Error(`no row "${label}" on ${sheet}`);
  return values[found] as unknown[];
}

function rowIndexOf(book: HyperFormula, sheet: string, label: string): number {
  return book.getSheetValues(book.getSheetId(sheet) as number).findIndex((row) => row[0] === label);
}

/** Every cell the pane wrote, with where it went. */
function writtenCells(
  port: FakeWorkbook,
  sheet: string
): { row: number; column: number; cell: CellInput }[] {
  const cells = port.addedSheets.get(sheet)?.cells ?? [];
  return cells.flatMap((row, r) =>
    (row ?? []).flatMap((cell, c) =>
      cell === null || cell === undefined ? [] : [{ row: r, column: c, cell }]
    )
  );
}

function engineWith(port: FakeWorkbook): HyperFormula {
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  for (const [name, cells] of port.userSheets) sheets[name] = engineSheet(cells);
  for (const [name, sheet] of port.addedSheets) sheets[name] = engineSheet(sheet.cells);
  return buildWorkbook(sheets);
}

describe("board pack over a customers × months grid (and a survey)", () => {
  let port: FakeWorkbook;
  let before: string;
  let revenue: Awaited<ReturnType<typeof analyseRevenueSelection>>;
  let survey: Awaited<ReturnType<typeof analyseSurveySelection>>;
  let packName: string;
  let book: HyperFormula;

  beforeAll(async () => {
    port = new FakeWorkbook(
      { "MRR data": gridSheet(), [SURVEY_SHEET]: surveySheet() },
      { selection: "'MRR data'!B2:I11", blockRows: 3 }
    );
    before = port.snapshot();
    revenue = await analyseRevenueSelection(port);
    const surveyPort = new FakeWorkbook(
      { [SURVEY_SHEET]: surveySheet() },
      { selection: `'Q1 ''24 NPS'!A1:C13` }
    );
    survey = await analyseSurveySelection(surveyPort);
    const plan = planBoardPack(
      {
        revenue: revenueInput(revenue.read, revenue.model, revenue.analysis),
        survey: surveyInput(survey.read, survey.model, survey.analysis),
      },
      en
    );
    packName = (await writeSheetPlan(port, plan)).sheetName;
    book = engineWith(port);
  });

  it("reads the selection in blocks, reporting progress", () => {
    expect(revenue.read.address).toBe("'MRR data'!B2:I11");
    expect(port.progress.map((p) => p.rowsRead)).toEqual([3, 6, 9, 10]);
  });

  it("leaves the user's sheets byte for byte as they were and only adds the pack", () => {
    expect(port.snapshot()).toBe(before);
    expect([...port.addedSheets.keys()]).toEqual(["Board pack"]);
    expect(port.calls.filter((call) => call.startsWith("writeCells"))).toEqual([
      "writeCells Board pack",
    ]);
  });

  it("writes formulas over the user's own ranges, sheet names quoted", () => {
    const formulas = writtenCells(port, packName).map(({ cell }) =>
      typeof cell === "object" && cell ? cell.formula : ""
    );
    expect(formulas).toContain("=SAAS.NRR('MRR data'!$H$3:$H$10,'MRR data'!$I$3:$I$10)");
    expect(formulas).toContain(
      "=SAAS.QUICKRATIO('MRR data'!$H$3:$H$10,'MRR data'!$I$3:$I$10,'MRR data'!$D$3:$G$10)"
    );
    expect(formulas).toContain("=SAAS.COHORT('MRR data'!$D$2:$I$10)");
    expect(formulas).toContain("=SAAS.NPS('Q1 ''24 NPS'!$C$2:$C$13)");
  });

  it("every number in the pack is a live SAAS formula: no value is copied from the data", () => {
    for (const { cell } of writtenCells(port, packName)) {
      expect(typeof cell, JSON.stringify(cell)).not.toBe("number");
      expect(typeof cell).not.toBe("boolean");
      if (typeof cell !== "object" || cell === null) continue;
      const text = cell.formula;
      // A formula either calls the functions, names a period from the user's header row, refers
      // to a spill in the calculation area right of the tables (column R on), or (the chart's
      // stacked-bridge helper) works on the pack's own bridge cells.
      const headerReference = /^='MRR data'!\$[A-Z]+\$2$/.test(text);
      const calculation = /^=\$([A-Z]+)\$\d+$/.exec(text);
      const intoCalculations =
        calculation !== null && parseCellAddress(`${calculation[1]}1`).column >= 17;
      // A sample's size, counted over the data, and the small-sample note that follows from it.
      const sampleCount =
        /^=(COUNTIF|COUNT)\('(?:[^']|'')+'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+(,">0")?\)$/.test(text);
      const smallSampleNote = /^=IF\(\$D\$\d+<30,\$[A-Z]+\$\d+,""\)$/.test(text);
      const bridgeHelper =
        /^=(\$A\$\d+|\$B\$\d+|MIN\(SUM\(\$B\$\d+:\$B\$\d+\),SUM\(\$B\$\d+:\$B\$\d+\)\)|MAX\(-?\$B\$\d+,0\)|ABS\(\$B\$\d+\))$/.test(
          text
        );
      // A reading: the KPI's own figure beside it compared with fixed limits, choosing words
      // written in the calculation area.
      const reading =
        /^=IFERROR\((IF\(\$B\$\d+(>|<|=|>=)[-0-9.^]+,\$[A-Z]+\$\d+,)*\$[A-Z]+\$\d+\)*,""\)$/.test(
          text
        );
      // The trend's 100% line.
      const reference = text === "=100%";
      expect(
        text.includes("SAAS.") ||
          headerReference ||
          intoCalculations ||
          bridgeHelper ||
          reading ||
          reference ||
          sampleCount ||
          smallSampleNote,
        text
      ).toBe(true);
    }
  });

  it.each(["nrr", "grr", "logoRetention", "mrrChurn", "netMrrChurn", "quickRatio"] as const)(
    "the pack's %s is the pane's",
    (id) => {
      const kpi = revenue.analysis.kpis.find((k) => k.id === id);
      const label = en.t(`kpi.${id}`);
      expect(rowLabelled(book, packName, label)[1] as number).toBeCloseTo(figure(kpi!.figure), 12);
    }
  );

  it("the pack's periods name May and June from the user's header row", () => {
    expect(rowLabelled(book, packName, en.t("period.from"))[1]).toBe("May 2024");
    expect(rowLabelled(book, packName, en.t("period.to"))[1]).toBe("Jun 2024");
  });

  it("the bridge, and its stacked-column helper adds up to it", () => {
    const start = rowIndexOf(book, packName, en.t("bridge.startMrr"));
    const values = book.getSheetValues(book.getSheetId(packName) as number);
    const bridge = ready(revenue.analysis.bridge);
    const amounts = BRIDGE_STEPS.map((step) => bridge[step]);
    amounts.forEach((amount, k) => expect(values[start + k]?.[1] as number).toBeCloseTo(amount, 9));
    // The helper, with the calculations: base, start/end, up, down, one row per step.
    const source = port.addedSheets.get(packName)?.charts[0]?.bridgeSource as string;
    const [from] = source.split(":") as [string];
    const at = parseCellAddress(from);
    expect(at.column).toBeGreaterThanOrEqual(17);
    expect(values[at.row]?.slice(at.column + 1, at.column + 5)).toEqual([
      en.t("pack.base"),
      en.t("pack.totals"),
      en.t("pack.up"),
      en.t("pack.down"),
    ]);
    // base + up = the running total after a gain; base = running total after a loss; start and
    // end stand on the axis at their full height.
    let running = 0;
    amounts.forEach((amount, k) => {
      const [label, base, total, up, down] = (values[at.row + 1 + k] ?? []).slice(
        at.column,
        at.column + 5
      ) as [string, number | null, number | null, number | null, number | null];
      expect(label).toBe(values[start + k]?.[0]);
      if (k === 0 || k === amounts.length - 1) {
        expect(total as number).toBeCloseTo(amount, 9);
        expect([base ?? null, up ?? null, down ?? null]).toEqual([null, null, null]);
        if (k === 0) running = amount;
        return;
      }
      expect(total ?? null).toBeNull();
      expect(Math.min(running, running + amount)).toBeCloseTo(base as number, 9);
      expect((up || 0) - (down || 0)).toBeCloseTo(amount, 9);
      running += amount;
    });
    expect(running).toBeCloseTo(bridge.endMrr, 9);
  });

  it("the NRR/GRR trend, month by month", () => {
    const first = rowIndexOf(book, packName, en.t("trend.heading")) + 2;
    const values = book.getSheetValues(book.getSheetId(packName) as number);
    revenue.analysis.trend.forEach((point, i) => {
      expect(values[first + i]?.[1] as number).toBeCloseTo(figure(point.nrr), 12);
      expect(values[first + i]?.[2] as number).toBeCloseTo(figure(point.grr), 12);
    });
  });

  it("the cohort table is a live SAAS.COHORT spill with a colour scale", () => {
    const anchor = writtenCells(port, packName).find(
      ({ cell }) =>
        typeof cell === "object" && cell !== null && cell.formula.startsWith("=SAAS.COHORT")
    );
    const values = book.getSheetValues(book.getSheetId(packName) as number);
    ready(revenue.analysis.cohort).forEach((cohortRow, r) =>
      cohortRow.forEach((cell, c) => {
        const shown = values[anchor!.row + r]?.[anchor!.column + c];
        if (typeof cell === "number") expect(shown as number).toBeCloseTo(cell, 12);
        else expect(shown ?? "").toBe(cell);
      })
    );
    expect(port.addedSheets.get(packName)?.colorScales).toHaveLength(1);
  });

  it("ARPA, the logo retention interval and the comparison with other tools are the pane's", () => {
    const values = book.getSheetValues(book.getSheetId(packName) as number);
    const endColumn = revenue.model.columns[revenue.analysis.end]?.amounts.values ?? [];
    const paying = [...endColumn].filter((mrr) => mrr > 0);
    expect(rowLabelled(book, packName, en.t("pack.arpa"))[1] as number).toBeCloseTo(
      paying.reduce((a, b) => a + b, 0) / paying.length,
      9
    );
    const logo = revenue.analysis.kpis.find((kpi) => kpi.id === "logoRetention");
    const intervals = rowIndexOf(book, packName, en.t("pack.intervalsHeading"));
    const shown = rowLabelled(book, packName, en.t("kpi.logoRetention"), intervals);
    expect(shown[1] as number).toBeCloseTo(logo!.interval!.lower, 12);
    expect(shown[2] as number).toBeCloseTo(logo!.interval!.upper, 12);
    expect(shown[3]).toBe(logo!.interval!.sample);
    expect(shown[4]).toBe(en.t("pack.smallSample")); // 8 customers at the start
    // SAAS.RECONCILE spilled under its heading: the pane's table, figure for figure.
    const heading = rowIndexOf(book, packName, en.t("compare.heading"));
    const table = ready(revenue.analysis.reconcile);
    table.slice(1).forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell === "number")
          expect(values[heading + 3 + r]?.[c] as number).toBeCloseTo(cell, 12);
      })
    );
  });

  it("who moved: SAAS.MOVERS's lists on the pack are the pane's, ten at most, largest first", () => {
    const values = book.getSheetValues(book.getSheetId(packName) as number);
    const moved = revenue.analysis.whoMoved!;
    const heading = rowIndexOf(book, packName, en.t("moved.heading"));
    const at = (label: string) => {
      for (let r = heading; r < values.length; r++) {
        const c = (values[r] ?? []).indexOf(label);
        if (c >= 0) return { r, c };
      }
      throw new Error(`no ${label}`);
    };
    for (const kind of ["churn", "contraction", "expansion", "new"] as const) {
      const { r, c } = at(en.t(`moved.${kind}`));
      expect(values[r + 1]?.slice(c, c + 2)).toEqual(["customer", "change"]);
      moved[kind].forEach((mover, k) => {
        expect(values[r + 2 + k]?.[c]).toBe(mover.customer);
        expect(values[r + 2 + k]?.[c + 1] as number).toBeCloseTo(mover.change, 9);
      });
    }
    // Each list adds up to its line of the bridge when it holds every mover.
    const bridge = ready(revenue.analysis.bridge);
    if (moved.churn.length < 10)
      expect(moved.churn.reduce((sum, mover) => sum + mover.change, 0)).toBeCloseTo(
        bridge.churn,
        9
      );
  });

  it("the segment table: labels and figures per plan, then the Total", () => {
    const [table] = revenue.analysis.segmentTables;
    const heading = rowIndexOf(book, packName, en.t("pack.segmentHeading", { segment: "Plan" }));
    const values = book.getSheetValues(book.getSheetId(packName) as number);
    table!.rows.forEach((row, k) => {
      const shown = values[heading + 2 + k] ?? [];
      expect(shown[0]).toBe(row.total ? en.t("segments.total") : row.label);
      ["nrr", "grr", "logoRetention", "mrrChurn"].forEach((metric, m) => {
        const expected = row.figures[metric as "nrr"];
        if (isValue(expected))
          expect(shown[m + 1] as number, JSON.stringify(shown[m + 1])).toBeCloseTo(
            expected.value,
            12
          );
        else expect(shown[m + 1]).toMatchObject({ type: "DIV_BY_ZERO" });
      });
    });
  });

  it("the segment table is headed by the column's own name", () => {
    const heading = rowIndexOf(book, packName, en.t("pack.segmentHeading", { segment: "Plan" }));
    const values = book.getSheetValues(book.getSheetId(packName) as number);
    expect(values[heading + 1]?.[0]).toBe("Plan");
  });

  it("each KPI's reading on the pack is the pane's, chosen live by the figure beside it", () => {
    const kpis = [...revenue.analysis.kpis, ...survey.analysis.kpis];
    let read = 0;
    for (const kpi of kpis) {
      if (kpi.reading === null) continue;
      const row = rowLabelled(book, packName, en.t(KPI_NAME[kpi.id]));
      const branch = packReadings(kpi.id, kpi.id === "nps" ? 1 : revenue.analysis.months).find(
        (candidate) => candidate.key === kpi.reading?.key
      );
      expect(branch, kpi.id).toBeDefined();
      expect(row[2], kpi.id).toBe(en.t(branch!.text, branch!.params));
      read++;
    }
    expect(read).toBeGreaterThanOrEqual(7);
  });

  it("looks like a report: title, ruled headings, filled header rows, widths, one page wide", () => {
    const added = port.addedSheets.get(packName)!;
    // One cell's rule may be written "A1" or "A1:A1".
    const styleOf = (address: string) =>
      added.cellStyles
        .filter((rule) => rule.address === address || rule.address === `${address}:${address}`)
        .reduce((all, rule) => ({ ...all, ...rule }), {});
    expect(styleOf("A1")).toMatchObject({ bold: true, size: 14, color: PALETTE.heading });
    for (const key of [
      "kpi.heading",
      "bridge.heading",
      "trend.heading",
      "pack.cohortHeading",
      "moved.heading",
      "compare.heading",
    ] as const) {
      const row = rowIndexOf(book, packName, en.t(key)) + 1;
      expect(row, key).toBeGreaterThan(0);
      expect(styleOf(`A${row}`), key).toMatchObject({ bold: true, color: PALETTE.heading });
      expect(styleOf(`A${row}:F${row}`), key).toMatchObject({ underline: PALETTE.heading });
    }
    const kpiHeader = rowIndexOf(book, packName, en.t("pack.metric")) + 1;
    expect(styleOf(`A${kpiHeader}:C${kpiHeader}`)).toMatchObject({
      bold: true,
      fill: PALETTE.headerFill,
    });
    expect(added.columnWidths.slice(0, 6).map((width) => width.column)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(added.columnWidths[0]!.points).toBeGreaterThanOrEqual(180);
    // Landscape, one page wide, the tables and charts (to L, or the widest table) but not the
    // calculations (from R).
    expect(added.print).toMatchObject({ orientation: "landscape", fitToOnePageWide: true });
    const [first, last] = (added.print?.printArea ?? "").split(":") as [string, string];
    expect(first).toBe("A1");
    const printed = parseCellAddress(last).column;
    const chartEdge = Math.max(
      ...added.charts.map((chart) => parseCellAddress(chart.bottomRight).column)
    );
    expect(printed).toBeGreaterThanOrEqual(chartEdge);
    expect(printed).toBeLessThan(17);
    const bottom = Math.max(
      ...writtenCells(port, packName)
        .filter(({ column }) => column < 17)
        .map(({ row }) => row)
    );
    expect(parseCellAddress(last).row).toBeGreaterThanOrEqual(bottom);
    // A number format on every figure that is not a whole count, in the tables (A–F).
    const formatted = added.numberFormats.map((rule) => {
      const [from, to] = rule.address.split(":") as [string, string | undefined];
      return [parseCellAddress(from), parseCellAddress(to ?? from)] as const;
    });
    const values = book.getSheetValues(book.getSheetId(packName) as number);
    let figures = 0;
    values.forEach((row, r) =>
      row.slice(0, 6).forEach((value, c) => {
        if (typeof value !== "number" || Number.isInteger(value)) return;
        figures++;
        const covered = formatted.some(
          ([from, to]) => from.row <= r && r <= to.row && from.column <= c && c <= to.column
        );
        expect(covered, `${String.fromCharCode(65 + c)}${r + 1}: ${value}`).toBe(true);
      })
    );
    expect(figures).toBeGreaterThan(40);
    // Every style is on a range inside the sheet, as the port checks.
    for (const rule of added.cellStyles) expect(rule.address).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/);
  });

  it("the NPS breakdown with its margin of error", () => {
    const [nps] = survey.analysis.kpis;
    const breakdown = survey.analysis.breakdown!;
    expect(rowLabelled(book, packName, en.t("survey.promoters")).slice(1, 3)).toEqual([
      breakdown.promoters,
      breakdown.promoters / breakdown.responses,
    ]);
    expect(rowLabelled(book, packName, en.t("survey.responses"))[1]).toBe(breakdown.responses);
    const heading = rowIndexOf(book, packName, en.t("survey.heading"));
    expect(rowLabelled(book, packName, en.t("kpi.nps"), heading)[1] as number).toBeCloseTo(
      figure(nps!.figure),
      12
    );
    expect(rowLabelled(book, packName, en.t("pack.npsMargin"))[1] as number).toBeCloseTo(
      npsMarginOfError(breakdown, 0.95),
      12
    );
    // The interval table: NPS.CI's adjusted-Wald bounds, the answers counted, the card's.
    const interval = rowLabelled(
      book,
      packName,
      en.t("kpi.nps"),
      rowIndexOf(book, packName, en.t("pack.intervalsHeading"))
    );
    expect(interval[1] as number).toBeCloseTo(nps!.interval!.lower, 9);
    expect(interval[2] as number).toBeCloseTo(nps!.interval!.upper, 9);
    expect(interval[3]).toBe(nps!.interval!.sample);
  });

  it("charts: a waterfall with its stacked-column fallback table, and a line chart of the trend", () => {
    const charts = port.addedSheets.get(packName)?.charts ?? [];
    expect(charts.map((chart) => chart.kind)).toEqual(["waterfall", "line"]);
    // The helper stands with the calculations, right of the charts (from column R).
    expect(
      parseCellAddress((charts[0]?.bridgeSource ?? "").split(":")[0] as string).column
    ).toBeGreaterThanOrEqual(17);
    // One colour per meaning: the base unseen, totals, gains, losses; NRR, GRR, the 100% line.
    expect(charts[0]?.seriesColors).toEqual([null, PALETTE.total, PALETTE.gain, PALETTE.loss]);
    expect(charts[1]?.seriesColors).toEqual([PALETTE.nrr, PALETTE.grr, PALETTE.reference]);
    const formats = port.addedSheets.get(packName)?.numberFormats.map((rule) => rule.format) ?? [];
    expect(formats).toEqual(expect.arrayContaining(["0.0%", "#,##0", "mmm yyyy", "0%"]));
  });

  it("a second board pack is a second sheet, never an overwrite", async () => {
    const plan = planBoardPack(
      { revenue: revenueInput(revenue.read, revenue.model, revenue.analysis), survey: null },
      en
    );
    const second = await writeSheetPlan(port, plan);
    expect(second.sheetName).toBe("Board pack (2)");
    expect([...port.addedSheets.keys()]).toEqual(["Board pack", "Board pack (2)"]);
    expect(port.snapshot()).toBe(before);
  });

  it("a host without waterfalls reports the stacked-column bridge", async () => {
    const other = new FakeWorkbook(
      { "MRR data": gridSheet() },
      { selection: "'MRR data'!B2:I11", waterfallDrawnAs: "columnStacked" }
    );
    const plan = planBoardPack(
      { revenue: revenueInput(revenue.read, revenue.model, revenue.analysis), survey: null },
      en
    );
    expect((await writeSheetPlan(other, plan)).charts).toEqual(["columnStacked", "line"]);
  });

  it("in Chinese: the same formulas, the labels translated", () => {
    const input = {
      revenue: revenueInput(revenue.read, revenue.model, revenue.analysis),
      survey: null,
    };
    const english = planBoardPack(input, en);
    const chinese = planBoardPack(input, zh);
    const formulasOf = (plan: typeof english) =>
      plan.blocks.flatMap((block) =>
        block.rows.flat().filter((cell) => typeof cell === "object" && cell !== null)
      );
    expect(formulasOf(chinese)).toEqual(formulasOf(english));
    expect(chinese.wantedName).toBe("董事会报告");
    expect(chinese.blocks[0]?.rows[0]?.[0]).toBe(zh.t("pack.title"));
  });

  it("the mapping is remembered in the workbook's settings and recalled for the same range", async () => {
    const recalled = await recallMapping(port, revenue.read);
    expect(recalled.mapping).toMatchObject({ kind: "grid", firstRow: 1, lastRow: 8 });
    const otherRange = { ...revenue.read, address: "'MRR data'!B2:I10" };
    expect(await recallMapping(port, otherRange)).toEqual({ mapping: null, setAside: null });
  });
});

describe("board pack over a billing ledger: the pack spills the matrix itself", () => {
  const LEDGER: CellValue[][] = [
    ["Customer", "Date", "Amount", "Region"],
    ["Acme", "2024-01-10", 100, "EU"],
    ["Acme", "2024-02-10", 100, "EU"],
    ["Acme", "2024-02-20", 20, "EU"],
    ["Beta", "2024-01-15", 50, "US"],
    ["Beta", "2024-03-01", 50, "US"],
    [101, "2024-02-01", 70, "US"],
    [101, "2024-03-01", 70, "APAC"],
    ["Delta ", "2024-03-05", 30, ""],
  ];
  let port: FakeWorkbook;
  let before: string;
  let revenue: Awaited<ReturnType<typeof analyseRevenueSelection>>;
  let book: HyperFormula;

  beforeAll(async () => {
    port = new FakeWorkbook({ Ledger: LEDGER }, { selection: "Ledger!A1:D9" });
    before = port.snapshot();
    revenue = await analyseRevenueSelection(port);
    const plan = planBoardPack(
      { revenue: revenueInput(revenue.read, revenue.model, revenue.analysis), survey: null },
      en
    );
    await writeSheetPlan(port, plan);
    book = engineWith(port);
  });

  it("leaves the ledger as it was", () => expect(port.snapshot()).toBe(before));

  it("spills SAAS.MRRMATRIX over the ledger's columns", () => {
    const formulas = writtenCells(port, "Board pack").map(({ cell }) =>
      typeof cell === "object" && cell ? cell.formula : ""
    );
    expect(formulas).toContain(
      '=SAAS.MRRMATRIX(Ledger!$A$2:$A$9,Ledger!$B$2:$B$9,Ledger!$C$2:$C$9,"month")'
    );
  });

  it.each(["nrr", "grr", "logoRetention", "mrrChurn", "netMrrChurn", "quickRatio"] as const)(
    "the pack's %s is the pane's",
    (id) => {
      const kpi = revenue.analysis.kpis.find((k) => k.id === id);
      expect(rowLabelled(book, "Board pack", en.t(`kpi.${id}`))[1] as number).toBeCloseTo(
        figure(kpi!.figure),
        12
      );
    }
  );

  it("segments looked up per customer agree with the pane's", () => {
    const [table] = revenue.analysis.segmentTables;
    expect(table?.rows.map((row) => row.label)).toEqual(["EU", "US", "(blank)", "Total"]);
    const heading = rowIndexOf(
      book,
      "Board pack",
      en.t("pack.segmentHeading", { segment: "Region" })
    );
    const values = book.getSheetValues(book.getSheetId("Board pack") as number);
    table!.rows.forEach((row, k) => {
      const shown = values[heading + 2 + k] ?? [];
      if (!row.total) expect(shown[0]).toBe(row.label);
      const nrr = row.figures.nrr;
      if (isValue(nrr)) expect(shown[1] as number).toBeCloseTo(nrr.value, 12);
      else expect(shown[1]).toMatchObject({ type: "DIV_BY_ZERO" });
    });
  });

  it("the cohort table over the spilled matrix", () => {
    const anchor = writtenCells(port, "Board pack").find(
      ({ cell }) =>
        typeof cell === "object" && cell !== null && cell.formula.startsWith("=SAAS.COHORT")
    );
    const values = book.getSheetValues(book.getSheetId("Board pack") as number);
    ready(revenue.analysis.cohort).forEach((cohortRow, r) =>
      cohortRow.forEach((cell, c) => {
        const shown = values[anchor!.row + r]?.[anchor!.column + c];
        if (typeof cell === "number") expect(shown as number).toBeCloseTo(cell, 12);
        else expect(shown ?? "").toBe(cell);
      })
    );
  });
});

describe("the what-if scenario sheet", () => {
  let port: FakeWorkbook;
  let before: string;
  let book: HyperFormula;
  let projection: ReturnType<typeof whatIfProjection>;
  let sheetName: string;
  const assumptions = {
    churnChange: -0.01,
    contractionChange: 0.002,
    expansionChange: 0.005,
    newBusinessChange: 0.25,
    months: 18,
  };

  beforeAll(async () => {
    port = new FakeWorkbook({ "MRR data": gridSheet() }, { selection: "'MRR data'!B2:I11" });
    before = port.snapshot();
    const { model } = await analyseRevenueSelection(port);
    const analysis = analyseRevenue(model, { start: 0, end: 5 });
    if (!analysis.baseline.ok) throw new Error(analysis.baseline.problem.key);
    projection = whatIfProjection(analysis.baseline.value, assumptions);
    const plan = planWhatIf(
      {
        baseline: analysis.baseline.value,
        assumptions,
        measuredFrom: "Jan 2024",
        measuredTo: "Jun 2024",
      },
      en
    );
    sheetName = (await writeSheetPlan(port, plan)).sheetName;
    book = engineWith(port);
  });

  it("baseline and scenario in the palette's colours, the scenario's cells marked, landscape", () => {
    const added = port.addedSheets.get(sheetName)!;
    expect(added.charts[0]?.seriesColors).toEqual([PALETTE.baseline, PALETTE.scenario]);
    expect(added.cellStyles.some((rule) => rule.address === "C6:C12" && rule.fill)).toBe(true);
    expect(added.print).toMatchObject({ orientation: "landscape", fitToOnePageWide: true });
    // It prints the projection's last month and the chart's far corner, both.
    const [, corner] = (added.print?.printArea ?? "").split(":") as [string, string];
    const printed = parseCellAddress(corner);
    const chart = parseCellAddress(added.charts[0]!.bottomRight);
    expect(printed.column).toBe(chart.column);
    expect(printed.row).toBe(
      Math.max(chart.row, WHAT_IF_ROWS.projectionHeader + assumptions.months)
    );
  });

  it("adds a sheet and changes nothing else", () => {
    expect(sheetName).toBe("What-if");
    expect(port.snapshot()).toBe(before);
  });

  it("SAAS.PROJECT over the assumption cells gives the pane's projection", () => {
    const values = book.getSheetValues(book.getSheetId(sheetName) as number);
    const first = WHAT_IF_ROWS.projectionHeader + 1;
    projection.baselineMrr.forEach((mrr, m) =>
      expect(values[first + m]?.[1] as number).toBeCloseTo(mrr, 9)
    );
    projection.scenarioMrr.forEach((mrr, m) =>
      expect(values[first + m]?.[2] as number).toBeCloseTo(mrr, 9)
    );
    expect(values[WHAT_IF_ROWS.nrr]?.[2] as number).toBeCloseTo(projection.scenario.monthlyNrr, 12);
    expect(values[WHAT_IF_ROWS.mrrAtEnd]?.[2] as number).toBeCloseTo(projection.scenarioEndMrr, 9);
    expect(values[WHAT_IF_ROWS.arrAtEnd]?.[1] as number).toBeCloseTo(projection.baselineEndArr, 9);
  });

  it("literal numbers sit only in the assumption cells; the rest are formulas", () => {
    const assumptionRows = [
      WHAT_IF_ROWS.startMrr,
      WHAT_IF_ROWS.churn,
      WHAT_IF_ROWS.contraction,
      WHAT_IF_ROWS.expansion,
      WHAT_IF_ROWS.nrr,
      WHAT_IF_ROWS.newMrr,
      WHAT_IF_ROWS.months,
    ];
    for (const { row, column, cell } of writtenCells(port, sheetName)) {
      if (typeof cell === "number") {
        expect(assumptionRows).toContain(row);
        expect([1, 2]).toContain(column);
      }
    }
    const formulas = writtenCells(port, sheetName).flatMap(({ cell }) =>
      typeof cell === "object" && cell ? [cell.formula] : []
    );
    expect(formulas).toContain("=SAAS.PROJECT($C$6,$C$10,$C$11,$C$12)");
  });

  it("editing a scenario cell moves the projection: it stays a live model", () => {
    const sheet = book.getSheetId(sheetName) as number;
    book.setCellContents({ sheet, row: WHAT_IF_ROWS.newMrr, col: 2 }, 0);
    book.setCellContents(
      { sheet, row: WHAT_IF_ROWS.churn, col: 2 },
      book.getCellValue({ sheet, row: WHAT_IF_ROWS.churn, col: 1 }) as number
    );
    const nrr = book.getCellValue({ sheet, row: WHAT_IF_ROWS.nrr, col: 2 }) as number;
    const start = book.getCellValue({ sheet, row: WHAT_IF_ROWS.startMrr, col: 2 }) as number;
    const first = book.getCellValue({
      sheet,
      row: WHAT_IF_ROWS.projectionHeader + 1,
      col: 2,
    }) as number;
    expect(first).toBeCloseTo(start * nrr, 9);
  });
});

describe("a board pack of survey answers only", () => {
  it("has the NPS, its reading and its interval, and no revenue section", async () => {
    const port = new FakeWorkbook(
      { [SURVEY_SHEET]: surveySheet() },
      { selection: `'Q1 ''24 NPS'!A1:C13` }
    );
    const survey = await analyseSurveySelection(port);
    const plan = planBoardPack(
      { revenue: null, survey: surveyInput(survey.read, survey.model, survey.analysis) },
      en
    );
    const name = (await writeSheetPlan(port, plan)).sheetName;
    const book = engineWith(port);
    const nps = survey.analysis.kpis.find((k) => k.id === "nps")!;
    const row = rowLabelled(book, name, en.t("kpi.nps"));
    expect(row[1] as number).toBeCloseTo(figure(nps.figure), 12);
    const branch = packReadings("nps", 1).find((b) => b.key === nps.reading?.key)!;
    expect(row[2]).toBe(en.t(branch.text, branch.params));
    expect(rowIndexOf(book, name, en.t("bridge.heading"))).toBe(-1);
    expect(rowIndexOf(book, name, en.t("pack.intervalsHeading"))).toBeGreaterThan(0);
    expect(port.addedSheets.get(name)?.print).toMatchObject({ orientation: "landscape" });
  });
});

describe("the pack's readings choose as the pane's do", () => {
  /** The branch a value takes, its limits evaluated as Excel would (^ is a power). */
  function branchOf(id: KpiId, value: number, months: number) {
    return packReadings(id, months).find(({ when }) => {
      if (when === null) return true;
      const [, operator, limit] = /^(>=|>|<|=)(.+)$/.exec(when) as unknown as [
        string,
        string,
        string,
      ];
      const bound = Function(`return ${limit.replace(/\^/g, "**")}`)() as number;
      switch (operator) {
        case ">":
          return value > bound;
        case ">=":
          return value >= bound;
        case "<":
          return value < bound;
        default:
          return value === bound;
      }
    });
  }

  const IDS: readonly KpiId[] = [
    "nrr",
    "grr",
    "logoRetention",
    "mrrChurn",
    "netMrrChurn",
    "quickRatio",
    "nps",
    "csat",
  ];

  it("over random figures and spans, the pack's branch is the pane's reading", () => {
    let state = 20261126;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 4000; i++) {
      const id = IDS[i % IDS.length] as KpiId;
      const months = 1 + Math.floor(random() * 24);
      const value =
        id === "nps"
          ? Math.round(random() * 200 - 100)
          : id === "quickRatio"
            ? random() * 3
            : id === "netMrrChurn"
              ? random() * 0.4 - 0.2
              : id === "nrr"
                ? ([1, random() * 0.4 + 0.8][i % 2] as number)
                : random();
      const pane = kpi(id, { value }, months).reading;
      expect(branchOf(id, value, months)?.key, `${id} ${value} over ${months}`).toBe(pane?.key);
    }
  });

  it("at the benchmarks themselves", () => {
    for (const [id, value, months] of [
      ["grr", 0.99 ** 3 + 1e-9, 3],
      ["grr", 0.99 ** 3 - 1e-9, 3],
      ["mrrChurn", 1 - 0.99 ** 12 - 1e-9, 12],
      ["mrrChurn", 1 - 0.99 ** 12 + 1e-9, 12],
      ["logoRetention", 0.95 ** 2 + 1e-9, 2],
      ["logoRetention", 0.95 ** 2 - 1e-9, 2],
      ["nps", 30, 1],
      ["nps", 50, 1],
      ["nps", 0, 1],
      ["csat", 0.8, 1],
      ["quickRatio", 1, 1],
      ["netMrrChurn", 0, 1],
    ] as const) {
      expect(branchOf(id, value, months)?.key, `${id} ${value}`).toBe(
        kpi(id, { value }, months).reading?.key
      );
    }
  });
});
