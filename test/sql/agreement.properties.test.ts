/**
 * Equal by test (docs/warehouse.md, "What was verified"): random billing ledgers of renewing
 * subscriptions, with service periods of every kind (words, numbers of months, end dates both
 * ways, weeks), price changes, pauses that make reactivations, credit notes that cancel a charge
 * in full or in parts, customers spelled several ways, segments, and now and then a credit
 * beyond the charges, through the SQL definitions on DuckDB and through the calculation core.
 * Both must give the same figures to the cent, the same labels in the same order, the same matrix
 * and cohort tables, or refuse with the same words.
 *
 * The runs are seeded, so CI sees the same ledgers every time; WAREHOUSE_RUNS=2000 (and
 * WAREHOUSE_SEED) run more of them locally.
 */
import fc from "fast-check";
import { describe, it } from "vitest";
import { type PeriodUnit, formatIsoDate, isoDateToSerial, periodStart, serialToIsoDate } from "../../src/core";
import { bothEngines, csvText, expectSameAnswer } from "../support/warehouse";

const RUNS = Number(process.env.WAREHOUSE_RUNS ?? 150);
const SEED = Number(process.env.WAREHOUSE_SEED ?? 20250101);

const FIRST_DAY = isoDateToSerial("2024-01-01");
const day = (offset: number) => serialToIsoDate(FIRST_DAY + offset);

const IDS = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "1001"];
const customer = fc
  .constantFrom(...IDS)
  .chain((id) => fc.constantFrom(id, id.toLowerCase(), ` ${id.toUpperCase()} `));

/** What a line pays for: a word, a number of months, or an end so many days after its date. */
const covers = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("month", "quarter", "year", "Month", "YEAR") },
  { weight: 2, arbitrary: fc.constant("week") },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 6 }) },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(3, 6, 13, 15, 16, 20, 29, 30, 31, 45, 89, 90, 91, 180, 364, 365, 366, 730)
      .map((days) => ({ daysAfter: days })),
  }
);

/** Credit notes after a charge: none, the whole of it, or parts that add up to it or to half. */
const credit = fc.constantFrom("none", "none", "none", "full", "thirds", "half");

/**
 * A subscription, as a billing export shows one: a charge every cycle (the months its covers
 * pay for; a weekly plan charges four weeks a month), the price changed from the middle renewal
 * on (expansion, contraction), sometimes a pause before that (churn, then reactivation), and
 * credit notes on its first charge.
 */
const subscription = fc.record({
  customer,
  segment: fc.constantFrom("SMB", "smb", "Ent", "", " Mid "),
  startMonth: fc.integer({ min: 0, max: 23 }),
  dayOfMonth: fc.integer({ min: 1, max: 28 }),
  renewals: fc.integer({ min: 1, max: 24 }),
  cents: fc.integer({ min: 1, max: 300_000 }),
  change: fc.constantFrom(1, 1, 1, 1.25, 0.8, 2, 0.5),
  pauseMonths: fc.constantFrom(0, 0, 3, 6, 12),
  covers,
  credit,
});

const ledger = fc.record({
  subscriptions: fc.array(subscription, { minLength: 1, maxLength: 10 }),
  /** Now and then a credit beyond the charges: both must then refuse, with the same words. */
  strayCredit: fc.oneof(
    { weight: 7, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc.record({ customer, day: fc.integer({ min: 0, max: 729 }), cents: fc.integer({ min: 1, max: 5_000 }) }),
    }
  ),
  unit: fc.constantFrom<PeriodUnit>("month", "month", "quarter", "year"),
  from: fc.integer({ min: -1, max: 24 }),
  span: fc.integer({ min: 0, max: 12 }),
  segments: fc.boolean(),
  servicePeriods: fc.oneof(fc.constant(true), fc.constant(true), fc.constant(false)),
});

type Ledger = typeof ledger extends fc.Arbitrary<infer T> ? T : never;
type Covers = Ledger["subscriptions"][number]["covers"];

const WORD_MONTHS: Record<string, number> = { month: 1, quarter: 3, year: 12, week: 1 };

/** The months between two charges of a subscription paid with `terms`. */
function cycleMonths(terms: Covers): number {
  if (typeof terms === "number") return terms;
  if (typeof terms === "string") return WORD_MONTHS[terms.toLowerCase()] as number;
  return Math.max(1, Math.round(terms.daysAfter / (365.25 / 12)));
}

function coversCell(terms: Covers, date: string): string | number {
  return typeof terms === "object" ? serialToIsoDate(isoDateToSerial(date) + terms.daysAfter) : terms;
}

function dateOf(month: number, day: number): string {
  return formatIsoDate({ year: 2024 + Math.floor(month / 12), month: (month % 12) + 1, day });
}

/** The ledger as a billing export: each charge, then its credit notes on the same date and terms. */
function csvOf(generated: Ledger): string {
  const rows: (string | number | null)[][] = [["Customer", "Invoice date", "Amount", "Covers", "Plan"]];
  for (const each of generated.subscriptions) {
    const cycle = cycleMonths(each.covers);
    const weekly = each.covers === "week";
    // four lines a month: a weekly plan renews for half a year at most, to keep ledgers small
    const renewals = weekly ? Math.min(each.renewals, 6) : each.renewals;
    const half = Math.floor(renewals / 2);
    for (let k = 0; k < renewals; k++) {
      const later = k >= half && half > 0;
      const month = each.startMonth + k * cycle + (later ? each.pauseMonths : 0);
      const cents = Math.max(1, Math.round(each.cents * (later ? each.change : 1)));
      for (let week = 0; week < (weekly ? 4 : 1); week++) {
        const date = serialToIsoDate(isoDateToSerial(dateOf(month, each.dayOfMonth)) + 7 * week);
        const terms = coversCell(each.covers, date);
        rows.push([each.customer, date, cents / 100, terms, each.segment]);
        if (k > 0 || week > 0) continue;
        const third = Math.round(cents / 3);
        const sixth = Math.round(cents / 6);
        const credits =
          each.credit === "full"
            ? [cents]
            : each.credit === "thirds"
              ? [third, cents - third]
              : each.credit === "half"
                ? [sixth, Math.round(cents / 2) - sixth]
                : [];
        for (const part of credits) rows.push([each.customer, date, -part / 100, terms, each.segment]);
      }
    }
  }
  if (generated.strayCredit) {
    const { customer: who, day: when, cents } = generated.strayCredit;
    rows.push([who, day(when), -cents / 100, "month", "SMB"]);
  }
  return csvText(rows);
}

/** The first day of the period `months` after January 2024, in `unit`s. */
function periodAfter(months: number, unit: PeriodUnit): string {
  const date = formatIsoDate({ year: 2024 + Math.floor(months / 12), month: (((months % 12) + 12) % 12) + 1, day: 1 });
  return periodStart(date, unit);
}

describe("the SQL definitions on DuckDB and the calculation core agree", () => {
  it(
    `on ${RUNS} random ledgers: same figures to the cent, same labels, same matrix and cohorts, or the same refusal`,
    async () => {
      await fc.assert(
        fc.asyncProperty(ledger, async (generated) => {
          const from = periodAfter(generated.from, generated.unit);
          const to = periodAfter(generated.from + generated.span, generated.unit);
          const { sql, core } = await bothEngines(csvOf(generated), {
            from,
            to,
            unit: generated.unit,
            ...(generated.segments ? { segment: "Plan" } : {}),
            ...(generated.servicePeriods ? {} : { covers: "none" }),
          });
          expectSameAnswer(sql, core);
        }),
        { numRuns: RUNS, seed: SEED }
      );
    },
    Math.max(120_000, RUNS * 1_000)
  );
});
