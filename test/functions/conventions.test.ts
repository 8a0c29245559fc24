/**
 * The functions of "why doesn't this match ChartMogul?" through the built bundle as Excel calls
 * them: other tools' conventions, ARPA, LTV, the trailing churn rate, and intervals on small
 * samples; labels in the display language, data the same in every language.
 */
import { describe, expect, it } from "vitest";
import { callAsExcel, callInLanguage, callWithAddresses, column, loadBundle } from "../support/bundle";

const repeat = (score: number, times: number) => Array.from({ length: times }, () => score);

// ChartMogul's worked example: $100 at the start; $10 churned, $10 contracted, one customer +$10.
const START = column("Start", 10, 20, 30, 40, 0);
const END = column("End", 0, 10, 40, 40, 25);

describe("SAAS.RECONCILE", () => {
  it("spills the header, four figures and what differs, each value computed", () => {
    expect(callAsExcel("RECONCILE", START, END)).toEqual([
      ["metric", "this add-in", "ChartMogul", "Baremetrics", "Stripe", "Chargebee", "what differs"],
      ["net MRR churn", 0.1, 0.1, 0.1, "", "", "ChartMogul also subtracts reactivation MRR"],
      ["quick ratio", 35 / 20, "", 35 / 20, "", "", "Baremetrics leaves reactivation MRR out of the gains"],
      ["customer churn", 0.25, "", 0.25, 0.2, "", "Stripe adds the period's new customers to the denominator"],
      [
        "GRR",
        0.8,
        "",
        "",
        "",
        0.9,
        "Chargebee caps the total, not each customer: one customer's expansion hides another's loss",
      ],
    ]);
  });

  it("with history, the returning customer is reactivation, which ChartMogul, Baremetrics and Stripe treat apart", () => {
    const history = column("Before", 0, 0, 0, 0, 60);
    const table = callAsExcel("RECONCILE", START, END, history) as unknown[][];
    expect(table[1]?.slice(1, 3)).toEqual([0.1, (20 - 10 - 25) / 100]);
    expect(table[2]?.slice(1, 4)).toEqual([35 / 20, "", 10 / 20]);
    expect(table[3]?.slice(1, 5)).toEqual([0.25, "", 0.25, 0.25]);
  });

  it("labels in Chinese for a Chinese Excel; the tools keep their names; the figures are the same", () => {
    const english = callAsExcel("RECONCILE", START, END) as unknown[][];
    const chinese = callInLanguage("zh-CN", "RECONCILE", START, END) as unknown[][];
    expect(chinese[0]).toEqual(["指标", "本加载项", "ChartMogul", "Baremetrics", "Stripe", "Chargebee", "差异"]);
    expect(chinese.map((row) => row[0])).toEqual(["指标", "MRR 净流失率", "快速比率", "客户流失率", "总收入留存率（GRR）"]);
    expect(chinese.slice(1).map((row) => row.slice(1, 6))).toEqual(english.slice(1).map((row) => row.slice(1, 6)));
    for (const row of chinese.slice(1)) expect(row[6]).toMatch(/[\u4e00-\u9fff]/);
  });

  it("the pseudo-locale marks every label, so none skips the catalogue", () => {
    const table = callInLanguage("qps-ploc", "RECONCILE", START, END) as unknown[][];
    for (const cell of [...(table[0] ?? []).filter((_, i) => i < 2 || i > 5), ...table.slice(1).map((row) => row[0])])
      expect(cell).toMatch(/^⟦.*⟧$/);
  });

  it("no starting revenue: #DIV/0! in the cells that need it, the table still spills", () => {
    const table = callAsExcel("RECONCILE", column(0, 0), column(10, 0)) as unknown[][];
    expect(table).toHaveLength(5);
    expect(table[1]?.[1]).toEqual({ error: "#DIV/0!", message: undefined });
  });

  it("names the sheet cell of a bad input when Excel gives the addresses, in Chinese too", () => {
    const result = callWithAddresses(
      { parameters: ["Data!B2:B4", "Data!C2:C4", ""], displayLanguage: "zh-CN" },
      "RECONCILE",
      column(100, 50, 20),
      column(90, "x", 20)
    ) as { message: string };
    expect(result.message).toMatch(/^期末收入 Data!C3：“x” 是文本/);
  });
});

describe("SAAS.ARPA, SAAS.LTV and SAAS.CHURN.TRAILING", () => {
  it("ChartMogul's examples: ARPA $300; LTV $2,000", () => {
    expect(callAsExcel("ARPA", column(100, 100, 300, 500, 500))).toBe(300);
    expect(callAsExcel("LTV", 100, 0.05)).toBeCloseTo(2000, 9);
  });

  it("ARPA by segment spills a Total row", () => {
    expect(callAsExcel("ARPA", column(100, 300, 50), column("SMB", "Ent", "SMB"))).toEqual([
      ["SMB", 75],
      ["Ent", 300],
      ["Total", 150],
    ]);
  });

  it("LTV of the trailing six months' churn and ARPA, composed as a sheet would", () => {
    const matrix = [
      ["customer", "2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01", "2024-07-01", "2024-08-01"],
      ["A", 100, 100, 100, 100, 100, 100, 100, 100],
      ["B", 100, 100, 100, 0, 0, 0, 0, 0],
      ["C", 200, 200, 200, 200, 200, 200, 200, 200],
      ["D", 50, 50, 50, 50, 50, 50, 50, 0],
    ];
    const churn = callAsExcel("CHURN.TRAILING", matrix) as number;
    expect(churn).toBeCloseTo(1 / 4 / 6, 15);
    const arpa = callAsExcel("ARPA", column(100, 0, 200, 50)) as number;
    expect(callAsExcel("LTV", arpa, churn, 0.8)).toBeCloseTo((350 / 3) * 0.8 * 24, 9);
  });

  it("Chinese messages name the Chinese argument names", () => {
    expect((callInLanguage("zh-CN", "LTV", 100, 5) as { message: string }).message).toBe(
      "月流失率：5 必须是 0 到 1 之间的数"
    );
  });
});

describe("survey intervals and categories", () => {
  it("SAAS.NPS.CI: adjusted by default (76.9 ± 29.4 for 10 promoters of 10, clipped at 100); wald on request", () => {
    const adjusted = callAsExcel("NPS.CI", column(...repeat(10, 10))) as [string, number][];
    expect(adjusted.map((row) => row[0])).toEqual(["lower", "upper"]);
    expect(adjusted[0]?.[1]).toBeCloseTo(1000 / 13 - 29.4195, 3);
    expect(adjusted[1]?.[1]).toBe(100);
    expect(callAsExcel("NPS.CI", column(...repeat(10, 10)), null, "wald")).toEqual([
      ["lower", 100],
      ["upper", 100],
    ]);
    expect(callInLanguage("zh-CN", "NPS.CI", column(9, 0)) as unknown[][]).toEqual([
      ["下限", expect.any(Number)],
      ["上限", expect.any(Number)],
    ]);
  });

  it("SAAS.NPS.MOE and SAAS.NPS.TEST keep Wald by default: existing sheets compute the same", () => {
    const forty = column(...repeat(10, 100), ...repeat(8, 80), ...repeat(0, 20));
    expect(callAsExcel("NPS.MOE", forty)).toBeCloseTo(9.193, 3);
    expect(callAsExcel("NPS.MOE", forty, null, "adjusted")).toBeCloseTo(9.16, 2);
    const twenty = column(...repeat(9, 20), ...repeat(7, 20), ...repeat(3, 10));
    expect(callAsExcel("NPS.TEST", forty, twenty)).toBeCloseTo(0.084, 3);
  });

  it("SAAS.NPS.CATEGORY: the same data in every language; only the header is worded", () => {
    const scores = column("Score", 10, 8, 2, null);
    expect(callAsExcel("NPS.CATEGORY", scores)).toEqual(column("NPS category", "promoter", "passive", "detractor", ""));
    expect(callInLanguage("zh-CN", "NPS.CATEGORY", scores)).toEqual(
      column("NPS 类别", "promoter", "passive", "detractor", "")
    );
  });

  it("SAAS.RATE.CI: Wilson, labelled; SAAS.NPS.SAMPLESIZE: whole responses", () => {
    expect(callAsExcel("RATE.CI", 0, 10)).toEqual([
      ["lower", 0],
      ["upper", expect.closeTo(0.2775, 4)],
    ]);
    expect(callAsExcel("NPS.SAMPLESIZE", 5)).toBe(1534);
    expect((callInLanguage("zh-CN", "RATE.CI", 31, 30) as { message: string }).message).toBe(
      "成功数（31）大于 试验数（30）：比例不能超过 1"
    );
  });
});

describe("functions.json: the new functions as functions.md names them", () => {
  const { metadata } = loadBundle();
  it.each([
    ["RECONCILE", ["start_mrr", "end_mrr", "history"], 2],
    ["ARPA", ["mrr", "segments", "segment"], 1],
    ["LTV", ["arpa", "monthly_churn", "gross_margin"], 2],
    ["CHURN.TRAILING", ["mrr_matrix", "months", "mode"], 1],
    ["NPS.MOE", ["scores", "confidence", "method"], 1],
    ["NPS.CI", ["scores", "confidence", "method"], 1],
    ["NPS.TEST", ["scores_a", "scores_b", "method"], 2],
    ["NPS.CATEGORY", ["scores"], 1],
    ["NPS.SAMPLESIZE", ["margin", "confidence", "expected_nps"], 1],
    ["CSAT", ["scores", "scale_max", "method", "segments", "segment"], 1],
    ["RATE.CI", ["successes", "trials", "confidence"], 2],
  ] as const)("%s(%s): the first %s required, the rest optional", (id, names, required) => {
    const fn = metadata.functions.find((f) => f.id === id);
    expect(fn?.parameters.map((p) => p.name)).toEqual(names);
    fn?.parameters.forEach((p, i) => expect(p.optional === true, `${id} ${p.name}`).toBe(i >= required));
    for (const p of fn?.parameters ?? []) expect(p.description.length, `${id} ${p.name}`).toBeGreaterThan(20);
  });
});
