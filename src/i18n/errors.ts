/**
 * The core's messages (MetricError codes) in words, for the custom functions and for the task
 * pane when it shows a core error. The functions bundle imports this module and not the pane's
 * catalogue, so functions.js carries only what its messages need.
 */
import type { ErrorCode, Message, SpillLabel, Term } from "../core";
import { errorsEn, termsEn, unexpectedEn } from "./catalogue/errors.en";
import { errorsZhCn, termsZhCn, unexpectedZhCn } from "./catalogue/errors.zh-CN";
import { labelsEn } from "./catalogue/labels.en";
import { labelsZhCn } from "./catalogue/labels.zh-CN";
import type { Language } from "./language";
import { pseudoTemplate, pseudoMark } from "./pseudo";
import { type Wording, renderMessage } from "./render";
import { type CallContext, wordParam, wordsOf } from "./words";

/**
 * The Chinese parameter names of the function metadata (src/i18n/functions.zh-CN.json), put in
 * by the build (webpack's DefinePlugin, and vitest's define): functions.js loads at every Excel
 * start, so it carries the names only, not the translated descriptions.
 */
declare const __ZH_CN_PARAMETER_NAMES__: {
  readonly parameters: Record<string, { name: string }>;
  readonly functions: Record<string, { parameters?: Record<string, { name: string }> }>;
};

/** The code the boundary uses for a failure the core did not foresee. */
export const UNEXPECTED = "unexpected";

// The labels spills show (src/core/labels.ts) are worded by the same catalogue as the messages,
// so the pane can word a spill's labels as it words a core error.
const ERRORS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  en: { ...errorsEn, ...labelsEn, [UNEXPECTED]: unexpectedEn },
  "zh-CN": { ...errorsZhCn, ...labelsZhCn, [UNEXPECTED]: unexpectedZhCn },
  "qps-ploc": pseudoCatalogue({ ...errorsEn, ...labelsEn, [UNEXPECTED]: unexpectedEn }),
};

const TERMS: Readonly<Record<Language, Readonly<Record<Term, string>>>> = {
  en: termsEn,
  "zh-CN": termsZhCn,
  "qps-ploc": pseudoCatalogue(termsEn),
};

function pseudoCatalogue<K extends string>(
  catalogue: Readonly<Record<K, string>>
): Record<K, string> {
  const marked = {} as Record<K, string>;
  for (const key of Object.keys(catalogue) as K[]) marked[key] = pseudoTemplate(catalogue[key]);
  return marked;
}

/**
 * The name Excel shows for argument `name` of function `functionId` in `language`: in Chinese
 * the zh-CN metadata's name (the function's own, else the shared one); else the name itself.
 *
 * @example argumentName("zh-CN", "NRR", "end_mrr") === "期末收入"
 */
export function argumentName(
  language: Language,
  functionId: string | undefined,
  name: string
): string {
  if (language !== "zh-CN") return name;
  const names = __ZH_CN_PARAMETER_NAMES__;
  const own = functionId === undefined ? undefined : names.functions[functionId]?.parameters;
  return own?.[name]?.name ?? names.parameters[name]?.name ?? name;
}

export interface ErrorWordingOptions extends CallContext {
  /** The function whose arguments the message names (for their Chinese names). */
  readonly functionId?: string;
  /** How a period is named (the pane words periods with its locale). */
  readonly period?: (start: string, unit: "month" | "quarter" | "year") => string;
}

/** The Wording of the core's messages in `language`, for one call. */
export function errorWording(language: Language, options: ErrorWordingOptions = {}): Wording {
  const catalogue = ERRORS[language];
  const words = wordsOf(language, TERMS[language]);
  const name = (argument: string) => argumentName(language, options.functionId, argument);
  const period = options.period ?? ((start: string) => start);
  const wording: Wording = {
    template: (key) => catalogue[key],
    argumentName: name,
    number: () => undefined,
    param: (value, render) => wordParam(value, words, name, options, period, render),
    ...(language === "qps-ploc" ? { mark: pseudoMark } : {}),
  };
  return wording;
}

/**
 * A core message in words.
 *
 * @example errorText({ key: "option.missing", params: { argument: { argument: "months" } } }, "en")
 *   === "months is missing"
 */
export function errorText(
  message: Message,
  language: Language,
  options: ErrorWordingOptions = {}
): string {
  return renderMessage(message, errorWording(language, options));
}

/** Every code of the core's catalogue, for the tests that check each language has them all. */
export const ERROR_CODES = Object.keys(errorsEn) as ErrorCode[];

/**
 * A spill's label in words.
 *
 * @example labelText(label("label.lower"), "zh-CN") === "下限"
 */
export function labelText(label: SpillLabel, language: Language): string {
  return renderMessage(label.worded, errorWording(language));
}
