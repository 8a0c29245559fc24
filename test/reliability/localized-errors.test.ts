/**
 * Custom-function error messages in the display language: the whole bad-input catalogue run again
 * in a runtime whose Office display language is zh-CN. Same error values and results as in
 * English; every message Excel shows (#VALUE!, #N/A) is in Chinese, none left in English.
 */
import { describe, expect, it } from "vitest";
import { callAsExcel, callInLanguage, column } from "../support/bundle";
import { cases } from "./catalogue";

const CJK = /[\u4e00-\u9fff]/;

describe("error messages in Chinese (Office display language zh-CN)", () => {
  it.each([
    [
      "NRR",
      [column(100, 200), column(90, "1,200")],
      "期末收入 第 2 行：“1,200” 是文本，不是数字（是以文本形式存储的数字吗？请用 VALUE 函数转换）",
    ],
    ["NPS", [column(9, 11)], "评分 第 2 行：11 超出量表范围；NPS 评分是 0 到 10 的整数"],
    [
      "NRR",
      [column(1, 2, 3), column(1, 2)],
      "期初收入 和 期末收入 的形状必须相同（每位客户一个值）：期初收入 为 3 行 × 1 列，期末收入 为 2 行 × 1 列",
    ],
    ["PROJECT", [100, 1, 0, 0], "月数：0 必须是 1 到 600 之间的整数"],
    ["NRR", [column(1), column(1), column("SMB"), "Ent"], '细分值 "Ent" 在细分列中没有匹配的行'],
  ])("SAAS.%s: %s", (id, args, message) => {
    const result = callInLanguage("zh-CN", id, ...(args as unknown[])) as { message?: string };
    expect(result.message).toBe(message);
  });

  it("English when Office reports English, or nothing; Chinese for any Chinese, as the pane", () => {
    const args = [column(100), column("x")];
    expect((callInLanguage("en-US", "NRR", ...args) as { message: string }).message).toMatch(
      /^end_mrr row 1: "x" is text/
    );
    expect((callAsExcel("NRR", ...args) as { message: string }).message).toMatch(/^end_mrr row 1/);
    // One language rule for both bundles (src/i18n/language.ts): the pane shows zh-TW in
    // Simplified Chinese, so the functions' messages do too.
    for (const tag of ["zh-TW", "zh-HK", "zh-Hant", "zh-SG"]) {
      expect((callInLanguage(tag, "NRR", ...args) as { message: string }).message).toMatch(
        /^期末收入 第 1 行/
      );
    }
  });

  for (const c of cases) {
    it(`SAAS.${c.fn}: ${c.why} — same outcome, message in Chinese`, () => {
      const english = callAsExcel(c.fn, ...c.args) as { error?: string; message?: string };
      const chinese = callInLanguage("zh-CN", c.fn, ...c.args) as {
        error?: string;
        message?: string;
      };
      if (english === null || typeof english !== "object" || !("error" in english)) {
        expect(chinese).toEqual(english);
        return;
      }
      expect(chinese.error).toBe(english.error);
      if (
        (english.error === "#VALUE!" || english.error === "#N/A") &&
        english.message !== "upstream"
      ) {
        expect(chinese.message, `untranslated: ${english.message}`).toMatch(CJK);
        expect(chinese.message).not.toBe(english.message);
      }
    });
  }
});
