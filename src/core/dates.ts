/**
 * Calendar dates as Excel stores them, and the month / quarter / year periods built on them.
 *
 * Excel's default (1900) date system counts days: serial 1 is 1900-01-01. It keeps Lotus 1-2-3's
 * bug of a 29 February 1900 (serial 60), so every serial from 61 on is one more than the real
 * count of days since 1899-12-31: serial 61 is 1900-03-01, serial 45292 is 2024-01-01.
 * The fraction of a serial is the time of day; a calendar date ignores it.
 *
 * Dates travel through the core as ISO text "yyyy-mm-dd": it compares and sorts as text, needs no
 * time zone, and reads the same in a message. Conversions are exact integer arithmetic on UTC
 * days, never local clock time, so they give the same answer on every machine.
 */
import { invalidValue } from "./errors";

/** A calendar day: `month` 1–12, `day` 1–31. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The length of the periods a customers × periods table is laid out in. */
export type PeriodUnit = "month" | "quarter" | "year";

/** The first serial Excel shows as a date: 1900-01-01. */
export const FIRST_DATE_SERIAL = 1;
/** The last serial Excel shows as a date: 9999-12-31. */
export const LAST_DATE_SERIAL = 2958465;
/** The serial of the day that never was, 1900-02-29 (the Lotus 1-2-3 leap-year bug). */
export const LOTUS_LEAP_DAY_SERIAL = 60;

const MS_PER_DAY = 86_400_000;
/** Day 0 of the serials from 61 on: 1899-12-30. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const LOTUS_LEAP_DAY_ISO = "1900-02-29";

const MONTH_SHORT_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

// ---------------------------------------------------------------------------------------------
// Serials ↔ ISO dates.

/**
 * The calendar date of an Excel date serial (1900 date system), as ISO text. The time of day
 * (the fraction) is dropped. Throws a MetricError ("value") for a serial Excel cannot show as a
 * date (below 1, above 2958465, or not a finite number).
 *
 * @example
 * serialToIsoDate(45292)    // "2024-01-01"
 * serialToIsoDate(45292.75) // "2024-01-01" (6 pm the same day)
 * serialToIsoDate(60)       // "1900-02-29" (Excel's fictitious leap day)
 * serialToIsoDate(61)       // "1900-03-01"
 */
export function serialToIsoDate(serial: number): string {
  if (!isDateSerial(serial)) {
    throw invalidValue("date.serialOutOfRange", { value: serial, last: LAST_DATE_SERIAL });
  }
  const day = Math.floor(serial);
  if (day === LOTUS_LEAP_DAY_SERIAL) return LOTUS_LEAP_DAY_ISO;
  // Serials before the fictitious leap day count from 1899-12-31, the later ones from 1899-12-30.
  const daysSinceEpoch = day < LOTUS_LEAP_DAY_SERIAL ? day + 1 : day;
  const date = new Date(SERIAL_EPOCH_MS + daysSinceEpoch * MS_PER_DAY);
  return formatIsoDate({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
  });
}

/**
 * The Excel date serial (1900 date system) of an ISO date "yyyy-mm-dd". Accepts "1900-02-29",
 * Excel's fictitious leap day (serial 60). Throws a MetricError ("value") for text that is not a
 * real date between 1900-01-01 and 9999-12-31.
 *
 * @example
 * isoDateToSerial("2024-01-01") // 45292
 * isoDateToSerial("1900-01-01") // 1
 * isoDateToSerial("1900-03-01") // 61
 * isoDateToSerial("2023-02-29") // throws: not a date
 */
export function isoDateToSerial(iso: string): number {
  const date = parseIsoDate(iso);
  if (date === null || date.year < 1900) {
    throw invalidValue("date.notIsoDate", { value: iso });
  }
  return calendarDateToSerial(date);
}

/**
 * The Excel date serial of a calendar date (see `isoDateToSerial`, which validates text first).
 *
 * @example
 * calendarDateToSerial({ year: 2023, month: 1, day: 1 }) // 44927
 */
export function calendarDateToSerial(date: CalendarDate): number {
  if (date.year === 1900 && date.month === 2 && date.day === 29) return LOTUS_LEAP_DAY_SERIAL;
  const days = Math.round(
    (Date.UTC(date.year, date.month - 1, date.day) - SERIAL_EPOCH_MS) / MS_PER_DAY
  );
  return days <= LOTUS_LEAP_DAY_SERIAL ? days - 1 : days;
}

/**
 * True when Excel would show the number as a date (1 ≤ serial < 2958466).
 *
 * @example
 * isDateSerial(45292) // true
 * isDateSerial(0)     // false
 */
export function isDateSerial(serial: number): boolean {
  return Number.isFinite(serial) && serial >= FIRST_DATE_SERIAL && serial < LAST_DATE_SERIAL + 1;
}

// ---------------------------------------------------------------------------------------------
// Reading dates from cells.

/**
 * A calendar date from ISO text: "2024-03-15", "2024/03/15", or with a time after a "T" or a
 * space ("2024-03-15T10:30:00Z", whose time is ignored). Year first, always: "03/04/2024" is
 * ambiguous between countries and is not read. Returns null for anything else, including dates
 * that do not exist ("2023-02-29"), except Excel's own 1900-02-29.
 *
 * @example
 * parseIsoDate("2024-03-15")  // { year: 2024, month: 3, day: 15 }
 * parseIsoDate("15/03/2024")  // null
 */
export function parseIsoDate(text: string): CalendarDate | null {
  const match =
    /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDate(date) ? date : null;
}

/**
 * The calendar date a cell holds, as ISO text, or null when it holds no date: an Excel date
 * serial (a number from 1 to 2958465), ISO date text (see `parseIsoDate`) or a JavaScript Date
 * (its calendar day in the local time zone, as `new Date(2024, 0, 15)` means it).
 *
 * Any number in the serial range is read as a date: whether 45292 is a date or an amount is for
 * the caller to decide from context (a column header, a number format).
 *
 * @example
 * readDate(45366)                  // "2024-03-15"
 * readDate("2024-03-15")           // "2024-03-15"
 * readDate(new Date(2024, 2, 15))  // "2024-03-15"
 * readDate("Acme")                 // null
 */
export function readDate(cell: unknown): string | null {
  if (typeof cell === "number") return isDateSerial(cell) ? serialToIsoDate(cell) : null;
  if (typeof cell === "string") {
    const date = parseIsoDate(cell);
    return date === null ? null : formatIsoDate(date);
  }
  if (cell instanceof Date && !Number.isNaN(cell.getTime())) {
    const date = { year: cell.getFullYear(), month: cell.getMonth() + 1, day: cell.getDate() };
    return date.year >= 1900 && date.year <= 9999 ? formatIsoDate(date) : null;
  }
  return null;
}

/**
 * "yyyy-mm-dd" for a calendar date.
 *
 * @example
 * formatIsoDate({ year: 2024, month: 3, day: 5 }) // "2024-03-05"
 */
export function formatIsoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, "0")}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** The calendar date of ISO text known to be valid (internal: callers pass our own output). */
function calendarDateOf(iso: string): CalendarDate {
  const date = parseIsoDate(iso);
  if (date === null) throw invalidValue("date.notIsoDate", { value: iso });
  return date;
}

// ---------------------------------------------------------------------------------------------
// Periods.

/**
 * The first day of the month, quarter or year a date falls in. Quarters are calendar quarters.
 *
 * @example
 * periodStart("2024-05-17", "month")   // "2024-05-01"
 * periodStart("2024-05-17", "quarter") // "2024-04-01"
 * periodStart("2024-05-17", "year")    // "2024-01-01"
 */
export function periodStart(iso: string, unit: PeriodUnit): string {
  return periodStartFromIndex(periodIndex(iso, unit), unit);
}

/**
 * A period's number on a continuous count, so that consecutive periods differ by 1 across year
 * ends: months and quarters since year 0, or the year itself. The matrix column of a ledger
 * entry is `periodIndex(date) - periodIndex(firstDate)`.
 *
 * @example
 * periodIndex("2024-01-15", "month") - periodIndex("2023-12-31", "month") // 1
 * periodIndex("2024-04-01", "quarter") - periodIndex("2024-03-31", "quarter") // 1
 */
export function periodIndex(iso: string, unit: PeriodUnit): number {
  const { year, month } = calendarDateOf(iso);
  switch (unit) {
    case "month":
      return year * 12 + (month - 1);
    case "quarter":
      return year * 4 + Math.floor((month - 1) / 3);
    case "year":
      return year;
  }
}

/**
 * The first day of the period numbered `index` (the inverse of `periodIndex`).
 *
 * @example
 * periodStartFromIndex(2024 * 12 + 2, "month") // "2024-03-01"
 * periodStartFromIndex(2024 * 4 + 3, "quarter") // "2024-10-01"
 */
export function periodStartFromIndex(index: number, unit: PeriodUnit): string {
  switch (unit) {
    case "month":
      return formatIsoDate({ year: Math.floor(index / 12), month: mod(index, 12) + 1, day: 1 });
    case "quarter":
      return formatIsoDate({ year: Math.floor(index / 4), month: mod(index, 4) * 3 + 1, day: 1 });
    case "year":
      return formatIsoDate({ year: index, month: 1, day: 1 });
  }
}

/**
 * How a period is named to a finance user: "Mar 2024", "Q2 2024", "2024".
 *
 * @example
 * periodLabel("2024-04-01", "quarter") // "Q2 2024"
 */
export function periodLabel(start: string, unit: PeriodUnit): string {
  const { year, month } = calendarDateOf(start);
  switch (unit) {
    case "month":
      return `${MONTH_SHORT_NAMES[month - 1] ?? "?"} ${year}`;
    case "quarter":
      return `Q${Math.floor((month - 1) / 3) + 1} ${year}`;
    case "year":
      return String(year);
  }
}

/** A period named in a header cell: its first day and its length. */
export interface LabelledPeriod {
  readonly start: string;
  readonly unit: PeriodUnit;
  /** True for a fiscal-year label ("FY2024"), read as the calendar year. */
  readonly fiscal: boolean;
}

const MONTHS_BY_NAME: ReadonlyMap<string, number> = new Map(
  [
    ["jan", "january"],
    ["feb", "february"],
    ["mar", "march"],
    ["apr", "april"],
    ["may", "may"],
    ["jun", "june"],
    ["jul", "july"],
    ["aug", "august"],
    ["sep", "september", "sept"],
    ["oct", "october"],
    ["nov", "november"],
    ["dec", "december"],
  ].flatMap((names, index) => names.map((name): [string, number] => [name, index + 1]))
);

/**
 * The period a header label names, or null. Month: "Jan 2024", "January 2024", "Jan-24",
 * "Jan '24", "2024-01", "2024/01", "01/2024". Quarter: "Q1 2024", "2024 Q1", "2024-Q1", "Q1-24",
 * "Q1 FY24". Year: "2024", "FY2024", "FY24", "FY 2024" (fiscal years are read as calendar years:
 * the label does not say when the fiscal year starts). Two-digit years follow Excel's rule:
 * 00–29 are 2000–2029, 30–99 are 1930–1999. English month names only.
 *
 * @example
 * parsePeriodLabel("Jan 2024") // { start: "2024-01-01", unit: "month", fiscal: false }
 * parsePeriodLabel("Q3 2024")  // { start: "2024-07-01", unit: "quarter", fiscal: false }
 * parsePeriodLabel("FY24")     // { start: "2024-01-01", unit: "year", fiscal: true }
 * parsePeriodLabel("Customer") // null
 */
export function parsePeriodLabel(text: string): LabelledPeriod | null {
  const label = text.trim().toLowerCase().replace(/\s+/g, " ");
  let match: RegExpExecArray | null;

  // Month name and year: "jan 2024", "january-2024", "jan '24", "jan.24".
  if ((match = /^([a-z]+)\.?[ \-/.]?'?(\d{4}|\d{2})$/.exec(label))) {
    const month = MONTHS_BY_NAME.get(match[1] ?? "");
    const year = readYear(match[2]);
    if (month !== undefined && year !== null) return monthPeriod(year, month);
  }
  // Year and month number: "2024-01", "2024/1".
  if ((match = /^(\d{4})[-/](\d{1,2})$/.exec(label))) {
    const year = readYear(match[1]);
    const month = Number(match[2]);
    if (year !== null && month >= 1 && month <= 12) return monthPeriod(year, month);
  }
  // Month number and year: "01/2024", "1-2024".
  if ((match = /^(\d{1,2})[-/](\d{4})$/.exec(label))) {
    const year = readYear(match[2]);
    const month = Number(match[1]);
    if (year !== null && month >= 1 && month <= 12) return monthPeriod(year, month);
  }
  // Quarters: "q1 2024", "q1-24", "q1 fy24", "2024 q1", "2024-q1".
  if (
    (match = /^q([1-4])[ \-/]?(fy ?)?'?(\d{4}|\d{2})$/.exec(label)) ||
    (match = /^(?:(fy ?)?(\d{4}))[ \-/]?q([1-4])$/.exec(label))
  ) {
    const quarterFirst = label.startsWith("q");
    const quarter = Number(quarterFirst ? match[1] : match[3]);
    const year = readYear(quarterFirst ? match[3] : match[2]);
    const fiscal = Boolean(quarterFirst ? match[2] : match[1]);
    if (year !== null) {
      return {
        start: formatIsoDate({ year, month: (quarter - 1) * 3 + 1, day: 1 }),
        unit: "quarter",
        fiscal,
      };
    }
  }
  // Years: "fy2024", "fy 24", "2024".
  if ((match = /^fy ?'?(\d{4}|\d{2})$/.exec(label))) {
    const year = readYear(match[1]);
    if (year !== null)
      return { start: formatIsoDate({ year, month: 1, day: 1 }), unit: "year", fiscal: true };
  }
  if ((match = /^(\d{4})$/.exec(label))) {
    const year = readYear(match[1]);
    if (year !== null)
      return { start: formatIsoDate({ year, month: 1, day: 1 }), unit: "year", fiscal: false };
  }
  return null;
}

function monthPeriod(year: number, month: number): LabelledPeriod {
  return { start: formatIsoDate({ year, month, day: 1 }), unit: "month", fiscal: false };
}

/** A 4-digit year from 1900 to 9999, or a 2-digit year by Excel's rule (00–29 → 20xx). */
function readYear(digits: string | undefined): number | null {
  if (digits === undefined) return null;
  const value = Number(digits);
  if (digits.length === 2) return value <= 29 ? 2000 + value : 1900 + value;
  return value >= 1900 && value <= 9999 ? value : null;
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

/** True for a real Gregorian date from 1900-01-01 to 9999-12-31, plus Excel's 1900-02-29. */
function isRealDate({ year, month, day }: CalendarDate): boolean {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  if (year === 1900 && month === 2 && day === 29) return true;
  return day <= daysInMonth(year, month);
}

/**
 * The number of days in a month of the Gregorian calendar (1900 has 28 February days here;
 * only serials know Excel's fictitious 29th).
 *
 * @example
 * daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad2(value: number): string {
  return String(value).padStart(2, "0");
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
