/**
 * Other tools' conventions (docs/conventions.md): each tool's published worked example
 * reproduced from customer-level data through the one classifier, then SAAS.RECONCILE's table,
 * and the laws that tie the conventions to this add-in's figures.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CONVENTION_TOOLS,
  MetricError,
  type MovementTotals,
  SpillLabel,
  baremetricsQuickRatio,
  chargebeeGrossRevenueRetention,
  chartMogulNetMrrChurn,
  grossRevenueRetention,
  logoChurnRate,
  movementTotals,
  mrrChurnRate,
  netMrrChurnRate,
  quickRatio,
  reconcileTable,
  stripeSubscriberChurn,
} from "../../src/core";

/** The movements of customers given as [start, end] (and 1 where they paid before start). */
function totalsOf(customers: readonly (readonly [number, number, number?])[]): MovementTotals {
  return movementTotals(
    Float64Array.from(customers.map((c) => c[0])),
    Float64Array.from(customers.map((c) => c[1])),
    { hadRevenueBefore: Uint8Array.from(customers.map((c) => c[2] ?? 0)) }
  ).overall;
}

// ChartMogul's example ("Chart: Net MRR Churn Rate", "Metric: MRR Churn Rate"): $100 of MRR at
// the start of the month; $10 lost to churn, $10 to contraction; one customer up by $10.
const CHARTMOGUL_EXAMPLE = totalsOf([
  [10, 0], // churn 10
  [20, 10], // contraction 10
  [30, 40], // expansion 10
  [40, 40],
]);

describe("the tools' published worked examples", () => {
  it("ChartMogul, net MRR churn: ((10 + 10) − (10 + 0)) / 100 = 10%", () => {
    expect(chartMogulNetMrrChurn(CHARTMOGUL_EXAMPLE)).toBeCloseTo(0.1, 15);
  });

  it("ChartMogul, gross MRR churn: (10 + 10) / 100 = 20% (this add-in's MRR churn too)", () => {
    expect(mrrChurnRate(CHARTMOGUL_EXAMPLE)).toBeCloseTo(0.2, 15);
  });

  it("Chargebee, GRR: start $5,000, the same subscriptions $6,000 at the end → min(5000, 6000) / 5000 = 100%", () => {
    const totals = totalsOf([
      [3000, 4500],
      [2000, 1500],
    ]);
    expect(chargebeeGrossRevenueRetention(totals)).toBe(1);
    // Capped per customer, this add-in's GRR sees the 500 lost: 4,500 / 5,000.
    expect(grossRevenueRetention(totals)).toBeCloseTo(0.9, 15);
  });
});

describe("each convention's formula on movements that tell them apart", () => {
  // Start 1,000: churn 100, contraction 50, expansion 80; new 300; a returning customer 70.
  const totals = totalsOf([
    [100, 0],
    [200, 150],
    [400, 480],
    [300, 300],
    [0, 300],
    [0, 70, 1],
  ]);

  it("net MRR churn: this add-in (100 + 50 − 80) / 1000; ChartMogul also − 70 of reactivation", () => {
    expect(netMrrChurnRate(totals)).toBeCloseTo(0.07, 15);
    expect(chartMogulNetMrrChurn(totals)).toBeCloseTo(0, 15);
  });

  it("quick ratio: this add-in (300 + 70 + 80) / 150 = 3; Baremetrics (300 + 80) / 150", () => {
    expect(quickRatio(totals)).toBeCloseTo(3, 15);
    expect(baremetricsQuickRatio(totals)).toBeCloseTo(380 / 150, 15);
  });

  it("customer churn: this add-in 1 of 4; Stripe 1 of 4 + 1 new (the returning customer is not new)", () => {
    expect(logoChurnRate(totals)).toBe(0.25);
    expect(stripeSubscriberChurn(totals)).toBe(0.2);
  });

  it("GRR: this add-in (1000 − 150) / 1000; Chargebee min(1000, 930) / 1000", () => {
    expect(grossRevenueRetention(totals)).toBeCloseTo(0.85, 15);
    expect(chargebeeGrossRevenueRetention(totals)).toBeCloseTo(0.93, 15);
  });
});

describe("SAAS.RECONCILE's table", () => {
  const codeOf = (cell: unknown) => (cell instanceof SpillLabel ? cell.code : cell);

  it("a header row, then net MRR churn, quick ratio, customer churn and GRR, with what differs", () => {
    const table = reconcileTable(CHARTMOGUL_EXAMPLE);
    expect(table.map((row) => row.length)).toEqual([7, 7, 7, 7, 7]);
    expect(table[0]?.map(codeOf)).toEqual([
      "label.metric",
      "label.thisAddIn",
      ...CONVENTION_TOOLS,
      "label.whatDiffers",
    ]);
    expect(table.slice(1).map((row) => [codeOf(row[0]), codeOf(row[6])])).toEqual([
      ["label.netMrrChurn", "label.netMrrChurnDiffers"],
      ["label.quickRatio", "label.quickRatioDiffers"],
      ["label.customerChurn", "label.customerChurnDiffers"],
      ["label.grr", "label.grrDiffers"],
    ]);
  });

  it("every value computed; a tool that documents no formula for a figure has an empty cell", () => {
    const table = reconcileTable(CHARTMOGUL_EXAMPLE);
    // metric, this add-in, ChartMogul, Baremetrics, Stripe, Chargebee
    expect(table[1]?.slice(1, 6)).toEqual([0.1, 0.1, 0.1, "", ""]);
    expect(table[2]?.slice(1, 6)).toEqual([0.5, "", 0.5, "", ""]);
    expect(table[3]?.slice(1, 6)).toEqual([0.25, "", 0.25, 0.25, ""]);
    expect(table[4]?.slice(1, 6)).toEqual([0.8, "", "", "", 0.9]);
  });

  it("a figure that does not exist is its error in its own cell, the others stay", () => {
    const flat = reconcileTable(totalsOf([[100, 100]]));
    const quick = flat[2] as unknown[];
    expect(quick[1]).toBeInstanceOf(MetricError);
    expect((quick[1] as MetricError).kind).toBe("div0");
    expect(quick[3]).toBeInstanceOf(MetricError);
    expect(flat[1]?.[1]).toBe(0);
    const none = reconcileTable(totalsOf([[0, 50]]));
    for (const row of none.slice(1)) expect((row[1] as MetricError).kind).toBe("div0");
  });
});

describe("laws", () => {
  const customer = fc.tuple(
    fc.integer({ min: 0, max: 1000 }),
    fc.integer({ min: 0, max: 1000 }),
    fc.integer({ min: 0, max: 1 })
  );
  const book = fc.array(customer, { minLength: 1, maxLength: 40 });

  it("ChartMogul's net MRR churn is this add-in's less reactivation / start", () => {
    fc.assert(
      fc.property(book, (customers) => {
        const t = totalsOf(customers);
        if (t.startMrr === 0) return;
        expect(chartMogulNetMrrChurn(t)).toBeCloseTo(netMrrChurnRate(t) - t.reactivationMrr / t.startMrr, 12);
      })
    );
  });

  it("without history (no reactivation), ChartMogul's net MRR churn and Baremetrics' quick ratio are this add-in's", () => {
    fc.assert(
      fc.property(book, (customers) => {
        const t = totalsOf(customers.map(([s, e]) => [s, e] as const));
        expect(t.reactivationMrr).toBe(0);
        if (t.startMrr > 0) expect(chartMogulNetMrrChurn(t)).toBeCloseTo(netMrrChurnRate(t), 12);
        if (t.churnedMrr + t.contractionMrr > 0) expect(baremetricsQuickRatio(t)).toBeCloseTo(quickRatio(t), 12);
      })
    );
  });

  it("Stripe's customer churn never exceeds this add-in's; Chargebee's GRR never falls below it", () => {
    fc.assert(
      fc.property(book, (customers) => {
        const t = totalsOf(customers);
        if (t.startingCustomers === 0) return;
        expect(stripeSubscriberChurn(t)).toBeLessThanOrEqual(logoChurnRate(t));
        expect(chargebeeGrossRevenueRetention(t)).toBeGreaterThanOrEqual(grossRevenueRetention(t) - 1e-12);
        expect(chargebeeGrossRevenueRetention(t)).toBeLessThanOrEqual(1);
      })
    );
  });
});
