/**
 * The pane's message catalogue (issue 9): every key in both languages, no key unused and none
 * used that is missing, placeholders the same in both, and numbers and dates in the locale.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CATALOGUES,
  LANGUAGES,
  chooseLanguage,
  createTranslator,
  languageOf,
  placeholdersOf,
} from "../../src/taskpane/i18n";
import { en } from "../../src/taskpane/i18n/en";

const ROOT = resolve(__dirname, "../..");
const CATALOGUE_DIR = join(ROOT, "src/taskpane/i18n");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === CATALOGUE_DIR ? [] : sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** The UI code and the analysis whose keys the pane renders; the catalogues themselves excluded. */
const FILES = [
  ...sourceFiles(join(ROOT, "src/taskpane")),
  join(ROOT, "src/core/analysis.ts"),
  join(CATALOGUE_DIR, "index.ts"),
];
const SOURCE = FILES.map((file) => readFileSync(file, "utf8")).join("\n");
const KEYS = Object.keys(en);

/** Every string literal that looks like a message key ("word.word…"). */
const QUOTED_KEYS = new Set(
  Array.from(
    SOURCE.matchAll(/["'`]([a-z][A-Za-z]*(?:\.[A-Za-z][\w-]*)+)["'`]/g),
    (match) => match[1] as string
  )
);

describe("the message catalogue", () => {
  it.each(LANGUAGES)("%s has every key of the English catalogue, and no other", (language) => {
    expect(Object.keys(CATALOGUES[language]).sort()).toEqual([...KEYS].sort());
  });

  it.each(LANGUAGES)("%s has no empty message", (language) => {
    for (const [key, message] of Object.entries(CATALOGUES[language]))
      expect(message.trim(), key).not.toBe("");
  });

  it.each(KEYS)("%s has the same placeholders in every language", (key) => {
    const english = placeholdersOf(en[key as keyof typeof en]).sort();
    for (const language of LANGUAGES) {
      expect(
        placeholdersOf(CATALOGUES[language][key as keyof typeof en]).sort(),
        `${language} ${key}`
      ).toEqual(english);
    }
  });

  it("every placeholder format is one the translator knows", () => {
    const known = [
      "percent",
      "rate",
      "signedPercent",
      "amount",
      "number",
      "points",
      "integer",
      "signedNumber",
    ];
    const used = LANGUAGES.flatMap((language) =>
      Object.values(CATALOGUES[language]).flatMap((message) =>
        placeholdersOf(message).flatMap((placeholder) => placeholder.split(":").slice(1))
      )
    );
    expect(used.filter((format) => !known.includes(format))).toEqual([]);
  });

  it("no key is unused: each appears in the pane's code or the analysis", () => {
    const unused = KEYS.filter((key) => !QUOTED_KEYS.has(key));
    expect(unused).toEqual([]);
  });

  it('no key is used that the catalogue lacks: t("…") calls and the analysis\'s keys', () => {
    const called = Array.from(SOURCE.matchAll(/\bt\(\s*"([^"]+)"/g), (match) => match[1] as string);
    const analysis = readFileSync(join(ROOT, "src/core/analysis.ts"), "utf8");
    const fromAnalysis = Array.from(
      analysis.matchAll(/"((?:problem|reading|note)\.[A-Za-z.]+)"/g),
      (match) => match[1] as string
    );
    expect(called.length).toBeGreaterThan(50);
    expect(fromAnalysis.length).toBeGreaterThan(20);
    expect([...called, ...fromAnalysis].filter((key) => !(key in en))).toEqual([]);
  });

  it("the UI code never writes markup from strings", () => {
    const ui = sourceFiles(join(ROOT, "src/taskpane"))
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    expect(ui).not.toMatch(/\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|\beval\(/);
  });
});

describe("choosing the language", () => {
  it.each([
    [{ office: "zh-CN", browser: "en-US" }, "zh-CN", "zh-CN"],
    [{ playground: "en-GB", office: "zh-CN" }, "en", "en-GB"],
    [{ chosen: "zh-CN", playground: "en-US" }, "zh-CN", "zh-CN"],
    [{ office: "zh-TW" }, "zh-CN", "zh-TW"],
    [{ office: null, browser: "fr-FR" }, "en", "en-US"],
    [{}, "en", "en-US"],
  ] as const)("%j → %s (formatting in %s)", (sources, language, locale) => {
    expect(chooseLanguage(sources)).toEqual({ language, locale });
  });

  it("reads only real tags", () => {
    expect(languageOf("")).toBeNull();
    expect(languageOf(undefined)).toBeNull();
    expect(languageOf("zh-Hans-CN")).toBe("zh-CN");
  });
});

describe("formatting for the locale", () => {
  const english = createTranslator("en", "en-US");
  const chinese = createTranslator("zh-CN");

  it("fills placeholders, formatting numbers as the placeholder says", () => {
    expect(english.t("reading.mrrChurn.aboveBest", { monthly: 0.0234, benchmark: 0.01 })).toBe(
      "2.3% a month; best in class is under 1%."
    );
    expect(english.t("progress.rows", { read: 12000, total: 50000 })).toBe(
      "12,000 of 50,000 rows read"
    );
    expect(chinese.t("problem.revenueText", { row: 418, column: "C", value: '"n/a"' })).toBe(
      'C 列第 418 行是文本 "n/a"；MRR 必须是数字。'
    );
    expect(english.t("problem.revenueText", { row: 418, column: "C", value: '"n/a"' })).toBe(
      'Row 418 of column C holds text "n/a"; MRR must be a number.'
    );
  });

  it("names periods in the pane's language", () => {
    expect(english.period("2024-03-01", "month")).toBe("Mar 2024");
    expect(chinese.period("2024-03-01", "month")).toBe("2024年3月");
    expect(english.period("2024-04-01", "quarter")).toBe("Q2 2024");
    expect(chinese.period("2024-04-01", "quarter")).toBe("2024 年第 2 季度");
    expect(chinese.period("2024-01-01", "year")).toBe("2024 年");
  });

  it("formats figures for the locale", () => {
    expect(english.percent(1.0845)).toBe("108.5%");
    expect(english.amount(1234567.4)).toBe("1,234,567");
    expect(createTranslator("en", "de-DE").amount(1234567.4)).toBe("1.234.567");
    expect(english.points(40)).toBe("40.0");
  });
});
