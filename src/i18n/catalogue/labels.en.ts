/**
 * The words spills show beside their figures (src/core/labels.ts), in English: headers, the
 * names of rows and SAAS.RECONCILE's short reasons. Worded in the display language when shown.
 */
import type { LabelCode } from "../../core";

export const labelsEn: Readonly<Record<LabelCode, string>> = {
  "label.lower": "lower",
  "label.upper": "upper",
  "label.npsCategory": "NPS category",
};
