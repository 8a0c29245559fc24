/**
 * Excel date serials (1900 date system) and periods: golden values from Excel's documented
 * behaviour, then a cross-check of thousands of serials against an independent spreadsheet engine
 * (HyperFormula, set up like Excel's 1900 system: the fictitious 1900-02-29 and day 1 = 1900-01-01).
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { errorOf } from "../support/errors";
import { MetricError, calendarDateToSerial, daysInMonth, isDateSerial, isoDateToSerial, parseIsoDate, parsePeriodLabel, periodIndex, periodLabel, periodStart, periodStartFromIndex, readDate, serialToIsoDate } from "../../src/core";

describe("serial ↔ ISO golden values", () => {
  const cases: { serial: number; iso: string; why: string }[] = [
    { serial: 1, iso: "1900-01-01", why: "day 1 of the 1900 date system" },
    { serial: 31, iso: "1900-01-31", why: "end of the first month" },
    { serial: 59, iso: "1900-02-28", why: "the last real day before the Lotus bug" },
    { serial: 60, iso: "1900-02-29", why: "the fictitious leap day Excel keeps from Lotus 1-2-3" },
    { serial: 61, iso: "1900-03-01", why: "from here on serials are real days since 1899-12-30" },
    { serial: 366, iso: "1900-12-31", why: "1900 has 366 serials because of the fictitious day" },
    { serial: 367, iso: "1901-01-01", why: "the first day of 1901" },
    { serial: 36526, iso: "2000-01-01", why: "a leap century" },
    { serial: 36585, iso: "2000-02-29", why: "2000 is a real leap year" },
    { serial: 44927, iso: "2023-01-01", why: "golden value" },
    { serial: 45292, iso: "2024-01-01", why: "golden value" },
    { serial: 45351, iso: "2024-02-29", why: "2024 leap day" },
    { serial: 45366, iso: "2024-03-15", why: "golden value" },
    { serial: 73050, iso: "2099-12-31", why: "the last header date detection reads" },
    { serial: 2958465, iso: "9999-12-31", why: "the last date Excel shows" },
  ];
  it.each(cases)("serial $serial is $iso ($why)", ({ serial, iso }) => {
    expect(serialToIsoDate(serial)).toBe(iso);
    expect(isoDateToSerial(iso)).toBe(serial);
  });

  it("drops the time of day", () => {
    expect(serialToIsoDate(45292.999)).toBe("2024-01-01");
    expect(serialToIsoDate(60.5)).toBe("1900-02-29");
  });

  it.each([0, -1, 0.5, 2958466, Number.NaN, Infinity])("serial %s is not a date", (serial) => {
    expect(isDateSerial(serial)).toBe(false);
    expect(() => serialToIsoDate(serial)).toThrow(MetricError);
  });

  it.each([
    "2023-02-29",
    "1899-12-31",
    "2024-13-01",
    "2024-00-10",
    "2024-04-31",
    "15/03/2024",
    "March 2024",
    "",
  ])("%j is not an ISO date", (text) => {
    expect(parseIsoDate(text)).toBeNull();
    expect(() => isoDateToSerial(text)).toThrow(MetricError);
  });

  it("errors say what a date is", () => {
    expect(errorOf(() => serialToIsoDate(0))).toMatchObject({
      code: "date.serialOutOfRange",
      params: { value: 0, last: 2958465 },
    });
    expect(errorOf(() => isoDateToSerial("2023-02-29"))).toMatchObject({
      code: "date.notIsoDate",
      params: { value: "2023-02-29" },
    });
  });

  it("calendarDateToSerial matches isoDateToSerial", () => {
    expect(calendarDateToSerial({ year: 2023, month: 1, day: 1 })).toBe(44927);
    expect(calendarDateToSerial({ year: 1900, month: 2, day: 29 })).toBe(60);
  });
});

describe("serials agree with an independent spreadsheet engine", () => {
  // HyperFormula set up like Excel's 1900 system. Its DATE(y, m, d) must give back the serial
  // whose date serialToIsoDate named, every 7 days from 1900 to 2099 plus the edges. (Its
  // YEAR/MONTH/DAY slip at some leap-year ends, e.g. 57345 → "2057-01-00", so DATE is the oracle.)
  const serials: number[] = [];
  for (let serial = 1; serial <= 73050; serial += 7) serials.push(serial);
  serials.push(59, 60, 61, 366, 367, 57345, 63554, 73050, 2958465);
  const dates = serials.map((serial) => serialToIsoDate(serial).split("-").map(Number));
  const hf = HyperFormula.buildFromArray(
    dates.map(([year, month, day]) => [`=DATE(${year}, ${month}, ${day})`]),
    { licenseKey: "gpl-v3", leapYear1900: true, nullDate: { year: 1899, month: 12, day: 31 } }
  );
  const values = hf.getSheetValues(0).map((row) => row[0]);

  it(`DATE() of serialToIsoDate(s) is s for ${serials.length} serials`, () => {
    const disagreements = serials.filter((serial, i) => values[i] !== serial);
    expect(disagreements).toEqual([]);
  });

  it("round trip: isoDateToSerial(serialToIsoDate(s)) = s for every whole serial (sampled)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2958465 }),
        (serial) => isoDateToSerial(serialToIsoDate(serial)) === serial
      ),
      { seed: 20240101, numRuns: 2000 }
    );
  });
});

describe("reading dates from cells", () => {
  const cases: { cell: unknown; iso: string | null; why: string }[] = [
    { cell: 45366, iso: "2024-03-15", why: "a serial" },
    { cell: 45366.25, iso: "2024-03-15", why: "a serial with a time" },
    { cell: "2024-03-15", iso: "2024-03-15", why: "ISO text" },
    { cell: " 2024/3/5 ", iso: "2024-03-05", why: "slashes, one-digit parts, spaces" },
    {
      cell: "2024-03-15T23:30:00Z",
      iso: "2024-03-15",
      why: "ISO with a time: the written day counts",
    },
    { cell: "2024-03-15 08:00", iso: "2024-03-15", why: "ISO with a space and time" },
    { cell: new Date(2024, 2, 15), iso: "2024-03-15", why: "a Date, by its local calendar day" },
    { cell: new Date(2024, 2, 15, 23, 59), iso: "2024-03-15", why: "a Date late in the day" },
    { cell: new Date(Number.NaN), iso: null, why: "an invalid Date" },
    { cell: 0, iso: null, why: "zero is not a date" },
    { cell: -5, iso: null, why: "a negative number" },
    { cell: "Acme", iso: null, why: "a name" },
    { cell: "03/15/2024", iso: null, why: "month-first text is ambiguous and not read" },
    { cell: "", iso: null, why: "blank" },
    { cell: true, iso: null, why: "a logical value" },
    { cell: null, iso: null, why: "null" },
  ];
  it.each(cases)("$why", ({ cell, iso }) => {
    expect(readDate(cell)).toBe(iso);
  });
});

describe("periods", () => {
  const starts: { iso: string; unit: "month" | "quarter" | "year"; start: string }[] = [
    { iso: "2024-05-17", unit: "month", start: "2024-05-01" },
    { iso: "2024-05-17", unit: "quarter", start: "2024-04-01" },
    { iso: "2024-05-17", unit: "year", start: "2024-01-01" },
    { iso: "2024-12-31", unit: "quarter", start: "2024-10-01" },
    { iso: "2024-03-31", unit: "quarter", start: "2024-01-01" },
    { iso: "1900-02-29", unit: "month", start: "1900-02-01" },
  ];
  it.each(starts)("$iso starts its $unit on $start", ({ iso, unit, start }) => {
    expect(periodStart(iso, unit)).toBe(start);
  });

  it("periodIndex counts across year ends", () => {
    expect(periodIndex("2024-01-15", "month") - periodIndex("2023-12-31", "month")).toBe(1);
    expect(periodIndex("2024-04-01", "quarter") - periodIndex("2024-03-31", "quarter")).toBe(1);
    expect(periodIndex("2025-06-30", "year") - periodIndex("2024-01-01", "year")).toBe(1);
  });

  it("periodStartFromIndex inverts periodIndex (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2958465 }),
        fc.constantFrom("month" as const, "quarter" as const, "year" as const),
        (serial, unit) => {
          const iso = serialToIsoDate(serial);
          return periodStartFromIndex(periodIndex(iso, unit), unit) === periodStart(iso, unit);
        }
      ),
      { seed: 7, numRuns: 1000 }
    );
  });


  it("periodLabel names periods the way finance does", () => {
    expect(periodLabel("2024-03-01", "month")).toBe("Mar 2024");
    expect(periodLabel("2024-04-01", "quarter")).toBe("Q2 2024");
    expect(periodLabel("2024-01-01", "year")).toBe("2024");
  });

  it("daysInMonth", () => {
    expect([
      daysInMonth(2024, 2),
      daysInMonth(2023, 2),
      daysInMonth(1900, 2),
      daysInMonth(2000, 2),
      daysInMonth(2024, 12),
    ]).toEqual([29, 28, 28, 29, 31]);
  });
});

describe("period labels in headers", () => {
  const month = (start: string) => ({ start, unit: "month", fiscal: false });
  const quarter = (start: string, fiscal = false) => ({ start, unit: "quarter", fiscal });
  const year = (start: string, fiscal = false) => ({ start, unit: "year", fiscal });
  const cases: { label: string; expected: unknown }[] = [
    { label: "Jan 2024", expected: month("2024-01-01") },
    { label: "January 2024", expected: month("2024-01-01") },
    { label: "jan-2024", expected: month("2024-01-01") },
    { label: "Sept 2024", expected: month("2024-09-01") },
    { label: "Sep-24", expected: month("2024-09-01") },
    { label: "Dec '99", expected: month("1999-12-01") },
    { label: "Mar. 2025", expected: month("2025-03-01") },
    { label: "2024-01", expected: month("2024-01-01") },
    { label: "2024/11", expected: month("2024-11-01") },
    { label: "01/2024", expected: month("2024-01-01") },
    { label: "Q1 2024", expected: quarter("2024-01-01") },
    { label: "q3-24", expected: quarter("2024-07-01") },
    { label: "2024 Q4", expected: quarter("2024-10-01") },
    { label: "2024-Q2", expected: quarter("2024-04-01") },
    { label: "Q2 FY25", expected: quarter("2025-04-01", true) },
    { label: "FY2024", expected: year("2024-01-01", true) },
    { label: "FY 24", expected: year("2024-01-01", true) },
    { label: "2023", expected: year("2023-01-01") },
    { label: "Customer", expected: null },
    { label: "Total", expected: null },
    { label: "2024-13", expected: null },
    { label: "Q5 2024", expected: null },
    { label: "Foo 2024", expected: null },
    { label: "1850", expected: null },
    { label: "2024-01-15", expected: null },
  ];
  it.each(cases)("$label", ({ label, expected }) => {
    expect(parsePeriodLabel(label)).toEqual(expected);
  });
});
