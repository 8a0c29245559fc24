/**
 * Words a spill shows beside its figures (a header, a row's name, a short reason): codes, like
 * errors, worded by src/i18n in the display language only when shown, so that a Chinese Excel
 * shows Chinese labels and the core stays free of prose.
 *
 * Only display words are labels. Values meant to be used as data (SAAS.MOVEMENT's and
 * SAAS.NPS.CATEGORY's "churn", "promoter"…, which formulas match as segments) stay the same
 * text in every language, so a workbook computes the same in every Excel.
 */
import type { Message, MessageParams } from "./errors";

export type LabelCode =
  // Interval spills (SAAS.NPS.CI, SAAS.RATE.CI).
  | "label.lower"
  | "label.upper"
  // SAAS.NPS.CATEGORY's header, when the scores were selected with theirs.
  | "label.npsCategory"
  // SAAS.RECONCILE: its headers, figures and what differs.
  | "label.metric"
  | "label.thisAddIn"
  | "label.whatDiffers"
  | "label.netMrrChurn"
  | "label.quickRatio"
  | "label.customerChurn"
  | "label.grr"
  | "label.netMrrChurnDiffers"
  | "label.quickRatioDiffers"
  | "label.customerChurnDiffers"
  | "label.grrDiffers"
  // SAAS.MOVERS's header.
  | "label.customer"
  | "label.change";

/** A label in a spill: a code (and parameters) the boundary words in the display language. */
export class SpillLabel {
  constructor(
    readonly code: LabelCode,
    readonly params: MessageParams = {}
  ) {}

  /** The label as a message to word: its code and parameters. */
  get worded(): Message {
    return { key: this.code, params: this.params };
  }
}

/** A label for a spill's cell. */
export function label(code: LabelCode, params?: MessageParams): SpillLabel {
  return new SpillLabel(code, params);
}
