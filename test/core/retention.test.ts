import { describe, expect, it } from "vitest";
import { MetricError, grossRevenueRetention, movementTotals, mrrChurnRate, netRevenueRetention, readRevenueInput, revenueMetric } from "../../src/core";
import { errorOf } from "../support/errors";

const col = (...values: unknown[]) => values.map((v) => [v]);

/** Seeds' example: start 100M; one customer expands by 20M, one contracts by 5M, one churns 5M. */
const SEED_START = col(50e6, 30e6, 5e6, 15e6);
const SEED_END = col(70e6, 25e6, 0, 15e6);
const SEED_END_NO_EXPANSION = col(50e6, 25e6, 0, 15e6);

function totals(start: unknown[][], end: unknown[][]) {
  const input = readRevenueInput(start, end, null, null);
  return movementTotals(input.startMrr.values, input.endMrr.values).overall;
}

describe("revenue retention: worked examples of metrics.md", () => {
  const cases: {
    name: string;
    start: unknown[][];
    end: unknown[][];
    nrr: number;
    grr: number;
    churn: number;
    churnOnly: number;
  }[] = [
    {
      name: "start 100M, churn 5M, contraction 5M → GRR 90% (and NRR 90% without expansion)",
      start: SEED_START,
      end: SEED_END_NO_EXPANSION,
      nrr: 0.9,
      grr: 0.9,
      churn: 0.1,
      churnOnly: 0.05,
    },
    {
      name: "the same with 20M of expansion → NRR 110%, GRR still 90%",
      start: SEED_START,
      end: SEED_END,
      nrr: 1.1,
      grr: 0.9,
      churn: 0.1,
      churnOnly: 0.05,
    },
    {
      // 30 customers, 8,000 starting MRR; the 2 who leave paid 2,000 between them.
      name: "2,000 of 8,000 starting MRR churns → MRR churn 25% though only 2 of 30 logos left",
      start: col(1500, 500, ...Array.from({ length: 28 }, () => 6000 / 28)),
      end: col(0, 0, ...Array.from({ length: 28 }, () => 6000 / 28)),
      nrr: 0.75,
      grr: 0.75,
      churn: 0.25,
      churnOnly: 0.25,
    },
    {
      name: "new customers never count: 0 → 500 changes neither NRR nor GRR",
      start: col(100, 100, 0),
      end: col(120, 50, 500),
      nrr: 170 / 200,
      grr: 150 / 200,
      churn: 50 / 200,
      churnOnly: 0,
    },
    {
      name: "GRR is capped per customer: one's expansion never offsets another's contraction",
      start: col(100, 100),
      end: col(200, 50),
      nrr: 250 / 200,
      grr: 150 / 200,
      churn: 50 / 200,
      churnOnly: 0,
    },
    {
      name: "blank cells are 0 (null, undefined and empty text alike)",
      start: col(100, null, "", undefined),
      end: col(90, 10, null, 5),
      nrr: 0.9,
      grr: 0.9,
      churn: 0.1,
      churnOnly: 0,
    },
    {
      name: "a text header in the first row is skipped",
      start: col("MRR Jan 2025", 100, 200),
      end: col("MRR Feb 2025", 100, 100),
      nrr: 200 / 300,
      grr: 200 / 300,
      churn: 100 / 300,
      churnOnly: 0,
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const t = totals(c.start, c.end);
      expect(netRevenueRetention(t)).toBeCloseTo(c.nrr, 12);
      expect(grossRevenueRetention(t)).toBeCloseTo(c.grr, 12);
      expect(mrrChurnRate(t)).toBeCloseTo(c.churn, 12);
      expect(mrrChurnRate(t, false)).toBeCloseTo(c.churnOnly, 12);
    });
  }

  it("2-D ranges pair cell for cell (two columns of customers side by side)", () => {
    const t = totals(
      [
        [100, 50],
        [0, 80],
      ],
      [
        [110, 0],
        [30, 80],
      ]
    );
    expect(netRevenueRetention(t)).toBeCloseTo(190 / 230, 12);
    expect(grossRevenueRetention(t)).toBeCloseTo(180 / 230, 12);
  });

  it("a customer row (1 × n) works the same as a column", () => {
    const t = totals([[100, 200, 300]], [[100, 0, 330]]);
    expect(netRevenueRetention(t)).toBeCloseTo(430 / 600, 12);
  });
});

describe("revenue retention: zero denominators and overflow", () => {
  it("no starting revenue is #DIV/0!", () => {
    expect(errorOf(() => netRevenueRetention(totals(col(0, null), col(10, 20)))).kind).toBe("div0");
    expect(errorOf(() => grossRevenueRetention(totals(col(null), col(null)))).kind).toBe("div0");
    expect(errorOf(() => mrrChurnRate(totals(col(0), col(0)))).kind).toBe("div0");
  });

  it("a header-only range has no starting revenue: #DIV/0!", () => {
    expect(
      errorOf(() => netRevenueRetention(totals(col("Start", null), col("End", null)))).kind
    ).toBe("div0");
  });

  it("amounts that overflow a double are #NUM!, never Infinity or NaN", () => {
    expect(
      errorOf(() => netRevenueRetention(totals(col(1e308, 1e308), col(1e308, 1e308)))).kind
    ).toBe("num");
  });
});

describe("segments", () => {
  const start = col(100, 200, 300, 400);
  const end = col(110, 150, 300, 0);
  const plans = col("SMB", "Enterprise", "smb", "Mid");

  it("spills one row per segment in order of first appearance, then Total", () => {
    const table = revenueMetric(readRevenueInput(start, end, plans, null), netRevenueRetention);
    expect(table).toEqual([
      ["SMB", 410 / 400],
      ["Enterprise", 150 / 200],
      ["Mid", 0],
      ["Total", 560 / 1000],
    ]);
  });

  it("keeps one segment, matching text without regard to case", () => {
    expect(
      revenueMetric(readRevenueInput(start, end, plans, "ENTERPRISE"), grossRevenueRetention)
    ).toBeCloseTo(0.75, 12);
    expect(
      revenueMetric(readRevenueInput(start, end, plans, "smb"), grossRevenueRetention)
    ).toBeCloseTo(400 / 400, 12);
  });

  it("a segment without starting revenue shows #DIV/0! in its own row only", () => {
    const table = revenueMetric(
      readRevenueInput(col(0, 100), col(50, 100), col("New", "Old"), null),
      netRevenueRetention
    );
    expect(Array.isArray(table)).toBe(true);
    const rows = table as unknown[][];
    expect(rows[0]?.[0]).toBe("New");
    expect((rows[0]?.[1] as MetricError).kind).toBe("div0");
    expect(rows[1]).toEqual(["Old", 1]);
    expect(rows[2]).toEqual(["Total", 1]); // the new customer's 50 never counts
  });

  it("segments carry their own header row when the revenue was selected with its header", () => {
    const table = revenueMetric(
      readRevenueInput([["Jan"], ...start], [["Feb"], ...end], [["Plan"], ...plans], null),
      netRevenueRetention
    );
    expect(table).toEqual(
      revenueMetric(readRevenueInput(start, end, plans, null), netRevenueRetention)
    );
  });

  it("segments one row longer than revenue without a header is refused, never shifted", () => {
    expect(errorOf(() => readRevenueInput(start, end, [["SMB"], ...plans], null))).toMatchObject({
      code: "range.segmentsOffByOne",
      params: {
        labels: { argument: "segments" },
        labelsShape: { shape: { rows: 5, columns: 1 } },
        data: { argument: "start_mrr" },
        dataShape: { shape: { rows: 4, columns: 1 } },
      },
    });
  });

  it("numbers, logical values and blanks are segments too; blank shows as (blank)", () => {
    const table = revenueMetric(
      readRevenueInput(col(100, 100, 100), col(100, 0, 50), col(true, null, true), null),
      grossRevenueRetention
    ) as unknown[][];
    expect(table).toEqual([
      [true, 150 / 200],
      ["(blank)", 0],
      ["Total", 150 / 300],
    ]);
  });

  it("a segment matching no row is #N/A naming it", () => {
    const error = errorOf(() => readRevenueInput(start, end, plans, "Enterprize"));
    expect(error.kind).toBe("na");
    expect(error).toMatchObject({
      code: "segment.noMatch",
      params: { segment: { label: "Enterprize" } },
    });
  });

  it("segment without segments is #VALUE!", () => {
    const error = errorOf(() => readRevenueInput(start, end, null, "SMB"));
    expect(error.kind).toBe("value");
    expect(error.code).toBe("segment.needsSegments");
  });

  it("segments of a different shape is #VALUE! naming both shapes", () => {
    const error = errorOf(() => readRevenueInput(start, end, col("a", "b"), null));
    expect(error.kind).toBe("value");
    expect(error).toMatchObject({
      code: "range.sameShape",
      params: {
        first: { argument: "start_mrr" },
        second: { argument: "segments" },
        firstShape: { shape: { rows: 4, columns: 1 } },
        secondShape: { shape: { rows: 2, columns: 1 } },
      },
    });
  });
});
