/**
 * What the analysis tells the user: a catalogue key with parameters (src/i18n words it in the
 * pane's language), never a sentence. A core error inside a message is carried as it is.
 */
import { type MessageParams, MetricError } from "../core";
import type { LayoutNoteKey } from "./layout/types";

/** The keys the analysis gives; the pane's catalogue has words for each, in every language. */
export type AnalysisKey =
  | LayoutNoteKey
  | "problem.noDataRows"
  | "problem.tooFewPeriods"
  | "problem.columnUsedTwice"
  | "problem.totalsRowInsideData"
  | "problem.unnamedRowInsideData"
  | "problem.revenueText"
  | "problem.revenueNegative"
  | "problem.revenueLogical"
  | "problem.errorValue"
  | "problem.scoreText"
  | "problem.scoreNotWhole"
  | "problem.scoreOutsideScale"
  | "problem.customerBlank"
  | "problem.dateBlank"
  | "problem.dateInvalid"
  | "problem.amountText"
  | "problem.core"
  | "problem.noStartingRevenue"
  | "problem.ratesNeeded"
  | "problem.ratesUnreadable"
  | "problem.billingNotComputed"
  | "problem.billingHeader"
  | "remembered.unreadable"
  | "remembered.malformed"
  | "remembered.outside"
  | "remembered.headerChanged"
  | "remembered.periodNotDate"
  | "remembered.periodsOutOfOrder"
  | "remembered.periodChanged"
  | "remembered.periodAdded"
  | ReadingKey;

export type ReadingKey =
  | "reading.nrr.growing"
  | "reading.nrr.flat"
  | "reading.nrr.shrinking"
  | "reading.grr.bestInClass"
  | "reading.grr.belowBest"
  | "reading.mrrChurn.bestInClass"
  | "reading.mrrChurn.aboveBest"
  | "reading.logo.withinTarget"
  | "reading.logo.aboveTarget"
  | "reading.netMrrChurn.negative"
  | "reading.netMrrChurn.positive"
  | "reading.quickRatio.gaining"
  | "reading.quickRatio.losing"
  | "reading.nps.poor"
  | "reading.nps.positive"
  | "reading.nps.high"
  | "reading.nps.veryGood"
  | "reading.csat.atTarget"
  | "reading.csat.belowTarget";

/** Something to tell the user, as a catalogue key and its parameters. */
export interface AnalysisMessage {
  readonly key: AnalysisKey;
  readonly params: MessageParams;
  /**
   * Where the arguments of a core error inside it sit on the sheet ("covers" →
   * "Billing!$F$2:$F$900"), so that it names the cell as the functions would in a formula.
   */
  readonly at?: Readonly<Record<string, string>>;
}

/** A core error, shown in the pane as the functions would word it. */
export function coreProblem(error: MetricError): AnalysisMessage {
  return { key: "problem.core", params: { error: { nested: error.worded } } };
}

/** A step that either gives its value or says, in one message, why it cannot. */
export type Prepared<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: AnalysisMessage };

/**
 * A step's value, or the core's error as its problem: a figure too large to add is said in its
 * place while the rest of the analysis stands. Anything else is a fault and is thrown on.
 */
export function prepared<T>(compute: () => T): Prepared<T> {
  try {
    return { ok: true, value: compute() };
  } catch (error) {
    if (error instanceof MetricError) return { ok: false, problem: coreProblem(error) };
    throw error;
  }
}
