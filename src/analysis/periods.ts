/**
 * Which two periods the pane compares: last period, last quarter, trailing twelve months (point
 * to point), or any two periods.
 */
import type { PeriodUnit } from "../core";

/** Which two periods the pane compares. */
export type PeriodChoice =
  | { readonly kind: "lastPeriod" }
  | { readonly kind: "lastQuarter" }
  | { readonly kind: "trailingYear" }
  | { readonly kind: "between"; readonly start: number; readonly end: number };

export const MONTHS_PER_PERIOD: Readonly<Record<PeriodUnit, number>> = {
  month: 1,
  quarter: 3,
  year: 12,
};

/** How many periods back each choice starts, per period length (absent: not offered). */
const PERIODS_BACK: Readonly<Record<PeriodUnit, Partial<Record<PeriodChoice["kind"], number>>>> = {
  month: { lastPeriod: 1, lastQuarter: 3, trailingYear: 12 },
  quarter: { lastPeriod: 1, trailingYear: 4 },
  year: { lastPeriod: 1 },
};

/**
 * The choices a table of `count` periods of this length offers: last period, last quarter and
 * trailing twelve months where the data reach that far back, and always any two periods.
 *
 * @example availablePeriodChoices("month", 6) → ["lastPeriod", "lastQuarter", "between"]
 */
export function availablePeriodChoices(unit: PeriodUnit, count: number): PeriodChoice["kind"][] {
  const offered: PeriodChoice["kind"][] = [];
  for (const [kind, back] of Object.entries(PERIODS_BACK[unit]) as [
    PeriodChoice["kind"],
    number,
  ][]) {
    if (back < count) offered.push(kind);
  }
  if (count >= 2) offered.push("between");
  return offered;
}

/**
 * The start and end period of a choice (indexes into the periods), or null when the data do not
 * reach. "Trailing twelve months" is annual NRR point to point (docs/metrics.md): the
 * period twelve months before the last against the last.
 *
 * @example resolvePeriodChoice({ kind: "lastQuarter" }, "month", 13) → { start: 9, end: 12 }
 */
export function resolvePeriodChoice(
  choice: PeriodChoice,
  unit: PeriodUnit,
  count: number
): { start: number; end: number } | null {
  if (choice.kind === "between") {
    const { start, end } = choice;
    const valid =
      Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end < count && start < end;
    return valid ? { start, end } : null;
  }
  const back = PERIODS_BACK[unit][choice.kind];
  if (back === undefined || back >= count) return null;
  return { start: count - 1 - back, end: count - 1 };
}
