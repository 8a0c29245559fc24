/**
 * How the playground's grid shows a cell's value: Excel's General format, and the number formats
 * the sample sheets and the task pane's board pack use ("0.0%", "0%", "#,##0", "$#,##0",
 * "0.00", "yyyy-mm-dd", "mmm yyyy" …). Not Excel's whole format language: sections for negative
 * numbers, literal text in quotes, thousands separators, decimals, percent, and dates and times.
 */

export type DisplayValue = number | string | boolean | null;

/**
 * The text a cell shows.
 *
 * @example
 * formatValue(0.91234, "0.0%")   // "91.2%"
 * formatValue(1234567, "$#,##0") // "$1,234,567"
 * formatValue(45306, "yyyy-mm-dd") // "2024-01-15"
 * formatValue(1 / 3, null)       // "0.333333333"
 */
export function formatValue(value: DisplayValue, format: string | null): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "#NUM!";
  if (format === null || /^general$/i.test(format.trim())) return generalNumber(value);
  const sections = format.split(";");
  const negative = value < 0 && sections.length > 1;
  const section = (negative ? sections[1] : sections[0]) ?? "";
  if (isDateFormat(section)) return formatDate(value, section);
  return formatNumber(negative ? -value : value, section);
}

/**
 * Excel's General format in a column about 11 characters wide: up to 10 significant digits,
 * scientific notation for very large or very small numbers.
 *
 * @example
 * generalNumber(1.0454545454545) // "1.045454545"
 * generalNumber(123456789012)    // "1.23457E+11"
 */
export function generalNumber(value: number): string {
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e11 || magnitude < 1e-9) return scientific(value);
  if (Number.isInteger(value)) return String(value);
  const digitsBeforePoint = Math.max(1, Math.floor(Math.log10(magnitude)) + 1);
  const decimals = Math.max(0, Math.min(9, 10 - digitsBeforePoint));
  const text = value.toFixed(decimals);
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

function scientific(value: number): string {
  const [mantissa = "0", exponent = "0"] = value.toExponential(5).split("e");
  const trimmed = mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa;
  const power = Number(exponent);
  return `${trimmed}E${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
}

/** Literal text in a format: "quoted", \x escaped, and $ - + ( ) : / space as they are. */
function literal(text: string): string {
  return text.replace(
    /"([^"]*)"|\\(.)|_.|\*./g,
    (_, quoted: string | undefined, escaped: string | undefined) => quoted ?? escaped ?? ""
  );
}

function formatNumber(value: number, section: string): string {
  const match = /^((?:"[^"]*"|\\.|[^0#?.,%])*)([#0?,]*)(?:\.([0#?]*))?(%?)(.*)$/.exec(section);
  if (!match) return generalNumber(value);
  const [, prefix = "", integerPattern = "", decimalPattern = "", percent = "", suffix = ""] =
    match;
  if (integerPattern === "" && decimalPattern === "" && percent === "")
    return literal(section) || generalNumber(value);
  const scaled = percent ? value * 100 : value;
  const maxDecimals = decimalPattern.length;
  const minDecimals = (decimalPattern.match(/0/g) ?? []).length;
  let digits = Math.abs(scaled).toFixed(maxDecimals);
  if (maxDecimals > minDecimals) {
    // Optional decimal places (#) show only when they are not zero.
    const [whole, fraction = ""] = digits.split(".");
    const kept = fraction.replace(/0+$/, "").padEnd(minDecimals, "0");
    digits = kept ? `${whole}.${kept}` : (whole as string);
  }
  const [whole = "0", fraction] = digits.split(".");
  const grouped = integerPattern.includes(",")
    ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")
    : whole;
  const showsZero = grouped !== "0" || integerPattern.includes("0") || fraction === undefined;
  const number = (showsZero ? grouped : "") + (fraction !== undefined ? `.${fraction}` : "");
  const isZero = Number(digits) === 0;
  const sign = scaled < 0 && !isZero ? "-" : "";
  return `${sign}${literal(prefix)}${number}${percent}${literal(suffix)}`;
}

function isDateFormat(section: string): boolean {
  const bare = section.replace(/"[^"]*"|\\./g, "");
  return /[yd]/i.test(bare) || /h/i.test(bare) || /^m+$/i.test(bare) || /\bm{3,4}\b/i.test(bare);
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/**
 * A date serial (days since 1899-12-30, Excel's 1900 date system) in a date format.
 *
 * @example
 * formatDate(45306.5, "yyyy-mm-dd hh:mm") // "2024-01-15 12:00"
 */
function formatDate(serial: number, section: string): string {
  if (serial < 0) return "#".repeat(8);
  const milliseconds = Math.round(serial * 86_400_000);
  const date = new Date(Date.UTC(1899, 11, 30) + milliseconds);
  const tokens =
    section.match(/"[^"]*"|\\.|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p|./gi) ??
    [];
  const hasAmPm = tokens.some((token) => /^(am\/pm|a\/p)$/i.test(token));
  const hours = date.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, "0");
  let out = "";
  tokens.forEach((token, i) => {
    const lower = token.toLowerCase();
    // "m" means minutes right after hours or right before seconds, months anywhere else.
    const previous =
      tokens
        .slice(0, i)
        .reverse()
        .find((t) => /^[ymdhs]/i.test(t))
        ?.toLowerCase() ?? "";
    const next =
      tokens
        .slice(i + 1)
        .find((t) => /^[ymdhs]/i.test(t))
        ?.toLowerCase() ?? "";
    const minutes =
      (lower === "m" || lower === "mm") && (previous.startsWith("h") || next.startsWith("s"));
    if (token.startsWith('"')) out += token.slice(1, -1);
    else if (token.startsWith("\\")) out += token.slice(1);
    else if (lower === "yyyy") out += String(date.getUTCFullYear());
    else if (lower === "yy") out += pad(date.getUTCFullYear() % 100);
    else if (lower === "mmmm") out += MONTHS[date.getUTCMonth()];
    else if (lower === "mmm") out += MONTHS[date.getUTCMonth()]?.slice(0, 3);
    else if (minutes)
      out += lower === "mm" ? pad(date.getUTCMinutes()) : String(date.getUTCMinutes());
    else if (lower === "mm") out += pad(date.getUTCMonth() + 1);
    else if (lower === "m") out += String(date.getUTCMonth() + 1);
    else if (lower === "dddd") out += DAYS[date.getUTCDay()];
    else if (lower === "ddd") out += DAYS[date.getUTCDay()]?.slice(0, 3);
    else if (lower === "dd") out += pad(date.getUTCDate());
    else if (lower === "d") out += String(date.getUTCDate());
    else if (lower === "hh" || lower === "h") {
      const shown = hasAmPm ? ((hours + 11) % 12) + 1 : hours;
      out += lower === "hh" ? pad(shown) : String(shown);
    } else if (lower === "ss") out += pad(date.getUTCSeconds());
    else if (lower === "s") out += String(date.getUTCSeconds());
    else if (lower === "am/pm") out += hours < 12 ? "AM" : "PM";
    else if (lower === "a/p") out += hours < 12 ? "A" : "P";
    else out += token;
  });
  return out;
}

/** How a value sits in its cell, as in Excel: numbers right, text left, logical values and errors centred. */
export function alignment(value: DisplayValue, isError: boolean): "left" | "right" | "center" {
  if (isError || typeof value === "boolean") return "center";
  return typeof value === "number" ? "right" : "left";
}
