/**
 * The pane's revenue figures (src/analysis/revenueAnalysis.ts): each the function of the same name on the same cells.
 */
import { ready } from "../support/prepared";
import { describe, expect, it } from "vitest";
import {
  grossRevenueRetention,
  logoRetention,
  mrrBridge,
  netRevenueRetention,
  quickRatio,
  readRevenueInput,
  revenueMetric,
  revenueTotals,
} from "../../src/core";
import { BRIDGE_STEPS, analyseRevenue } from "../../src/analysis";

import { column, GRID, prepared, valueOf, kpis } from "./support";

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
    expect(ready(analysis.bridge)).toEqual({
      startMrr: 620,
      newMrr: 80,
      reactivation: 40,
      expansion: 30,
      contraction: 0,
      churn: -50,
      endMrr: 720,
      fxEffect: null, // one currency: no exchange-rate line
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
    expect(ready(analysis.cohort)[0]).toEqual(["cohort", 0, 1, 2, 3]);
    expect(ready(analysis.cohort)[1]?.[0]).toBe("Jan 2024");
    // January cohort (Acme, Beta, Cyan, Echo, Fox: 680) has 720 − 80 (Delta) = 640 in April.
    expect(ready(analysis.cohort)[1]?.[4] as number).toBeCloseTo(640 / 680, 12);
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
    const bridge = ready(analysis.bridge);
    expect(BRIDGE_STEPS.map((step) => bridge[step])).toEqual(table.map((row) => row[1]));
  });
});
