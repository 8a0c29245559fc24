/**
 * The pane's one message catalogue (issue 9): a translator per language with `t(key, params)`,
 * number and date formatting for its locale, and the choice of language: the playground's
 * switch, else Office's display language, else the browser's; the pane's own switch overrides
 * them all and is remembered.
 */
import type { PeriodUnit } from "../../core";
import { type MessageKey, en } from "./en";
import { zhCN } from "./zh-CN";

export type { MessageKey } from "./en";

export type Language = "en" | "zh-CN";

export const LANGUAGES: readonly Language[] = ["en", "zh-CN"];

export const CATALOGUES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = {
  en,
  "zh-CN": zhCN,
};

/** The locale each language formats numbers and dates in when the host names no region. */
const DEFAULT_LOCALE: Readonly<Record<Language, string>> = { en: "en-US", "zh-CN": "zh-CN" };

export type MessageParams = Readonly<Record<string, string | number>>;

export interface Translator {
  readonly language: Language;
  /** The BCP 47 locale numbers and dates are formatted in, e.g. "en-GB" or "zh-CN". */
  readonly locale: string;
  t(key: MessageKey, params?: MessageParams): string;
  /** Whether a key from the core (a reading, a problem) is in the catalogue. */
  isKey(key: string): key is MessageKey;
  /** 0.968 → "96.8%". */
  percent(value: number): string;
  /** MRR and other amounts, in the user's unit: 12345.6 → "12,346". */
  amount(value: number): string;
  /** A plain figure with up to two decimals (a quick ratio, a CES). */
  number(value: number): string;
  /** NPS points: one decimal. */
  points(value: number): string;
  /** "Jan 2024", "Q1 2024", "2024" (or their Chinese forms) for an ISO period start. */
  period(isoStart: string, unit: PeriodUnit): string;
}

/**
 * The language for a BCP 47 tag: any Chinese is shown in Simplified Chinese (the catalogue
 * this pane has), anything else in English; null when no tag is given.
 *
 * @example languageOf("zh-TW") === "zh-CN"; languageOf("en-GB") === "en"; languageOf("") === null
 */
export function languageOf(tag: string | null | undefined): Language | null {
  if (typeof tag !== "string" || tag.trim() === "") return null;
  return /^zh\b/i.test(tag.trim()) ? "zh-CN" : "en";
}

export interface LanguageSources {
  /** The user's choice in the pane's switch, remembered on this device. */
  readonly chosen?: string | null;
  /** The playground's display language. */
  readonly playground?: string | null;
  /** Office.context.displayLanguage. */
  readonly office?: string | null;
  /** navigator.language. */
  readonly browser?: string | null;
}

/**
 * The pane's language and the locale to format in. The first source that names a language
 * wins; a source's region is kept for formatting when it is of the chosen language (en-GB dates
 * for an English pane in a British Office).
 *
 * @example chooseLanguage({ office: "zh-CN", browser: "en-US" }) → { language: "zh-CN", locale: "zh-CN" }
 */
export function chooseLanguage(sources: LanguageSources): { language: Language; locale: string } {
  const ordered = [sources.chosen, sources.playground, sources.office, sources.browser];
  let language: Language = "en";
  for (const tag of ordered) {
    const found = languageOf(tag);
    if (found !== null) {
      language = found;
      break;
    }
  }
  // A region is kept only from a tag of the pane's own language: French dates in an English
  // sentence would read oddly, so a fr-FR host formats an English pane as en-US.
  const primary = language === "zh-CN" ? "zh" : "en";
  const regional = [sources.playground, sources.office, sources.browser].find(
    (tag) =>
      typeof tag === "string" &&
      tag.trim().split(/[-_]/)[0]?.toLowerCase() === primary &&
      isSupportedLocale(tag.trim())
  );
  return { language, locale: regional?.trim() ?? DEFAULT_LOCALE[language] };
}

function isSupportedLocale(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false; // not a well-formed tag: the language's default locale instead
  }
}

const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;

/**
 * The placeholders of a message, as "name" or "name:format", in order.
 *
 * @example placeholdersOf("{a} of {b:percent}") → ["a", "b:percent"]
 */
export function placeholdersOf(message: string): string[] {
  return Array.from(message.matchAll(PLACEHOLDER), (match) =>
    match[2] ? `${match[1]}:${match[2]}` : (match[1] as string)
  );
}

export function createTranslator(
  language: Language,
  locale = DEFAULT_LOCALE[language]
): Translator {
  const catalogue = CATALOGUES[language];
  const formats = {
    percent: new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }),
    // Monthly rates are small: two decimals tell 0.51% from 0.01%.
    rate: new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }),
    signedPercent: new Intl.NumberFormat(locale, {
      style: "percent",
      maximumFractionDigits: 1,
      signDisplay: "exceptZero",
    }),
    amount: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    number: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
    points: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    integer: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    signedNumber: new Intl.NumberFormat(locale, {
      maximumFractionDigits: 2,
      signDisplay: "exceptZero",
    }),
  } as const;
  const month = new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    timeZone: "UTC",
  });

  const formatParam = (value: string | number, format: string | undefined): string => {
    if (typeof value !== "number") return value;
    const formatter = formats[(format ?? "number") as keyof typeof formats] ?? formats.number;
    return formatter.format(value);
  };

  const t = (key: MessageKey, params: MessageParams = {}): string =>
    catalogue[key].replace(PLACEHOLDER, (whole, name: string, format: string | undefined) => {
      const value = params[name];
      return value === undefined ? whole : formatParam(value, format);
    });

  return {
    language,
    locale,
    t,
    isKey: (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(catalogue, key),
    percent: (value) => formats.percent.format(value),
    amount: (value) => formats.amount.format(value),
    number: (value) => formats.number.format(value),
    points: (value) => formats.points.format(value),
    period: (isoStart, unit) => {
      const [year = "", monthText = "1"] = isoStart.split("-");
      if (unit === "year") return t("period.yearLabel", { year });
      if (unit === "quarter")
        return t("period.quarterLabel", {
          year,
          quarter: String(Math.floor((Number(monthText) - 1) / 3) + 1),
        });
      return month.format(new Date(`${isoStart}T00:00:00Z`));
    },
  };
}
