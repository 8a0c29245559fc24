/**
 * What a typed, pasted or imported text is, read as Excel reads what is typed into a cell:
 * `1,200`, `$1,200`, `(300)`, `-4.5`, `12%`, `1E6`, ISO dates (`2024-01-15`), locale dates
 * (`1/15/2024`, `15/01/2024` where the day cannot be a month, `2024/1/15`), times, TRUE and FALSE.
 * A number keeps the format it was typed in ($, thousands, %, a date). Unlike Excel, a whole
 * number with a leading zero (`007`, `0012`) stays text: it is an id, and turning it into a
 * number would merge customers. Everything else is text, as typed.
 */

export type TypedValue =
  | { readonly kind: "blank" }
  | { readonly kind: "number"; readonly value: number; readonly format: string | null }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "text"; readonly value: string };

export interface ReadOptions {
  /** Read `01/02/2024` as 1 February (day first) rather than 2 January. Default: month first. */
  readonly dayFirst?: boolean;
}

const CURRENCY_SYMBOLS = "$€£¥";
const NUMBER =
  /^(?<sign>[+-]?)(?<currency>[$€£¥]?)(?<sign2>[+-]?)(?<whole>\d{1,3}(?:,\d{3})+|\d*)(?<fraction>\.\d*)?(?:[eE](?<exponent>[+-]?\d{1,3}))?(?<percent>%?)$/u;

/** Days since 1899-12-30 (Excel's 1900 date system) of a calendar date, or null if there is no such date. */
export function dateSerial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  return Math.round((time - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Excel's two-digit years: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

function readTime(text: string | undefined): { fraction: number; seconds: boolean } | null {
  if (text === undefined) return { fraction: 0, seconds: false };
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match) return null;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return {
    fraction: (hours * 3600 + minutes * 60 + seconds) / 86_400,
    seconds: match[3] !== undefined,
  };
}

function readDate(text: string, options: ReadOptions): TypedValue | null {
  const [datePart = "", timePart, extra] = text.split(/[ T](?=\d)/);
  if (extra !== undefined) return null;
  let parts: [number, number, number] | null = null;
  const yearFirst = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(datePart);
  const yearLast = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(datePart);
  if (yearFirst) {
    parts = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
  } else if (yearLast) {
    const [a, b] = [Number(yearLast[1]), Number(yearLast[2])];
    const year = fullYear(yearLast[3] as string);
    const dayFirst = options.dayFirst ? b <= 12 || a > 12 : a > 12 && b <= 12;
    parts = dayFirst ? [year, b, a] : [year, a, b];
  }
  if (parts === null) return null;
  const serial = dateSerial(...parts);
  const time = readTime(timePart);
  if (serial === null || time === null) return null;
  const format =
    timePart === undefined
      ? "yyyy-mm-dd"
      : time.seconds
        ? "yyyy-mm-dd hh:mm:ss"
        : "yyyy-mm-dd hh:mm";
  return { kind: "number", value: serial + time.fraction, format };
}

function readNumber(text: string): TypedValue | null {
  let body = text;
  let negative = false;
  const parenthesised = /^\((.+)\)$/.exec(body);
  if (parenthesised) {
    body = parenthesised[1] as string;
    negative = true;
  }
  const match = NUMBER.exec(body);
  const groups = match?.groups;
  if (!groups) return null;
  const { sign = "", currency = "", sign2 = "", whole = "", fraction, exponent, percent } = groups;
  if (whole === "" && (fraction === undefined || fraction.length < 2)) return null;
  if (sign !== "" && sign2 !== "") return null;
  if (negative && (sign !== "" || sign2 !== "")) return null;
  if (currency !== "" && (percent !== "" || exponent !== undefined)) return null;
  if (sign2 !== "" && currency === "") return null;
  // A whole number with a leading zero is an id (007), not seven.
  if (/^0\d/.test(whole) && fraction === undefined && exponent === undefined) return null;
  const digits = `${whole.replace(/,/g, "") || "0"}${fraction ?? ""}${exponent !== undefined ? `e${exponent}` : ""}`;
  let value = Number(digits);
  if (!Number.isFinite(value)) return null;
  if (percent) value /= 100;
  if (negative || sign === "-" || sign2 === "-") value = -value;
  const decimals = fraction !== undefined && fraction.length > 1 ? ".00" : "";
  let format: string | null = null;
  if (percent) format = `0${decimals}%`;
  else if (currency) format = `${currency}#,##0${decimals}`;
  else if (whole.includes(",")) format = `#,##0${decimals}`;
  return { kind: "number", value: Object.is(value, -0) ? 0 : value, format };
}

/**
 * What `text` is when typed into a cell (without a leading "=": formulas are the caller's).
 *
 * @example
 * readTyped("$1,200")     // { kind: "number", value: 1200, format: "$#,##0" }
 * readTyped("(300)")      // { kind: "number", value: -300, format: null }
 * readTyped("12%")        // { kind: "number", value: 0.12, format: "0%" }
 * readTyped("2024-01-15") // { kind: "number", value: 45306, format: "yyyy-mm-dd" }
 * readTyped("007")        // { kind: "text", value: "007" }
 */
export function readTyped(text: string, options: ReadOptions = {}): TypedValue {
  const trimmed = text.trim();
  if (trimmed === "") return { kind: "blank" };
  if (/^true$/i.test(trimmed)) return { kind: "boolean", value: true };
  if (/^false$/i.test(trimmed)) return { kind: "boolean", value: false };
  const first = trimmed[0] as string;
  if (/[\d.+\-($€£¥]/u.test(first) || CURRENCY_SYMBOLS.includes(first)) {
    const read = readNumber(trimmed) ?? readDate(trimmed, options);
    if (read) return read;
    const time = /^\d{1,2}:\d{2}(:\d{2})?$/.test(trimmed) ? readTime(trimmed) : null;
    if (time)
      return { kind: "number", value: time.fraction, format: time.seconds ? "hh:mm:ss" : "hh:mm" };
  }
  return { kind: "text", value: text };
}
