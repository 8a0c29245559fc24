/**
 * The sample workbook's billing export: invoice lines as Stripe exports them, in three
 * currencies, with a table of monthly exchange rates, so that the path from billing lines to MRR
 * (docs/metrics.md, "From billing lines to MRR") can be tried without Excel: SAAS.FX.CONVERT
 * the amounts into US dollars, then SAAS.MRRMATRIX with each line's Period End as `covers`.
 *
 * Each customer has one currency and a subscription billed in advance at the start of each
 * period (a week, a month, a quarter or a year from the day it started, mid-month as often as
 * not). Along the way a subscription may change plan mid-term (Stripe's proration: a credit for
 * the unused time on the old plan and a charge for the rest of the period on the new one, both
 * with their own shorter period), receive a credit note for part of a charge, be refunded in
 * full and end there, or be cancelled at the end of a period; a few cancelled customers come
 * back later on a new subscription.
 *
 * The lines are generated so that the spec's rules never meet a month below 0 (a downgrade is
 * refused where its proration credit would outweigh what the old plan left in a month): the
 * export is valid input, as a real one is.
 */
import { type SampleRows, excelSerial, pickWeighted } from "./sampleCommon";

/** The billing sheet's headers, as Stripe names the columns of an invoice-line export. */
export const BILLING_COLUMNS = [
  "Invoice ID",
  "Customer ID",
  "Customer Name",
  "Invoice Date",
  "Period Start",
  "Period End",
  "Interval",
  "Plan",
  "Amount",
  "Currency",
  "Description",
] as const;
export const RATES_COLUMNS = ["Currency", "Date", "Rate"] as const;
/** The currency the rates convert into: its own rate is 1 (docs/functions.md, SAAS.FX.CONVERT). */
export const REPORTING_CURRENCY = "USD";

export interface SampleBilling {
  /** Header row (BILLING_COLUMNS), then one row per invoice line, by invoice date. */
  readonly lines: SampleRows;
  /** Header row (Currency, Date, Rate), USD at 1, then EUR's rates, then GBP's, monthly. */
  readonly rates: SampleRows;
  /** Customers with a line. */
  readonly customers: number;
  /** What a matrix of the lines spans: the first line's month ("yyyy-mm") … */
  readonly firstMonth: string;
  /** … through the last month any line pays for (an annual plan bought late runs past the sample). */
  readonly months: number;
}

export interface BillingSettings {
  /** The random numbers: a stream of its own, so that the other sheets do not change. */
  readonly random: () => number;
  /** Customer names to use, in order; there are at most as many customers as names. */
  readonly names: readonly string[];
  /** The sample's first month (0-based month) and its length: invoices are dated within it. */
  readonly firstYear: number;
  readonly firstMonthIndex: number;
  readonly months: number;
}

/** A few hundred customers at most, and never more lines than this: a sheet to read, not a benchmark. */
const BILLING_CUSTOMER_LIMIT = 500;
const BILLING_LINE_LIMIT = 15_000;

type Interval = "week" | "month" | "quarter" | "year";

interface Plan {
  readonly name: string;
  /** The list price of a month, in US dollars; other currencies and intervals derive from it. */
  readonly monthly: number;
  readonly share: number;
}

// Neighbouring plans are at least 37% of each other's price, so that a downgrade's proration
// credit can be outweighed by what the old plan left in its months (see prorate).
const PLANS: readonly Plan[] = [
  { name: "Starter", monthly: 59, share: 0.4 },
  { name: "Growth", monthly: 149, share: 0.32 },
  { name: "Business", monthly: 399, share: 0.2 },
  { name: "Enterprise", monthly: 999, share: 0.08 },
];

interface Currency {
  readonly code: string;
  readonly symbol: string;
  readonly share: number;
  /** Local price list: a dollar of list price costs this much of the currency. */
  readonly perDollar: number;
  /** US dollars per unit at the start of the rates, which then move by up to 2% a month. */
  readonly rate: number;
}

const CURRENCIES: readonly Currency[] = [
  { code: REPORTING_CURRENCY, symbol: "$", share: 0.6, perDollar: 1, rate: 1 },
  { code: "EUR", symbol: "€", share: 0.25, perDollar: 0.92, rate: 1.08 },
  { code: "GBP", symbol: "£", share: 0.15, perDollar: 0.79, rate: 1.27 },
];

interface IntervalTerms {
  readonly interval: Interval;
  /** Calendar months a period covers (0: a week). */
  readonly months: number;
  readonly share: number;
  /** What a period costs in months of list price (a year is ten: two months free). */
  readonly priceMonths: number;
  /** Chances, each period, of each event (at most one a period), and of a cancellation at its end. */
  readonly refund: number;
  readonly credit: number;
  readonly upgrade: number;
  readonly downgrade: number;
  readonly cancel: number;
}

const INTERVALS: readonly IntervalTerms[] = [
  {
    interval: "month",
    months: 1,
    share: 0.55,
    priceMonths: 1,
    refund: 0.006,
    credit: 0.01,
    upgrade: 0.03,
    downgrade: 0.015,
    cancel: 0.015,
  },
  {
    interval: "quarter",
    months: 3,
    share: 0.15,
    priceMonths: 2.85,
    refund: 0.015,
    credit: 0.025,
    upgrade: 0.08,
    downgrade: 0.04,
    cancel: 0.04,
  },
  {
    interval: "year",
    months: 12,
    share: 0.25,
    priceMonths: 10,
    refund: 0.04,
    credit: 0.05,
    upgrade: 0.25,
    downgrade: 0.1,
    cancel: 0.12,
  },
  // Weekly plans are Starter only and never change plan mid-week.
  {
    interval: "week",
    months: 0,
    share: 0.05,
    priceMonths: 12 / 52,
    refund: 0.002,
    credit: 0,
    upgrade: 0,
    downgrade: 0,
    cancel: 0.005,
  },
];

/** Chance that a cancelled customer comes back on a new subscription, 45 to 240 days later. */
const REACTIVATION = 0.2;
/** The spec's mean month (365.25 / 12 days), by which a period's end date counts its months. */
const DAYS_PER_MONTH = 365.25 / 12;
/** A proration period is at least this long: half a month or more is spread, not a run rate. */
const SHORTEST_PRORATION_DAYS = 16;

const MONTH_NAMES = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
/** The year, 0-based month and day of the month of an Excel day number. */
function calendarOf(day: number): { year: number; month: number; date: number } {
  const at = new Date(Date.UTC(1899, 11, 30) + day * 86_400_000);
  return { year: at.getUTCFullYear(), month: at.getUTCMonth(), date: at.getUTCDate() };
}

/** Months since year 0, for comparing the calendar months of two days. */
function monthNumber(day: number): number {
  const { year, month } = calendarOf(day);
  return year * 12 + month;
}

function lastDayOfMonth(day: number): number {
  const { year, month } = calendarOf(day);
  return excelSerial(year, month + 1, 0);
}

/** "25 Jan 2024", as Stripe writes a proration's date. */
function shownDate(day: number): string {
  const { year, month, date } = calendarOf(day);
  return `${date} ${MONTH_NAMES[month]} ${year}`;
}

const roundCents = (amount: number) => Math.round(amount * 100) / 100;

/**
 * The billing export and its rates for a sample of `settings.months` months.
 *
 * @example
 * const billing = generateBilling({ random: mulberry32(1), names, firstYear: 2024,
 *   firstMonthIndex: 0, months: 24 });
 * billing.lines[0]; // ["Invoice ID", "Customer ID", "Customer Name", "Invoice Date", …]
 */
export function generateBilling(settings: BillingSettings): SampleBilling {
  const { random, firstYear, firstMonthIndex, months } = settings;
  const firstDay = excelSerial(firstYear, firstMonthIndex, 1);
  const exportEnd = excelSerial(firstYear, firstMonthIndex + months, 1);
  const rates = rateRows(random, firstYear, firstMonthIndex, months);
  const ids = new Set<string>();
  const id = (prefix: string) => {
    let made: string;
    do made = prefix + randomId(random, 14);
    while (ids.has(made));
    ids.add(made);
    return made;
  };

  const entries: { day: number; order: number; row: SampleRows[number] }[] = [];
  let customers = 0;
  let firstMonth = Infinity;
  let lastMonth = -Infinity;
  const count = Math.min(settings.names.length, BILLING_CUSTOMER_LIMIT);
  for (let i = 0; i < count; i++) {
    // Most customers subscribe in the first month, the rest later; any day but the 29th–31st,
    // so that a period ends on the same day of a later month (Stripe's anchor).
    const startMonth = random() < 0.55 ? 0 : 1 + Math.floor(random() * (months - 1));
    const start = excelSerial(
      firstYear,
      firstMonthIndex + startMonth,
      1 + Math.floor(random() * 28)
    );
    const customer = {
      id: id("cus_"),
      name: settings.names[i] as string,
      currency: pickWeighted(CURRENCIES, (c) => c.share, random),
    };
    const lines = customerLines(customer, start, exportEnd, random, id);
    if (entries.length + lines.length > BILLING_LINE_LIMIT) break;
    customers++;
    for (const line of lines) {
      entries.push({ day: line.invoiceDay, order: entries.length, row: line.row });
      firstMonth = Math.min(firstMonth, monthNumber(line.periodStart));
      lastMonth = Math.max(lastMonth, line.lastMonth);
    }
  }
  entries.sort((a, b) => a.day - b.day || a.order - b.order);
  const firstMonthDay = Number.isFinite(firstMonth)
    ? excelSerial(Math.floor(firstMonth / 12), firstMonth % 12, 1)
    : firstDay;
  const { year, month } = calendarOf(firstMonthDay);
  return {
    lines: [[...BILLING_COLUMNS], ...entries.map((entry) => entry.row)],
    rates,
    customers,
    firstMonth: `${year}-${String(month + 1).padStart(2, "0")}`,
    months: Number.isFinite(lastMonth) ? lastMonth - (firstMonth as number) + 1 : 0,
  };
}

interface BillingCustomer {
  readonly id: string;
  readonly name: string;
  readonly currency: Currency;
}

interface Line {
  readonly invoiceDay: number;
  readonly periodStart: number;
  /** The last calendar month (months since year 0) the line pays for. */
  readonly lastMonth: number;
  readonly row: SampleRows[number];
}

/** A customer's lines from its first subscription to its last, or to the end of the export. */
function customerLines(
  customer: BillingCustomer,
  firstStart: number,
  exportEnd: number,
  random: () => number,
  id: (prefix: string) => string
): Line[] {
  const lines: Line[] = [];
  let start = firstStart;
  while (start < exportEnd) {
    const stopped = subscription(customer, start, exportEnd, random, id, lines);
    if (stopped === null || random() >= REACTIVATION) break;
    // Back after at least one whole calendar month without pay: a reactivation.
    const back = calendarOf(stopped + 45 + Math.floor(random() * 195));
    start = excelSerial(back.year, back.month, 1 + Math.floor(random() * 28));
  }
  return lines;
}

/**
 * One subscription's lines, added to `lines`, from `start` until it is refunded or cancelled
 * (the day it stops paying is returned) or the export ends (null).
 */
function subscription(
  customer: BillingCustomer,
  start: number,
  exportEnd: number,
  random: () => number,
  id: (prefix: string) => string,
  lines: Line[]
): number | null {
  const { currency } = customer;
  const terms = pickWeighted(INTERVALS, (t) => t.share, random);
  let plan = terms.interval === "week" ? 0 : pickPlan(random);
  const price = (of: number) =>
    Math.round((PLANS[of] as Plan).monthly * currency.perDollar * terms.priceMonths);
  const line = (
    invoice: string,
    invoiceDay: number,
    period: readonly [number, number],
    of: number,
    amount: number,
    description: string,
    months: number
  ) => {
    lines.push({
      invoiceDay,
      periodStart: period[0],
      lastMonth: monthNumber(period[0]) + Math.max(1, months) - 1,
      row: [
        invoice,
        customer.id,
        customer.name,
        invoiceDay,
        period[0],
        period[1],
        terms.interval,
        planName(of),
        amount,
        currency.code,
        description,
      ],
    });
  };

  for (let k = 0; ; k++) {
    const periodStart = periodBoundary(start, terms, k);
    if (periodStart >= exportEnd) return null;
    const period = [periodStart, periodBoundary(start, terms, k + 1)] as const;
    const charge = price(plan);
    const invoice = id("in_");
    const listed = `${currency.symbol}${charge.toLocaleString("en-US", { minimumFractionDigits: 2 })} / ${terms.interval}`;
    line(
      invoice,
      periodStart,
      period,
      plan,
      charge,
      `1 × ${planName(plan)} (at ${listed})`,
      terms.months
    );
    // A credit note is dated a few days after its charge, in the same month, and covers the
    // charge's own period: it takes back (part of) what that charge paid for.
    const credit = (amount: number, description: string) => {
      const day = Math.min(periodStart + 1 + Math.floor(random() * 6), lastDayOfMonth(periodStart));
      line(id("cn_"), day, period, plan, -amount, description, terms.months);
    };
    // A plan change mid-term, on an invoice of its own: Stripe's two proration lines.
    const changePlan = (to: number) => {
      if (to < 0 || to >= PLANS.length) return;
      const change = prorate(period, terms, price(plan), price(to), exportEnd, random);
      if (change === null) return;
      const invoice = id("in_");
      const after = `after ${shownDate(change.day)}`;
      const rest = [change.day, period[1]] as const;
      line(
        invoice,
        change.day,
        rest,
        plan,
        -change.credit,
        `Unused time on ${planName(plan)} ${after}`,
        change.months
      );
      line(
        invoice,
        change.day,
        rest,
        to,
        change.charge,
        `Remaining time on ${planName(to)} ${after}`,
        change.months
      );
      plan = to;
    };

    let roll = random();
    if ((roll -= terms.refund) < 0) {
      // Refunded in full: the charge nets to 0, so the customer has churned. Sometimes in two
      // credit notes (33.30 + 66.60 of 99.90, which is exactly 0 as money).
      if (random() < 0.4) {
        const cents = Math.round(charge * 100);
        const first = Math.round(cents * (0.25 + random() * 0.5));
        credit(first / 100, `Refund of ${invoice} (1 of 2)`);
        credit((cents - first) / 100, `Refund of ${invoice} (2 of 2)`);
      } else credit(charge, `Refund of ${invoice}`);
      return periodStart;
    }
    if ((roll -= terms.credit) < 0) {
      credit(roundCents(charge * (0.1 + random() * 0.2)), `Service credit on ${invoice}`);
    } else if ((roll -= terms.upgrade) < 0) changePlan(plan + 1);
    else if ((roll -= terms.downgrade) < 0) changePlan(plan - 1);
    if (random() < terms.cancel) return period[1];
  }
}

const planName = (plan: number) => (PLANS[plan] as Plan).name;
const pickPlan = (random: () => number) =>
  PLANS.indexOf(pickWeighted(PLANS, (p) => p.share, random));

/** The day period `k` of a subscription starting on `start` begins (k = 0: `start`). */
function periodBoundary(start: number, terms: IntervalTerms, k: number): number {
  if (terms.interval === "week") return start + 7 * k;
  const { year, month, date } = calendarOf(start);
  return excelSerial(year, month + k * terms.months, date);
}

/**
 * A plan change on a day within a period, priced as Stripe prorates it (the share of the
 * period's days left), or null when no day tried suits. A day suits when the proration's months
 * (its days left over 365.25 / 12, rounded: docs/metrics.md) fall within the months the period's
 * charge pays for, and, for a downgrade, when the credit spread over them takes less than 80% of
 * what the old plan pays in each (a margin for the rate of another month): no month below 0.
 */
function prorate(
  [periodStart, periodEnd]: readonly [number, number],
  terms: IntervalTerms,
  oldPrice: number,
  newPrice: number,
  exportEnd: number,
  random: () => number
): { day: number; credit: number; charge: number; months: number } | null {
  const periodDays = periodEnd - periodStart;
  const latest = Math.min(periodEnd - SHORTEST_PRORATION_DAYS, exportEnd - 1);
  const lastMonth = monthNumber(periodStart) + terms.months - 1;
  for (let attempt = 0; attempt < 4 && latest > periodStart; attempt++) {
    const day = periodStart + 1 + Math.floor(random() * (latest - periodStart));
    const daysLeft = periodEnd - day;
    const months = Math.round(daysLeft / DAYS_PER_MONTH);
    if (monthNumber(day) + months - 1 > lastMonth) continue;
    const credit = roundCents((oldPrice * daysLeft) / periodDays);
    const charge = roundCents((newPrice * daysLeft) / periodDays);
    if ((credit - charge) / months > 0.8 * (oldPrice / terms.months)) continue;
    return { day, credit, charge, months };
  }
  return null;
}

/**
 * The rates table: USD at 1 (one row: a currency whose rates are all 1 is the reporting
 * currency), then a rate on the first of each month for EUR and for GBP, from the month before
 * the sample's first through its last, so that every line's Period Start has one on or before it.
 */
function rateRows(
  random: () => number,
  firstYear: number,
  firstMonthIndex: number,
  months: number
): SampleRows {
  const first = excelSerial(firstYear, firstMonthIndex - 1, 1);
  const rows: SampleRows = [[...RATES_COLUMNS], [REPORTING_CURRENCY, first, 1]];
  for (const currency of CURRENCIES) {
    if (currency.code === REPORTING_CURRENCY) continue;
    let rate = currency.rate;
    for (let m = -1; m < months; m++) {
      rows.push([
        currency.code,
        excelSerial(firstYear, firstMonthIndex + m, 1),
        Math.round(rate * 1e4) / 1e4,
      ]);
      rate *= 1 + (random() - 0.5) * 0.04;
    }
  }
  return rows;
}

const ID_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Stripe-like object ids: "cus_", "in_" or "cn_" and random letters and digits. */
function randomId(random: () => number, length: number): string {
  let text = "";
  for (let i = 0; i < length; i++)
    text += ID_CHARACTERS[Math.floor(random() * ID_CHARACTERS.length)];
  return text;
}
