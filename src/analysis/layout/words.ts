/**
 * The words and limits the layout check recognises columns and rows by: header words in English
 * (the language of billing exports and of most sheets' headers) and, for the columns of a billing
 * export, in Chinese, German, French and Spanish too; and the thresholds that tell a segment from
 * an id and a header from a title. Billing columns are recognised by what they hold as much as
 * by their header: three-letter currency codes, period words, end dates after start dates.
 */

/** The header row is looked for among the first rows that hold anything. */
export const HEADER_SEARCH_ROWS = 10;
/** Period header dates are read from 2000-01-01 to 2099-12-31 (the serials 36526..73050). */
export const FIRST_HEADER_SERIAL = 36526;
export const LAST_HEADER_SERIAL = 73050;
/** A column of text is a segment when it repeats values: at most this many distinct ones... */
export const SEGMENT_MAX_DISTINCT = 50;
/** ...and at most this share of its rows. */
export const SEGMENT_MAX_DISTINCT_SHARE = 0.6;
/** Distinct values are counted up to this many (enough to tell ids from categories). */
export const DISTINCT_CAP = 5000;

export const CUSTOMER_WORDS =
  /\b(customer|customers|account|client|company|logo|name|org|organi[sz]ation|tenant|subscriber|kunde|cliente)\b|\b(customer|account|client)[ _-]?id\b|^id$|客户|顾客/i;
export const DATE_WORDS =
  /\b(date|day|month|period|posted|billed|invoiced?|as of|when|time|created|datum|fecha)\b|日期/i;
export const AMOUNT_WORDS =
  /\b(amount|mrr|arr|revenue|value|price|billing|billed amount|net|gross|usd|eur|gbp|sum|charge|paid|fee|subtotal|betrag|montant|importe)\b|[$€£]|金额/i;
/** Amount-like columns that are not the revenue: tax, what is still due or was refunded. */
export const NOT_REVENUE_WORDS =
  /\b(tax|vat|gst|due|remaining|refunded|discount|quantity|qty|unit|rate)\b|税/i;
/** A billing line's service period: where it starts and where it ends. */
export const PERIOD_START_WORDS =
  /\b(period|service|billing)[ _-]?(start|from|begin)|\bstart(ing)?[ _-]?(date)?\b|\b(date[ _-]?from|from[ _-]?date|valid from)\b|\bbeginn|\bdébut|\binicio|开始|起始/i;
export const PERIOD_END_WORDS =
  /\b(period|service|billing)[ _-]?(end|to|until)|\bend(ing)?[ _-]?(date)?\b|\b(date[ _-]?to|to[ _-]?date|valid (to|until)|until|expir\w*)\b|\bende\b|\bfin\b|结束|截止|到期/i;
export const INTERVAL_WORDS =
  /\b(interval|billing (period|cycle|frequency)|plan interval|frequency|cycle|term|recurrence)\b|周期|intervall|périodicité|frecuencia/i;
export const CURRENCY_WORDS = /\b(currency|curr|ccy|währung|devise|moneda)\b|币种|货币/i;
/** Currencies a column of three-letter codes is recognised by without a header saying so. */
export const COMMON_CURRENCIES = new Set([
  "usd",
  "eur",
  "gbp",
  "jpy",
  "cny",
  "cad",
  "aud",
  "chf",
  "sek",
  "nok",
  "dkk",
  "inr",
  "brl",
  "mxn",
  "sgd",
  "hkd",
  "nzd",
  "zar",
  "krw",
  "pln",
  "czk",
  "huf",
  "ils",
  "try",
  "aed",
  "twd",
]);
/**
 * What a billing line pays for (SAAS.MRRMATRIX's `covers`): a service end date, a number of
 * months, a billing interval. The command line (src/cli) finds the column by these words.
 */
export const COVERS_WORDS =
  /\b(covers?|coverage|service (period |end|to|until)|period (end|to)|end date|ends?|until|term|interval|billing (period|interval|cycle|frequency)|frequency|recurrence|months? covered)\b/i;
export const SCORE_WORDS =
  /\b(nps|score|scores|rating|csat|ces|recommend|likely|likelihood|satisfaction|satisfied|effort)\b/i;
export const NPS_WORDS = /\b(nps|recommend|likely|likelihood|promoter)\b/i;
export const CSAT_WORDS = /\b(csat|satisfaction|satisfied)\b/i;
export const CES_WORDS = /\b(ces|effort|easy)\b/i;
/** Columns of small whole numbers that are not scores. */
export const NOT_SCORE_WORDS =
  /\b(id|no|number|count|seats|qty|quantity|users|licen[cs]es|rank|tier|level|month|year|day)\b|#/i;
export const SUMMARY_LABEL =
  /^(grand |sub-? ?)?totals?(:| \(?(mrr|arr|revenue|amount|all|usd|eur|gbp|customers)\)?)?$|^(sum|average|avg|mean|median)$/i;
export const YES_NO = new Set(["yes", "no", "y", "n", "true", "false"]);
