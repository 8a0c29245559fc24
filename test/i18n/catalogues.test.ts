/**
 * The message catalogues: every key in every language, no pane key unused and none used that is
 * missing, placeholders the same in every language, every core error code worded, and numbers
 * and dates in the locale.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { errorsEn, termsEn } from "../../src/i18n/catalogue/errors.en";
import { errorsZhCn, termsZhCn } from "../../src/i18n/catalogue/errors.zh-CN";
import { labelsEn } from "../../src/i18n/catalogue/labels.en";
import { labelsZhCn } from "../../src/i18n/catalogue/labels.zh-CN";
import { paneEn } from "../../src/i18n/catalogue/pane.en";
import { label } from "../../src/core";
import { labelText } from "../../src/i18n/errors";
import {
  CATALOGUES,
  LANGUAGES,
  chooseLanguage,
  createTranslator,
  languageOf,
  placeholdersOf,
} from "../../src/i18n";
import { chooseTemplate } from "../../src/i18n/render";

const ROOT = resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** The UI code and the analysis whose keys the pane renders. */
const FILES = [
  ...sourceFiles(join(ROOT, "src/taskpane")),
  ...sourceFiles(join(ROOT, "src/analysis")),
  join(ROOT, "src/i18n/index.ts"),
];
const SOURCE = FILES.map((file) => readFileSync(file, "utf8")).join("\n");
const KEYS = Object.keys(paneEn) as (keyof typeof paneEn)[];

/** Every string literal that looks like a message key ("word.word…"), template prefixes included. */
const QUOTED_KEYS = new Set(
  Array.from(
    SOURCE.matchAll(/["'`]([a-z][A-Za-z]*(?:\.[A-Za-z$][\w${}-]*)+)["'`]/g),
    (match) => match[1] as string
  )
);

/** A placeholder as languages must share it: capitalising is English's own business. */
const shared = (placeholder: string) => placeholder.replace(/:capital$/, "");

/** Both forms of a template: a plain one, or the `{ one, other }` pair. */
const forms = (template: string | { one: string; other: string }) =>
  typeof template === "string" ? [template] : [template.one, template.other];

const KNOWN_FORMATS = [
  "percent",
  "rate",
  "signedPercent",
  "amount",
  "number",
  "points",
  "integer",
  "signedNumber",
  "capital",
];

describe("the pane's catalogue", () => {
  it.each(LANGUAGES)("%s has every key of the English catalogue, and no other", (language) => {
    expect(Object.keys(CATALOGUES[language]).sort()).toEqual([...KEYS].sort());
  });

  it.each(LANGUAGES)("%s has no empty message", (language) => {
    for (const [key, template] of Object.entries(CATALOGUES[language]))
      for (const form of forms(template)) expect(form.trim(), key).not.toBe("");
  });

  it.each(KEYS)("%s has the same placeholders in every language and form", (key) => {
    const english = new Set(forms(paneEn[key]).flatMap((form) => placeholdersOf(form).map(shared)));
    for (const language of LANGUAGES) {
      for (const form of forms(CATALOGUES[language][key])) {
        // A singular form may spell its count out ("1 row"); no form may bring a placeholder in.
        for (const placeholder of placeholdersOf(form).map(shared))
          expect(english, `${language} ${key}: ${placeholder}`).toContain(placeholder);
      }
      const all = new Set(
        forms(CATALOGUES[language][key]).flatMap((form) => placeholdersOf(form).map(shared))
      );
      for (const placeholder of english)
        if (placeholder !== "count")
          expect(all, `${language} ${key} lacks ${placeholder}`).toContain(placeholder);
    }
  });

  it("every placeholder format is one the renderer knows", () => {
    const used = LANGUAGES.flatMap((language) =>
      Object.values(CATALOGUES[language]).flatMap((template) =>
        forms(template).flatMap((form) =>
          placeholdersOf(form).flatMap((placeholder) => placeholder.split(":").slice(1))
        )
      )
    );
    expect(used.filter((format) => !KNOWN_FORMATS.includes(format))).toEqual([]);
  });

  it("no key is unused: each appears in the pane's code or the analysis", () => {
    const prefixes = [...QUOTED_KEYS].filter((key) => key.includes("${")).map((key) => key.split("${")[0] as string);
    const unused = KEYS.filter(
      (key) => !QUOTED_KEYS.has(key) && !prefixes.some((prefix) => key.startsWith(prefix))
    );
    expect(unused).toEqual([]);
  });

  it("no key is used that the catalogue lacks: t(\"…\") calls and the analysis's keys", () => {
    const called = Array.from(SOURCE.matchAll(/\bt\(\s*"([^"]+)"/g), (match) => match[1] as string);
    const analysis = sourceFiles(join(ROOT, "src/analysis"))
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const fromAnalysis = Array.from(
      analysis.matchAll(/"((?:problem|reading|note|layout|scale)\.[A-Za-z.]+)"/g),
      (match) => match[1] as string
    );
    expect(called.length).toBeGreaterThan(50);
    expect(fromAnalysis.length).toBeGreaterThan(40);
    expect([...called, ...fromAnalysis].filter((key) => !(key in paneEn))).toEqual([]);
  });

  it("the UI code never writes markup from strings", () => {
    const ui = sourceFiles(join(ROOT, "src/taskpane"))
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    expect(ui).not.toMatch(/\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|\beval\(/);
  });
});

describe("the functions' catalogue (the core's error codes)", () => {
  const codes = Object.keys(errorsEn) as (keyof typeof errorsEn)[];
  const core = sourceFiles(join(ROOT, "src/core"))
    .map((file) => readFileSync(file, "utf8"))
    .join("\n");

  it("Chinese words every code English words, and no other", () => {
    expect(Object.keys(errorsZhCn).sort()).toEqual([...codes].sort());
    expect(Object.keys(termsZhCn).sort()).toEqual(Object.keys(termsEn).sort());
  });

  it.each(codes)("%s has the same placeholders in both languages", (code) => {
    expect(placeholdersOf(errorsZhCn[code]).sort()).toEqual(placeholdersOf(errorsEn[code]).sort());
  });

  it("every code is one the core gives", () => {
    expect(codes.filter((code) => !core.includes(`"${code}"`))).toEqual([]);
  });

  it("a plural pair is chosen by its count", () => {
    const pair = { one: "1 row", other: "{count} rows" };
    expect(chooseTemplate(pair, { count: 1 })).toBe("1 row");
    expect(chooseTemplate(pair, { count: 3 })).toBe("{count} rows");
  });
});

describe("choosing the language", () => {
  it.each([
    [{ office: "zh-CN", browser: "en-US" }, "zh-CN", "zh-CN"],
    [{ playground: "en-GB", office: "zh-CN" }, "en", "en-GB"],
    [{ chosen: "zh-CN", playground: "en-US" }, "zh-CN", "zh-CN"],
    [{ office: "zh-TW" }, "zh-CN", "zh-TW"],
    [{ office: "qps-ploc" }, "qps-ploc", "en-US"],
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
    const value = { cell: { kind: "text", text: "n/a" } } as const;
    expect(chinese.t("problem.revenueText", { row: 418, column: "C", value })).toBe(
      "C 列第 418 行是文本 “n/a”；MRR 必须是数字。"
    );
    expect(english.t("problem.revenueText", { row: 418, column: "C", value })).toBe(
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

  it("shortens a chart axis's amounts for the locale, keeping round ticks apart", () => {
    expect(english.compactAmount(2400013)).toBe("2.4M");
    expect(english.compactAmount(240000)).toBe("240K");
    expect(english.compactAmount(1020000)).toBe("1.02M");
    expect(english.compactAmount(0)).toBe("0");
    expect(chinese.compactAmount(2400013)).toBe("240万");
  });
});

describe("the labels spills show (src/core/labels.ts)", () => {
  const codes = Object.keys(labelsEn) as (keyof typeof labelsEn)[];
  // The code that shows labels, not the file that lists them.
  const core = sourceFiles(join(ROOT, "src/core"))
    .filter((file) => !file.endsWith("labels.ts"))
    .map((file) => readFileSync(file, "utf8"))
    .join("\n");

  it("Chinese words every label English words, and no other; none is empty", () => {
    expect(Object.keys(labelsZhCn).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect(labelsEn[code].trim(), code).not.toBe("");
      expect(labelsZhCn[code], code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each(codes)("%s has the same placeholders in both languages", (code) => {
    expect(placeholdersOf(labelsZhCn[code]).sort()).toEqual(placeholdersOf(labelsEn[code]).sort());
  });

  it("every label is one the core shows, and no label shares a key with a message", () => {
    const unused = codes.filter((code) => !core.includes(`"${code}"`));
    expect(unused).toEqual([]);
    for (const code of codes) expect(Object.keys(errorsEn)).not.toContain(code);
  });

  it("a label in words, in each language", () => {
    expect(labelText(label("label.lower"), "en")).toBe("lower");
    expect(labelText(label("label.lower"), "zh-CN")).toBe("下限");
    expect(labelText(label("label.upper"), "qps-ploc")).toBe("⟦úþþéŕ⟧");
  });
});
