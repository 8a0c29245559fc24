/**
 * The pane's revenue figures for two periods: KPI cards, the MRR bridge, the NRR/GRR trend, a
 * table per segment column, the cohort table and the what-if baseline. Each figure is what the
 * SAAS.* function of the same name returns on the same cells.
 */
import {
  type MovementTotals,
  type ResultTable,
  type SegmentLabel,
  grossRevenueRetention,
  logoRetention,
  MOVERS_DEFAULT_COUNT,
  type Mover,
  mrrBridge,
  reconcileTable,
  topMovers,
  mrrChurnRate,
  netMrrChurnRate,
  netRevenueRetention,
  quickRatio,
  type RevenueColumn,
  moneySum,
  pairedRevenueInput,
  revenueBySegment,
  revenueFigure,
  revenueTotals,
  wilsonInterval,
  zForConfidence,
} from "../core";
import {
  type Figure,
  INTERVAL_CONFIDENCE,
  type Kpi,
  type KpiId,
  type KpiInterval,
  figureOf,
  figureOfSegment,
  kpi,
  kpiInterval,
} from "./figures";
import { type Prepared, prepared } from "./messages";
import { MONTHS_PER_PERIOD } from "./periods";
import { type RevenueModel, type SegmentSource, pairInput, segmentedPairInput } from "./revenue";
import { type WhatIfBaseline, whatIfBaseline } from "./whatIf";

/** The MRR bridge of SAAS.MRRBRIDGE, amounts as it spills them (losses negative). */
export interface BridgeAmounts {
  readonly startMrr: number;
  readonly newMrr: number;
  readonly reactivation: number;
  readonly expansion: number;
  readonly contraction: number;
  readonly churn: number;
  readonly endMrr: number;
  /**
   * For a billing export in several currencies: the exchange rates' own move. The other steps
   * are then the customers' moves at constant currency (the start period's rates), start and end
   * as reported: start + moves + exchange-rate effect = end. Null with one currency.
   */
  readonly fxEffect: number | null;
}

export const BRIDGE_STEPS = [
  "startMrr",
  "newMrr",
  "reactivation",
  "expansion",
  "contraction",
  "churn",
  "endMrr",
] as const;

export interface TrendPoint {
  /** The end period of the month-on-month comparison (index into the periods). */
  readonly period: number;
  readonly nrr: Figure;
  readonly grr: Figure;
}

/** The NRR/GRR trend covers the last this-many periods. */
export const TREND_POINTS = 24;

export const SEGMENT_METRICS = ["nrr", "grr", "logoRetention", "mrrChurn"] as const;
export type SegmentMetric = (typeof SEGMENT_METRICS)[number];

export interface SegmentRow {
  readonly label: SegmentLabel;
  /** The Total row of the functions' segment tables. */
  readonly total: boolean;
  readonly figures: Readonly<Record<SegmentMetric, Figure>>;
}

export interface SegmentTable {
  readonly name: string;
  readonly letters: string;
  readonly column: number;
  readonly rows: readonly SegmentRow[];
}

export interface RevenueAnalysis {
  readonly start: number;
  readonly end: number;
  /** Months between the two periods. */
  readonly months: number;
  /** Whether the bridge and quick ratio told reactivation from new with the earlier periods. */
  readonly usesHistory: boolean;
  readonly kpis: readonly Kpi[];
  /** NRR with both periods at the start period's rates, for an export in several currencies. */
  readonly constantNrr: Figure | null;
  /**
   * The same span under other tools' documented conventions (ChartMogul, Baremetrics, Stripe,
   * Chargebee), as SAAS.RECONCILE spills it: labels are codes for the pane to word.
   */
  readonly reconcile: Prepared<ResultTable>;
  /**
   * Who moved: the customers behind the bridge's churn, contraction, expansion and new revenue,
   * ten each, largest first (SAAS.MOVERS); null when the data name no customers.
   */
  readonly whoMoved: Readonly<Record<WhoMovedKind, readonly Mover[]>> | null;
  /** The bridge, or why it cannot be drawn (amounts too large to add, as SAAS.MRRBRIDGE says). */
  readonly bridge: Prepared<BridgeAmounts>;
  readonly trend: readonly TrendPoint[];
  readonly segmentTables: readonly SegmentTable[];
  /** SAAS.COHORT's table (revenue), or why it cannot be; null when the periods are not one block. */
  readonly cohort: Prepared<ResultTable> | null;
  readonly baseline: Prepared<WhatIfBaseline>;
}

const REVENUE_KPIS: readonly [KpiId, (totals: MovementTotals) => number][] = [
  ["nrr", netRevenueRetention],
  ["grr", grossRevenueRetention],
  ["logoRetention", logoRetention],
  ["mrrChurn", (totals) => mrrChurnRate(totals, true)],
  ["netMrrChurn", netMrrChurnRate],
];

const SEGMENT_METRIC_FUNCTIONS: Readonly<
  Record<SegmentMetric, (totals: MovementTotals) => number>
> = {
  nrr: netRevenueRetention,
  grr: grossRevenueRetention,
  logoRetention,
  mrrChurn: (totals) => mrrChurnRate(totals, true),
};

/**
 * The pane's revenue figures for two periods: KPI cards, the bridge, the NRR/GRR trend, a table
 * per segment column, the cohort table and the what-if baseline. Each KPI is what the SAAS.*
 * function of the same name returns on the two periods' columns.
 *
 * @example analyseRevenue(model, { start: 10, end: 11 }).kpis[0] → { id: "nrr", figure: { value: 1.02 }, … }
 */
export function analyseRevenue(
  model: RevenueModel,
  span: { readonly start: number; readonly end: number }
): RevenueAnalysis {
  const { start, end } = span;
  const months = (end - start) * MONTHS_PER_PERIOD[model.period];
  const plain = pairInput(model, start, end);
  const totals = prepared(() => revenueTotals(plain).overall);
  const kpis = REVENUE_KPIS.map(([id, metric]) =>
    kpi(
      id,
      figureOf(() => revenueFigure(plain, metric)),
      months,
      id === "logoRetention" && totals.ok ? logoInterval(totals.value) : undefined
    )
  );
  const withHistory = pairInput(model, start, end, true);
  kpis.push(
    kpi(
      "quickRatio",
      figureOf(() => revenueFigure(withHistory, quickRatio)),
      months
    )
  );

  const held = model.constantCurrency?.(start) ?? null;
  const bridge: Prepared<BridgeAmounts> =
    held !== null && !held.ok
      ? held
      : prepared((): BridgeAmounts => {
          const bridgeTable = mrrBridge(revenueTotals(withHistory).overall);
          const amount = (i: number) => bridgeTable[i]?.[1] as number;
          const reported = {
            startMrr: amount(0),
            newMrr: amount(1),
            reactivation: amount(2),
            expansion: amount(3),
            contraction: amount(4),
            churn: amount(5),
            endMrr: amount(6),
            fxEffect: null,
          };
          if (held === null || !held.ok) return reported;
          const constant = mrrBridge(revenueTotals(constantPair(held.value, start, end)).overall);
          const moved = (i: number) => constant[i]?.[1] as number;
          return {
            ...reported,
            newMrr: moved(1),
            reactivation: moved(2),
            expansion: moved(3),
            contraction: moved(4),
            churn: moved(5),
            fxEffect: moneySum(
              reported.endMrr - moved(6) - (reported.startMrr - moved(0)),
              Math.max(Math.abs(reported.endMrr), Math.abs(reported.startMrr))
            ),
          };
        });
  const constantNrr =
    held === null
      ? null
      : held.ok
        ? figureOf(() =>
            revenueFigure(
              pairedRevenueInput(
                held.value[start] as RevenueColumn,
                held.value[end] as RevenueColumn
              ),
              netRevenueRetention
            )
          )
        : ({ error: "value", problem: held.problem } as Figure);

  const trend: TrendPoint[] = [];
  for (let p = Math.max(1, model.periods.length - TREND_POINTS); p < model.periods.length; p++) {
    const input = pairInput(model, p - 1, p);
    trend.push({
      period: p,
      nrr: figureOf(() => revenueFigure(input, netRevenueRetention)),
      grr: figureOf(() => revenueFigure(input, grossRevenueRetention)),
    });
  }

  const segmentTables = model.segments.map((segment) => segmentTable(model, start, end, segment));
  const cohort = model.cohort;
  return {
    start,
    end,
    months,
    usesHistory: model.history(start) !== null,
    kpis,
    constantNrr,
    reconcile: prepared(() => reconcileTable(revenueTotals(withHistory).overall)),
    whoMoved: whoMovedOf(model, withHistory),
    bridge,
    trend,
    segmentTables,
    cohort,
    baseline: whatIfBaseline(model, span),
  };
}

function segmentTable(
  model: RevenueModel,
  start: number,
  end: number,
  segment: SegmentSource
): SegmentTable {
  const input = segmentedPairInput(model, start, end, segment);
  const byMetric = SEGMENT_METRICS.map((metric) =>
    revenueBySegment(input, SEGMENT_METRIC_FUNCTIONS[metric])
  );
  // Every metric has the same rows: the segments in order, then the Total row.
  const rows: SegmentRow[] = (byMetric[0] ?? []).map((row, r) => {
    const figures = {} as Record<SegmentMetric, Figure>;
    SEGMENT_METRICS.forEach((metric, m) => {
      figures[metric] = figureOfSegment(byMetric[m]?.[r]?.figure ?? row.figure);
    });
    return { label: row.label, total: row.total, figures };
  });
  return { name: segment.name, letters: segment.letters, column: segment.column, rows };
}

/** A pair of constant-currency columns, with the periods before as history. */
function constantPair(columns: readonly RevenueColumn[], start: number, end: number) {
  return pairedRevenueInput(
    columns[start] as RevenueColumn,
    columns[end] as RevenueColumn,
    start > 0 ? columns.slice(0, start) : undefined
  );
}

/**
 * Logo retention is a share of the starting customers: its Wilson interval, as SAAS.RATE.CI
 * gives it for the customers retained out of those at the start.
 */
function logoInterval(totals: MovementTotals): KpiInterval | undefined {
  const { retainedCustomers, startingCustomers } = totals;
  if (startingCustomers <= 0) return undefined;
  const { lower, upper } = wilsonInterval(
    retainedCustomers,
    startingCustomers,
    zForConfidence(INTERVAL_CONFIDENCE)
  );
  return kpiInterval(lower, upper, startingCustomers);
}

/** The lines of the bridge whose customers the pane and the board pack list. */
export const WHO_MOVED = ["churn", "contraction", "expansion", "new"] as const;
export type WhoMovedKind = (typeof WHO_MOVED)[number];

function whoMovedOf(
  model: RevenueModel,
  input: ReturnType<typeof pairInput>
): Readonly<Record<WhoMovedKind, readonly Mover[]>> | null {
  const ids = model.customerIds;
  if (ids === null) return null;
  const list = (kind: WhoMovedKind) =>
    topMovers(
      input.startMrr,
      input.endMrr,
      input.hadRevenueBefore,
      ids,
      kind,
      MOVERS_DEFAULT_COUNT
    );
  return {
    churn: list("churn"),
    contraction: list("contraction"),
    expansion: list("expansion"),
    new: list("new"),
  };
}
