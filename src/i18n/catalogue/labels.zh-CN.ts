/**
 * The words spills show beside their figures, in Simplified Chinese: the same codes as
 * labels.en.ts. Tool names (ChartMogul, Stripe…) stay as the tools write them.
 */
import type { LabelCode } from "../../core";

export const labelsZhCn: Readonly<Record<LabelCode, string>> = {
  "label.lower": "下限",
  "label.customer": "客户",
  "label.change": "变化",
  "label.upper": "上限",
  "label.npsCategory": "NPS 类别",
  "label.metric": "指标",
  "label.thisAddIn": "本加载项",
  "label.whatDiffers": "差异",
  "label.netMrrChurn": "MRR 净流失率",
  "label.quickRatio": "快速比率",
  "label.customerChurn": "客户流失率",
  "label.grr": "总收入留存率（GRR）",
  "label.netMrrChurnDiffers": "ChartMogul 还减去重新激活的 MRR",
  "label.quickRatioDiffers": "Baremetrics 的增量不含重新激活的 MRR",
  "label.customerChurnDiffers": "Stripe 的分母加上本期的新客户",
  "label.grrDiffers":
    "Chargebee 对总额封顶而不是对每位客户封顶：一位客户的扩张会掩盖另一位客户的损失",
};
