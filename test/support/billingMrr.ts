/**
 * The MRR of a billing export worked out by hand from the spec (docs/metrics.md, "From billing
 * lines to MRR"), written without src/core, so that the sample's Billing sheet checks the add-in
 * against an independent reading of the same rules:
 * - each amount in US dollars at its currency's latest rate on or before its Period Start;
 * - a line whose Period End is half a month or more after its start is spread evenly over its
 *   days over 365.25 / 12, rounded, calendar months from its start's;
 * - a shorter line (a week) sets its month's run rate, amount × 365.25 / 12 / days: the latest
 *   charge of the month counts, with the credits dated on or after it;
 * - a customer's amounts in a month add up as money: within a billionth of the largest term is 0,
 *   and below 0 is an error.
 */
import type { SampleRows } from "../../src/playground/sampleData";

/** MRR in US dollars by customer id, then by month ("2024-01-01"); months without MRR are absent. */
export type MrrByCustomer = Map<string, Map<string, number>>;

const DAYS_PER_MONTH = 365.25 / 12;

/** "2024-01-01" for the month of an Excel day number, and that month counted from year 0. */
function monthOf(day: number): { label: string; count: number } {
  const date = new Date(Date.UTC(1899, 11, 30) + day * 86_400_000);
  return monthAt(date.getUTCFullYear() * 12 + date.getUTCMonth());
}

function monthAt(count: number): { label: string; count: number } {
  const year = Math.floor(count / 12);
  const month = (count % 12) + 1;
  return { label: `${year}-${String(month).padStart(2, "0")}-01`, count };
}

/** The rate of `currency` in force on `day`: its latest on or before it (1 for US dollars). */
function rateReader(rates: SampleRows): (currency: string, day: number) => number {
  const table = new Map<string, [number, number][]>();
  for (const [currency, day, rate] of rates.slice(1) as [string, number, number][]) {
    const list = table.get(currency) ?? [];
    list.push([day, rate]);
    table.set(currency, list);
  }
  return (currency, day) => {
    const list = table.get(currency) ?? [];
    if (list.every(([, rate]) => rate === 1) && list.length > 0) return 1;
    let found: number | undefined;
    let foundDay = -Infinity;
    for (const [from, rate] of list) {
      if (from <= day && from >= foundDay) {
        found = rate;
        foundDay = from;
      }
    }
    if (found === undefined) throw new Error(`no ${currency} rate on or before day ${day}`);
    return found;
  };
}

interface ShortLine {
  readonly day: number;
  readonly dollars: number;
  readonly runRate: number;
}

/**
 * The customers × months MRR of a billing export (the sample's Billing sheet) with its rates
 * (the Rates sheet), by hand.
 *
 * @example a line of 1,200 EUR from 2024-01-10 to 2025-01-10 at EUR 1.10 → 110 in each month of 2024
 */
export function billingMrrByHand(lines: SampleRows, rates: SampleRows): MrrByCustomer {
  const header = lines[0] as string[];
  const column = (name: string) => header.indexOf(name);
  const [customerAt, startAt, endAt, amountAt, currencyAt] = [
    "Customer ID",
    "Period Start",
    "Period End",
    "Amount",
    "Currency",
  ].map(column) as [number, number, number, number, number];
  const rateOn = rateReader(rates);

  // Every term added to each customer's month, and the week-like lines of each.
  const terms = new Map<string, Map<number, number[]>>();
  const shortLines = new Map<string, Map<number, ShortLine[]>>();
  const cell = <T>(map: Map<string, Map<number, T[]>>, customer: string, month: number): T[] => {
    const months = map.get(customer) ?? new Map<number, T[]>();
    map.set(customer, months);
    const list = months.get(month) ?? [];
    months.set(month, list);
    return list;
  };
  for (const line of lines.slice(1)) {
    const customer = line[customerAt] as string;
    const start = line[startAt] as number;
    const days = (line[endAt] as number) - start;
    const dollars = (line[amountAt] as number) * rateOn(line[currencyAt] as string, start);
    const month = monthOf(start).count;
    const months = days / DAYS_PER_MONTH;
    if (months >= 0.5) {
      const spread = Math.round(months);
      for (let k = 0; k < spread; k++) cell(terms, customer, month + k).push(dollars / spread);
    } else {
      cell(shortLines, customer, month).push({
        day: start,
        dollars,
        runRate: (dollars * DAYS_PER_MONTH) / days,
      });
    }
  }
  for (const [customer, months] of shortLines) {
    for (const [month, list] of months) {
      const charges = list.filter((line) => line.dollars >= 0).map((line) => line.day);
      const lastCharge = charges.length > 0 ? Math.max(...charges) : -Infinity;
      for (const line of list)
        if (line.day >= lastCharge) cell(terms, customer, month).push(line.runRate);
    }
  }

  const mrr: MrrByCustomer = new Map();
  for (const [customer, months] of terms) {
    const byMonth = new Map<string, number>();
    for (const [month, list] of months) {
      const total = list.reduce((sum, term) => sum + term, 0);
      const largest = Math.max(...list.map(Math.abs));
      const label = monthAt(month).label;
      if (Math.abs(total) <= 1e-9 * largest) continue;
      if (total < 0) throw new Error(`${customer} is below 0 in ${label}: ${total}`);
      byMonth.set(label, total);
    }
    mrr.set(customer, byMonth);
  }
  return mrr;
}
