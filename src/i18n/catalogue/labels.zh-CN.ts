/**
 * The words spills show beside their figures, in Simplified Chinese: the same codes as
 * labels.en.ts. Tool names (ChartMogul, Stripe…) stay as the tools write them.
 */
import type { LabelCode } from "../../core";

export const labelsZhCn: Readonly<Record<LabelCode, string>> = {
  "label.lower": "下限",
  "label.upper": "上限",
  "label.npsCategory": "NPS 类别",
};
