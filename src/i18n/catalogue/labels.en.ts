/**
 * The words spills show beside their figures (src/core/labels.ts), in English: headers, the
 * names of rows and SAAS.RECONCILE's short reasons. Worded in the display language when shown.
 */
import type { LabelCode } from "../../core";

export const labelsEn: Readonly<Record<LabelCode, string>> = {
  "label.lower": "lower",
  "label.customer": "customer",
  "label.change": "change",
  "label.upper": "upper",
  "label.npsCategory": "NPS category",
  "label.metric": "metric",
  "label.thisAddIn": "this add-in",
  "label.whatDiffers": "what differs",
  "label.netMrrChurn": "net MRR churn",
  "label.quickRatio": "quick ratio",
  "label.customerChurn": "customer churn",
  "label.grr": "GRR",
  "label.netMrrChurnDiffers": "ChartMogul also subtracts reactivation MRR",
  "label.quickRatioDiffers": "Baremetrics leaves reactivation MRR out of the gains",
  "label.customerChurnDiffers": "Stripe adds the period's new customers to the denominator",
  "label.grrDiffers":
    "Chargebee caps the total, not each customer: one customer's expansion hides another's loss",
};
