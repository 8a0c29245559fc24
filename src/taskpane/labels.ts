/**
 * The catalogue keys that name the core's ids (KPIs, bridge steps, units…), shared by the pane
 * and the sheets it writes, so one id is worded the same everywhere.
 */
import type { PeriodUnit } from "../core";
import type {
  BRIDGE_STEPS,
  ExcludedRow,
  KpiId,
  SEGMENT_METRICS,
  SourceMapping,
  SurveyScale,
} from "../analysis";
import type { MessageKey, Translator } from "../i18n";

/** A segment column as the user knows it: its header, or "Column D" when it has none. */
export function segmentColumnName(
  t: Translator["t"],
  segment: { readonly name: string; readonly letters: string }
): string {
  return segment.name || t("mapping.columnUnnamed", { letters: segment.letters });
}

export const KPI_NAME: Readonly<Record<KpiId, MessageKey>> = {
  nrr: "kpi.nrr",
  grr: "kpi.grr",
  logoRetention: "kpi.logoRetention",
  mrrChurn: "kpi.mrrChurn",
  netMrrChurn: "kpi.netMrrChurn",
  quickRatio: "kpi.quickRatio",
  nps: "kpi.nps",
  csat: "kpi.csat",
  ces: "kpi.ces",
};

export const BRIDGE_LABEL: Readonly<Record<(typeof BRIDGE_STEPS)[number], MessageKey>> = {
  startMrr: "bridge.startMrr",
  newMrr: "bridge.newMrr",
  reactivation: "bridge.reactivation",
  expansion: "bridge.expansion",
  contraction: "bridge.contraction",
  churn: "bridge.churn",
  endMrr: "bridge.endMrr",
};

export const SEGMENT_HEADER: Readonly<Record<(typeof SEGMENT_METRICS)[number], MessageKey>> = {
  nrr: "segments.nrr",
  grr: "segments.grr",
  logoRetention: "segments.logoRetention",
  mrrChurn: "segments.mrrChurn",
};

export const LAYOUT_NAME: Readonly<Record<SourceMapping["kind"], MessageKey>> = {
  grid: "layout.grid",
  ledger: "layout.ledger",
  survey: "layout.survey",
};

export const UNIT_NAME: Readonly<Record<PeriodUnit, MessageKey>> = {
  month: "unit.month",
  quarter: "unit.quarter",
  year: "unit.year",
};

export const SCALE_NAME: Readonly<Record<SurveyScale, MessageKey>> = {
  nps: "scale.nps",
  csat: "scale.csat",
  ces: "scale.ces",
};

export const LAST_PERIOD_NAME: Readonly<Record<PeriodUnit, MessageKey>> = {
  month: "period.lastPeriod.month",
  quarter: "period.lastPeriod.quarter",
  year: "period.lastPeriod.year",
};

export const EXCLUDED_NOTE: Readonly<Record<ExcludedRow["reason"], MessageKey>> = {
  blank: "note.excluded.blank",
  totals: "note.excluded.totals",
  "no customer": "note.excluded.noCustomer",
};
