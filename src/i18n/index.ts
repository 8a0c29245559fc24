/**
 * The pane's translator: `t(key, params)` over the pane's catalogue (the analysis's notes and
 * problems included) and the core's (a core error inside a pane message), number and date
 * formatting for its locale. The same renderer and the same language rule as the functions'
 * messages (render.ts, language.ts).
 */
import type { Message, MessageParams, PeriodUnit } from "../core";
import { type MessageKey, paneEn } from "./catalogue/pane.en";
import { paneZhCn } from "./catalogue/pane.zh-CN";
import { argumentName, errorWording } from "./errors";
import { DEFAULT_LOCALE, type Language } from "./language";
import { pseudoMark, pseudoTemplate } from "./pseudo";
import { type Template, type Wording, renderMessage } from "./render";

export type { MessageKey } from "./catalogue/pane.en";
export type { Language, LanguageSources } from "./language";
export { LANGUAGES, chooseLanguage, languageOf } from "./language";
export { placeholdersOf } from "./render";

function pseudoPane(): Readonly<Record<MessageKey, Template>> {
  const marked = {} as Record<MessageKey, Template>;
  for (const key of Object.keys(paneEn) as MessageKey[]) {
    const template: Template = paneEn[key];
    marked[key] =
      typeof template === "string"
        ? pseudoTemplate(template)
        : { one: pseudoTemplate(template.one), other: pseudoTemplate(template.other) };
  }
  return marked;
}

export const CATALOGUES: Readonly<Record<Language, Readonly<Record<MessageKey, Template>>>> = {
  en: paneEn,
  "zh-CN": paneZhCn,
  "qps-ploc": pseudoPane(),
};

export interface Translator {
  readonly language: Language;
  /** The BCP 47 locale numbers and dates are formatted in, e.g. "en-GB" or "zh-CN". */
  readonly locale: string;
  t(key: MessageKey, params?: MessageParams): string;
  /** A message from the analysis or the core (a reading, a note, a problem) in words. */
  /**
   * A message in words; `at` (where a core error's arguments sit on the sheet) lets a cell be
   * named by its address, as the functions name it in a formula.
   */
  say(message: Message & { readonly at?: Readonly<Record<string, string>> }): string;
  /** 0.968 → "96.8%". */
  percent(value: number): string;
  /** MRR and other amounts, in the user's unit: 12345.6 → "12,346". */
  amount(value: number): string;
  /** An amount on a chart's axis, short: 2400013 → "2.4M", 1482436 → "1.48M" ("148万"). */
  compactAmount(value: number): string;
  /** A plain figure with up to two decimals (a quick ratio, a CES). */
  number(value: number): string;
  /** NPS points: one decimal. */
  points(value: number): string;
  /** "Jan 2024", "Q1 2024", "2024" (or their Chinese forms) for an ISO period start. */
  period(isoStart: string, unit: PeriodUnit): string;
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
    // Three significant digits tell an axis's round ticks apart (1.02M from 1.04M).
    compactAmount: new Intl.NumberFormat(locale, {
      notation: "compact",
      maximumSignificantDigits: 3,
    }),
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

  const period = (isoStart: string, unit: PeriodUnit): string => {
    const [year = "", monthText = "1"] = isoStart.split("-");
    if (unit === "year") return t("period.yearLabel", { year });
    if (unit === "quarter")
      return t("period.quarterLabel", {
        year,
        quarter: String(Math.floor((Number(monthText) - 1) / 3) + 1),
      });
    return month.format(new Date(`${isoStart}T00:00:00Z`));
  };

  // The pane's words first; a core error inside a pane message in the functions' words.
  const errors = errorWording(language, { period });
  const wording: Wording = {
    template: (key) =>
      Object.prototype.hasOwnProperty.call(catalogue, key)
        ? catalogue[key as MessageKey]
        : errors.template(key),
    argumentName: (name) => argumentName(language, undefined, name),
    number: (value, format) => {
      const formatter = formats[format as keyof typeof formats];
      return formatter === undefined ? undefined : formatter.format(value);
    },
    param: (value, render) => errors.param(value, render),
    ...(language === "qps-ploc" ? { mark: pseudoMark } : {}),
  };

  const t = (key: MessageKey, params: MessageParams = {}): string =>
    renderMessage({ key, params }, wording);

  return {
    language,
    locale,
    t,
    say: (message) => {
      const at = message.at;
      if (at === undefined) return renderMessage(message, wording);
      const placed = errorWording(language, { period, addressOf: (argument) => at[argument] });
      return renderMessage(message, {
        ...wording,
        param: (value, render) => placed.param(value, render),
      });
    },
    percent: (value) => formats.percent.format(value),
    amount: (value) => formats.amount.format(value),
    compactAmount: (value) => formats.compactAmount.format(value),
    number: (value) => formats.number.format(value),
    points: (value) => formats.points.format(value),
    period,
  };
}
