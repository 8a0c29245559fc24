/**
 * The task pane's analysis, against figures worked by hand from the spec's definitions, and
 * against the core called exactly as the SAAS.* bindings call it on the same ranges.
 */
import { describe, expect, it } from "vitest";
import { countNps, grossRevenueRetention, isoDateToSerial, logoRetention, mrrBridge, netPromoterScore, netRevenueRetention, npsMarginOfError, NPS_SCALE, quickRatio, readRevenueInput, readScores, readSurveyInput, revenueMetric, revenueTotals, surveyMetric } from "../../src/core";
import { type GridMapping, type LedgerMapping, type RevenueModel, type SourceCells, type SurveyMapping, analyseRevenue, analyseSurvey, availablePeriodChoices, detectLayout, mappingFromLayout, mappingProblems, monthlyEquivalent, prepareRevenue, prepareSurvey, resolvePeriodChoice, whatIfBaseline, whatIfProjection } from "../../src/analysis";

/** A column as Excel passes a range of it: [[a], [b], …]. */
const column = (...values: unknown[]) => values.map((value) => [value]);

// Six customers over four months (columns C–F), a plan in B. Worked by hand below.
const GRID: unknown[][] = [
  ["Customer", "Plan", "Jan 2024", "Feb 2024", "Mar 2024", "Apr 2024"],
  ["Acme", "SMB", 100, 100, 120, 120],
  ["Beta", "Ent", 200, 200, 150, 150],
  ["Cyan", "SMB", 50, 50, 50, 0],
  ["Delta", "Ent", 0, 0, 0, 80],
  ["Echo", "SMB", 30, "", "", 40],
  ["Fox", "Ent", 300, 300, 300, 330],
];

function source(
  cells: unknown[][],
  sheetName = "MRR data",
  rowIndex = 0,
  columnIndex = 0
): SourceCells {
  return { cells, sheetName, rowIndex, columnIndex };
}

function prepared(cells: unknown[][] = GRID): RevenueModel {
  const guess = detectLayout(cells);
  const mapping = mappingFromLayout(guess);
  if (mapping === null || mapping.kind === "survey")
    throw new Error(`no revenue layout: ${guess.kind}`);
  const model = prepareRevenue(source(cells), mapping);
  if (!model.ok) throw new Error(`not prepared: ${model.problem.key}`);
  return model.value;
}

function valueOf(figure: { value: number } | { error: string }): number {
  if (!("value" in figure)) throw new Error(`an error figure: ${figure.error}`);
  return figure.value;
}

function kpis(analysis: ReturnType<typeof analyseRevenue>): Record<string, number> {
  return Object.fromEntries(analysis.kpis.map((kpi) => [kpi.id, valueOf(kpi.figure)]));
}

describe("a customers × months grid, last month (Mar → Apr)", () => {
  const model = prepared();
  const analysis = analyseRevenue(model, { start: 2, end: 3 });

  it("reads the layout's mapping: four monthly periods, the plan as a segment", () => {
    expect(model.kind).toBe("grid");
    expect(model.periods).toEqual(["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"]);
    expect(model.customers).toBe(6);
    expect(model.segments.map((segment) => segment.name)).toEqual(["Plan"]);
  });

  it.each([
    // start 620 (120+150+50+300); Cyan churns 50; Fox expands 30; Delta new 80; Echo back with 40.
    ["nrr", 600 / 620, "existing customers end at 120+150+0+330"],
    ["grr", 570 / 620, "capped per customer: 120+150+0+300"],
    ["logoRetention", 3 / 4, "Acme, Beta, Fox of the four paying in March still pay"],
    ["mrrChurn", 50 / 620, "Cyan's 50, no contraction"],
    ["netMrrChurn", (50 - 30) / 620, "churn 50 less expansion 30"],
    [
      "quickRatio",
      (80 + 40 + 30) / 50,
      "new 80, reactivation 40 (Echo paid in January), expansion 30 over churn 50",
    ],
  ])("%s = %d (%s)", (id, expected) => {
    expect(kpis(analysis)[id]).toBeCloseTo(expected, 12);
  });

  it("the bridge adds up: 620 + 80 + 40 + 30 − 0 − 50 = 720", () => {
    expect(analysis.bridge).toEqual({
      startMrr: 620,
      newMrr: 80,
      reactivation: 40,
      expansion: 30,
      contraction: 0,
      churn: -50,
      endMrr: 720,
    });
    expect(analysis.usesHistory).toBe(true);
  });

  it("NRR and GRR month by month", () => {
    expect(analysis.trend.map((point) => point.period)).toEqual([1, 2, 3]);
    const nrr = analysis.trend.map((point) => valueOf(point.nrr));
    const grr = analysis.trend.map((point) => valueOf(point.grr));
    [650 / 680, 620 / 650, 600 / 620].forEach((expected, i) =>
      expect(nrr[i]).toBeCloseTo(expected, 12)
    );
    [650 / 680, 600 / 650, 570 / 620].forEach((expected, i) =>
      expect(grr[i]).toBeCloseTo(expected, 12)
    );
  });

  it("per segment: SMB loses Cyan, Ent grows with Fox, then the Total row", () => {
    const [table] = analysis.segmentTables;
    expect(table?.name).toBe("Plan");
    expect(table?.rows.map((row) => [row.label, row.total])).toEqual([
      ["SMB", false],
      ["Ent", false],
      ["Total", true],
    ]);
    const smb = table?.rows[0]?.figures;
    const ent = table?.rows[1]?.figures;
    expect(valueOf(smb!.nrr)).toBeCloseTo(120 / 170, 12);
    expect(valueOf(smb!.logoRetention)).toBeCloseTo(1 / 2, 12);
    expect(valueOf(smb!.mrrChurn)).toBeCloseTo(50 / 170, 12);
    expect(valueOf(ent!.nrr)).toBeCloseTo(480 / 450, 12);
    expect(valueOf(ent!.grr)).toBe(1);
    expect(valueOf(table!.rows[2]!.figures.nrr)).toBeCloseTo(600 / 620, 12);
  });

  it("readings hold each figure against the spec's benchmarks", () => {
    const reading = (id: string) => analysis.kpis.find((kpi) => kpi.id === id)?.reading;
    expect(reading("nrr")).toMatchObject({ key: "reading.nrr.shrinking", tone: "neutral" });
    expect(reading("mrrChurn")).toMatchObject({ key: "reading.mrrChurn.aboveBest" });
    // 1 of 4 customers lost in a month is above the 5% a month target.
    expect(reading("logoRetention")).toMatchObject({
      key: "reading.logo.aboveTarget",
      tone: "poor",
    });
    expect(reading("netMrrChurn")).toMatchObject({ key: "reading.netMrrChurn.positive" });
    expect(reading("quickRatio")).toMatchObject({
      key: "reading.quickRatio.gaining",
      tone: "good",
    });
  });

  it("the cohort table is SAAS.COHORT's over the block of months, its text header naming the cohorts", () => {
    expect(analysis.cohort?.[0]).toEqual(["cohort", 0, 1, 2, 3]);
    expect(analysis.cohort?.[1]?.[0]).toBe("Jan 2024");
    // January cohort (Acme, Beta, Cyan, Echo, Fox: 680) has 720 − 80 (Delta) = 640 in April.
    expect(analysis.cohort?.[1]?.[4] as number).toBeCloseTo(640 / 680, 12);
    expect(model.ranges).toMatchObject({
      kind: "grid",
      periodsAdjacent: true,
      cohortWithHeader: true,
    });
  });
});

describe("the pane's KPIs are the functions' results on the same ranges", () => {
  // What =SAAS.NRR(E2:E7, F2:F7) etc. receive from Excel for the March and April columns.
  const march = column(120, 150, 50, 0, "", 300);
  const april = column(120, 150, 0, 80, 40, 330);
  const history = GRID.slice(1).map((row) => row.slice(2, 4));
  const analysis = analyseRevenue(prepared(), { start: 2, end: 3 });
  const bindings: [string, number][] = [
    [
      "nrr",
      revenueMetric(readRevenueInput(march, april, null, null), netRevenueRetention) as number,
    ],
    [
      "grr",
      revenueMetric(readRevenueInput(march, april, null, null), grossRevenueRetention) as number,
    ],
    [
      "logoRetention",
      revenueMetric(readRevenueInput(march, april, null, null), logoRetention) as number,
    ],
    [
      "quickRatio",
      revenueMetric(readRevenueInput(march, april, null, null, history), quickRatio) as number,
    ],
  ];
  it.each(bindings)("%s", (id, expected) => expect(kpis(analysis)[id]).toBe(expected));

  it("MRRBRIDGE", () => {
    const table = mrrBridge(
      revenueTotals(readRevenueInput(march, april, null, null, history)).overall
    );
    expect(Object.values(analysis.bridge)).toEqual(table.map((row) => row[1]));
  });
});

describe("period choices", () => {
  it.each([
    ["month", 13, ["lastPeriod", "lastQuarter", "trailingYear", "between"]],
    ["month", 4, ["lastPeriod", "lastQuarter", "between"]],
    ["month", 2, ["lastPeriod", "between"]],
    ["quarter", 5, ["lastPeriod", "trailingYear", "between"]],
    ["year", 3, ["lastPeriod", "between"]],
  ] as const)("%s × %d offers %j", (unit, count, expected) => {
    expect(availablePeriodChoices(unit, count)).toEqual(expected);
  });

  it.each([
    [{ kind: "lastPeriod" }, "month", 13, { start: 11, end: 12 }],
    [{ kind: "lastQuarter" }, "month", 13, { start: 9, end: 12 }],
    // Trailing twelve months is annual NRR point to point: 12 months before the last vs the last.
    [{ kind: "trailingYear" }, "month", 13, { start: 0, end: 12 }],
    [{ kind: "trailingYear" }, "quarter", 5, { start: 0, end: 4 }],
    [{ kind: "trailingYear" }, "month", 12, null],
    [{ kind: "between", start: 3, end: 1 }, "month", 13, null],
    [{ kind: "between", start: 1, end: 3 }, "month", 13, { start: 1, end: 3 }],
  ] as const)("%j over %s × %d → %j", (choice, unit, count, expected) => {
    expect(resolvePeriodChoice(choice, unit, count)).toEqual(expected);
  });

  it("last quarter over the grid: Jan → Apr, no history before January", () => {
    const analysis = analyseRevenue(prepared(), { start: 0, end: 3 });
    expect(analysis.months).toBe(3);
    expect(analysis.usesHistory).toBe(false);
    expect(kpis(analysis)["nrr"]).toBeCloseTo(640 / 680, 12);
    expect(kpis(analysis)["grr"]).toBeCloseTo(580 / 680, 12);
    expect(kpis(analysis)["logoRetention"]).toBeCloseTo(4 / 5, 12);
    // Echo (30 → 40) is an expansion over the quarter; Delta new: (80 + 60) / (50 + 50).
    expect(kpis(analysis)["quickRatio"]).toBeCloseTo(1.4, 12);
  });

  it("a multi-month figure is read against a monthly benchmark as its monthly equivalent", () => {
    expect(monthlyEquivalent(1 - Math.pow(0.98, 12), 12)).toBeCloseTo(0.02, 12);
    expect(monthlyEquivalent(0.03, 1)).toBe(0.03);
  });
});

describe("what-if", () => {
  const model = prepared();
  const baseline = whatIfBaseline(model, { start: 0, end: 3 });

  it("the baseline averages the three month-on-month comparisons of the span", () => {
    if (!baseline.ok) throw new Error(baseline.problem.key);
    const b = baseline.value;
    expect(b.startMrr).toBe(720);
    expect(b.monthlyNrr).toBeCloseTo((650 / 680 + 620 / 650 + 600 / 620) / 3, 12);
    expect(b.monthlyChurn).toBeCloseTo((30 / 680 + 0 + 50 / 620) / 3, 12);
    expect(b.monthlyContraction).toBeCloseTo(50 / 650 / 3, 12);
    expect(b.monthlyExpansion).toBeCloseTo((20 / 650 + 30 / 620) / 3, 12);
    // New and reactivated MRR: 0, 0 and 80 + 40 → 40 a month.
    expect(b.newMrrPerMonth).toBeCloseTo(40, 12);
    expect(b.monthlyNrr).toBeCloseTo(
      1 + b.monthlyExpansion - b.monthlyContraction - b.monthlyChurn,
      12
    );
  });

  it("projects MRR(t) = MRR(t−1) · NRR + new for baseline and scenario; ARR is 12 × MRR", () => {
    if (!baseline.ok) throw new Error(baseline.problem.key);
    const b = baseline.value;
    const projection = whatIfProjection(b, {
      churnChange: -0.01,
      contractionChange: 0,
      expansionChange: 0.005,
      newBusinessChange: 0.5,
      months: 2,
    });
    const first = 720 * b.monthlyNrr + 40;
    expect(projection.baselineMrr[0]).toBeCloseTo(first, 9);
    expect(projection.baselineMrr[1]).toBeCloseTo(first * b.monthlyNrr + 40, 9);
    const nrr = b.monthlyNrr + 0.01 + 0.005;
    expect(projection.scenario.monthlyNrr).toBeCloseTo(nrr, 12);
    expect(projection.scenario.newMrrPerMonth).toBeCloseTo(60, 12);
    expect(projection.scenarioMrr[1]).toBeCloseTo((720 * nrr + 60) * nrr + 60, 9);
    expect(projection.scenarioEndArr).toBeCloseTo(12 * (projection.scenarioMrr[1] as number), 9);
  });

  it("a rate cannot be moved below 0: NRR moves only by what the rate could lose", () => {
    if (!baseline.ok) throw new Error(baseline.problem.key);
    const b = baseline.value;
    const projection = whatIfProjection(b, {
      churnChange: -1,
      contractionChange: 0,
      expansionChange: 0,
      newBusinessChange: 0,
      months: 1,
    });
    expect(projection.scenario.monthlyChurn).toBe(0);
    expect(projection.scenario.monthlyNrr).toBeCloseTo(b.monthlyNrr + b.monthlyChurn, 12);
  });
});

describe("a ledger, summed into months as SAAS.MRRMATRIX sums it", () => {
  const LEDGER: unknown[][] = [
    ["Customer", "Date", "Amount", "Region"],
    ["Acme", isoDateToSerial("2024-01-10"), 100, "EU"],
    ["Acme", isoDateToSerial("2024-02-10"), 100, "EU"],
    ["Acme", "2024-02-20", 20, "EU"],
    ["Beta", "2024-01-15", 50, "US"],
    ["Beta", "2024-03-01", 50, "US"],
    ["Cyan", "2024-02-01", 70, "US"],
    ["Cyan", "2024-03-01", 70, "Mars"], // the first line's segment counts
  ];
  const model = prepared(LEDGER);

  it("builds the matrix: Acme 100, 120, 0; Beta 50, 0, 50; Cyan 0, 70, 70", () => {
    expect(model.kind).toBe("ledger");
    expect(model.periods).toEqual(["2024-01-01", "2024-02-01", "2024-03-01"]);
    expect(model.columns[1]).toEqual([["2024-02-01"], [120], [0], [70]]);
    expect(model.ranges).toMatchObject({ kind: "ledger", matrixRows: 4, matrixColumns: 4 });
  });

  it("Feb → Mar: Acme churns 120, Beta comes back with 50, Cyan is flat", () => {
    const analysis = analyseRevenue(model, { start: 1, end: 2 });
    expect(kpis(analysis)["nrr"]).toBeCloseTo(70 / 190, 12);
    expect(kpis(analysis)["logoRetention"]).toBeCloseTo(1 / 2, 12);
    expect(kpis(analysis)["quickRatio"]).toBeCloseTo(50 / 120, 12);
    expect(analysis.bridge.reactivation).toBe(50);
    const [region] = analysis.segmentTables;
    expect(region?.rows.map((row) => [row.label, valueOf(row.figures.nrr)])).toEqual([
      ["EU", 0],
      ["US", 1],
      ["Total", 70 / 190],
    ]);
  });

  it("ids with wildcard characters or in another case are matched as the matrix matches them", () => {
    const cells = LEDGER.map((row, r) =>
      r === 1 ? ["Ac*me", ...row.slice(1)] : row[0] === "Acme" ? ["AC*ME ", ...row.slice(1)] : row
    );
    const model = prepared(cells);
    expect(model.segments[0]?.cells).toEqual(prepared(LEDGER).segments[0]?.cells);
    const analysis = analyseRevenue(model, { start: 1, end: 2 });
    expect(analysis.segmentTables[0]?.rows.map((row) => row.label)).toEqual(["EU", "US", "Total"]);
  });

  it("names a bad ledger cell by its row and column on the sheet", () => {
    const cells = LEDGER.map((row, r) => (r === 4 ? ["Beta", "soon", 50, "US"] : row));
    const mapping = mappingFromLayout(detectLayout(cells)) as LedgerMapping;
    const result = prepareRevenue(source(cells, "Ledger", 9, 2), mapping);
    expect(result).toEqual({
      ok: false,
      problem: { key: "problem.dateInvalid", params: { row: 14, column: "D", value: { cell: { kind: "text", text: "soon" } } } },
    });
  });
});

describe("plain-language problems", () => {
  it("Row 418 of column C holds text 'n/a': named as the user sees it", () => {
    const cells: unknown[][] = [["Customer", "Jan 2024", "Feb 2024"]];
    for (let i = 0; i < 420; i++) cells.push([`C${i}`, 10, 12]);
    // The selection starts at B1: its column 1 is sheet column C, its row 417 is sheet row 418.
    (cells[417] as unknown[])[1] = "n/a";
    const mapping = mappingFromLayout(detectLayout(cells)) as GridMapping;
    const result = prepareRevenue(source(cells, "MRR", 0, 1), mapping);
    expect(result).toEqual({
      ok: false,
      problem: { key: "problem.revenueText", params: { row: 418, column: "C", value: { cell: { kind: "text", text: "n/a" } } } },
    });
  });

  it.each([
    [-5, "problem.revenueNegative"],
    [true, "problem.revenueLogical"],
    ["#N/A", "problem.errorValue"],
  ])("%j in a revenue cell → %s", (cell, key) => {
    const cells = GRID.map((row, r) => (r === 3 ? [...row.slice(0, 4), cell, row[5]] : row));
    const mapping = mappingFromLayout(detectLayout(GRID)) as GridMapping;
    const result = prepareRevenue(source(cells), mapping);
    expect(result.ok ? null : result.problem.key).toBe(key);
    expect(result.ok ? null : result.problem.params).toMatchObject({ row: 4, column: "E" });
  });

  it("a text cell in the first data row is a problem, never taken for a header", () => {
    const cells = GRID.map((row, r) =>
      r === 1 ? [...row.slice(0, 2), "tbc", ...row.slice(3)] : row
    );
    const mapping = mappingFromLayout(detectLayout(GRID)) as GridMapping;
    const result = prepareRevenue(source(cells), mapping);
    expect(result.ok ? null : result.problem).toEqual({
      key: "problem.revenueText",
      params: { row: 2, column: "C", value: { cell: { kind: "text", text: "tbc" } } },
    });
  });

  it("a subtotal between data rows stops the analysis; one below the data does not", () => {
    const cells = [
      ...GRID.slice(0, 3),
      ["Subtotal", "", 300, 300, 270, 270],
      ...GRID.slice(3),
      ["Total", "", 680, 650, 620, 720],
    ];
    const guess = detectLayout(cells);
    if (guess.kind !== "grid") throw new Error(guess.kind);
    const mapping = mappingFromLayout(guess) as GridMapping;
    expect(mapping.lastRow).toBe(7); // the Total row (8) stays out
    expect(mappingProblems(source(cells), mapping, guess.excludedRows)).toEqual([
      { key: "problem.totalsRowInsideData", params: { row: 4 } },
    ]);
  });

  it("one column in two roles", () => {
    const mapping = {
      ...(mappingFromLayout(detectLayout(GRID)) as GridMapping),
      customerColumn: 2,
    };
    expect(mappingProblems(source(GRID), mapping).map((problem) => problem.key)).toEqual([
      "problem.columnUsedTwice",
    ]);
  });
});

describe("a survey", () => {
  const SURVEY: unknown[][] = [
    ["Respondent", "Segment", "NPS score"],
    ...[10, 9, 9, 8, 7, 6, 0, 10, "", 5].map((score, i) => [`R${i}`, i % 2 ? "SMB" : "Ent", score]),
  ];
  const mapping = mappingFromLayout(detectLayout(SURVEY)) as SurveyMapping;
  const model = prepareSurvey(source(SURVEY, "NPS"), mapping);
  if (!model.ok) throw new Error(model.problem.key);
  const analysis = analyseSurvey(model.value);

  it("4 promoters, 2 passives, 3 detractors of 9 answers (a blank is no answer) → NPS 11.1", () => {
    expect(analysis.breakdown).toEqual({ promoters: 4, passives: 2, detractors: 3, responses: 9 });
    const [nps] = analysis.kpis;
    expect(valueOf(nps!.figure)).toBeCloseTo(100 / 9, 12);
    expect(nps?.reading).toMatchObject({ key: "reading.nps.positive", tone: "neutral" });
  });

  it("NPS and its margin of error are SAAS.NPS's and SAAS.NPS.MOE's", () => {
    const scores = SURVEY.slice(1).map((row) => [row[2]]);
    const [nps] = analysis.kpis;
    expect(valueOf(nps!.figure)).toBe(
      surveyMetric(readSurveyInput(scores, NPS_SCALE, null, null), netPromoterScore)
    );
    // z · 100 · sqrt((p + d − (p − d)²) / n) with p = 4/9, d = 3/9: 1.96 · 100 · sqrt(62/729) ≈ 57.16
    const margin = valueOf(nps!.margin!);
    expect(margin).toBe(npsMarginOfError(countNps(readScores(scores, "scores", NPS_SCALE)), 0.95));
    expect(margin).toBeCloseTo(1.959963984540054 * 100 * Math.sqrt(62 / 729), 9);
  });

  it("NPS per segment", () => {
    const [table] = analysis.segmentTables;
    // Ent: 10, 9, 7, 0, "" → 2 promoters, 1 detractor of 4: 25. SMB: 9, 8, 6, 10, 5 → 2 − 2 of 5: 0.
    expect(table?.rows.map((row) => [row.label, valueOf(row.figure)])).toEqual([
      ["Ent", 25],
      ["SMB", 0],
      ["Total", 100 / 9],
    ]);
  });

  it("a score off the scale is named on the sheet", () => {
    const cells = SURVEY.map((row, r) => (r === 3 ? [row[0], row[1], 11] : row));
    const result = prepareSurvey(source(cells, "NPS", 4, 0), mapping);
    expect(result.ok ? null : result.problem).toEqual({
      key: "problem.scoreOutsideScale",
      params: { row: 8, column: "C", value: { cell: { kind: "number", value: 11 } } },
    });
  });
});
