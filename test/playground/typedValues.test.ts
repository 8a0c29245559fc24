/**
 * Typed, pasted and imported text read as Excel reads what is typed into a cell, with the one
 * deliberate difference that ids with leading zeros stay text.
 */
import { describe, expect, it } from "vitest";
import { dateSerial, readTyped } from "../../src/playground/model/typedValues";

const jan15 = dateSerial(2024, 1, 15) as number;

describe("what typed text is", () => {
  it.each([
    ["1200", 1200, null, "a plain number"],
    ["1,200", 1200, "#,##0", "thousands separators"],
    ["1,234,567.5", 1234567.5, "#,##0.00", "thousands and decimals"],
    ["$1,200", 1200, "$#,##0", "currency"],
    ["$1,200.50", 1200.5, "$#,##0.00", "currency with cents"],
    ["€950", 950, "€#,##0", "another currency"],
    ["(300)", -300, null, "accountants' negative"],
    ["($1,200)", -1200, "$#,##0", "accountants' negative in currency"],
    ["-$45", -45, "$#,##0", "minus before the currency"],
    ["$-45", -45, "$#,##0", "minus after the currency"],
    ["-4.5", -4.5, null, "a negative decimal"],
    [".5", 0.5, null, "no leading zero"],
    ["0.25", 0.25, null, "a leading zero before the point"],
    ["12%", 0.12, "0%", "percent"],
    ["12.5%", 0.125, "0.00%", "percent with decimals"],
    ["1E6", 1e6, null, "Excel's exponent"],
    ["2024-01-15", jan15, "yyyy-mm-dd", "ISO date"],
    ["2024/1/15", jan15, "yyyy-mm-dd", "year-first date"],
    ["1/15/2024", jan15, "yyyy-mm-dd", "US date"],
    ["15/01/2024", jan15, "yyyy-mm-dd", "day first where the day cannot be a month"],
    ["1/15/24", jan15, "yyyy-mm-dd", "two-digit year"],
    ["2024-01-15 12:00", jan15 + 0.5, "yyyy-mm-dd hh:mm", "date and time"],
    ["18:30", 18.5 / 24, "hh:mm", "a time"],
  ])("%s is the number %d (%s): %s", (text, value, format, _why) => {
    const read = readTyped(text);
    expect(read.kind).toBe("number");
    if (read.kind !== "number") return;
    expect(read.value).toBeCloseTo(value, 10);
    expect(read.format).toBe(format);
  });

  it.each([
    ["007", "an id with a leading zero"],
    ["0012", "another"],
    ["2024-01", "a year and month (a period label)"],
    ["Jan 2024", "a month header"],
    ["1,20", "badly grouped thousands"],
    ["2024-02-30", "no such date"],
    ["13/13/2024", "no such date either way"],
    ["$12%", "currency and percent"],
    ["Acme", "a word"],
    ["12 apples", "a number and words"],
    ["--5", "two signs"],
    ["=SUM(A1)", "a formula is the caller's, not a value"],
  ])("%s stays text (%s)", (text, _why) => {
    expect(readTyped(text)).toEqual({ kind: "text", value: text });
  });

  it("reads logical values, blanks, and day-first dates when asked", () => {
    expect(readTyped("TRUE")).toEqual({ kind: "boolean", value: true });
    expect(readTyped("false")).toEqual({ kind: "boolean", value: false });
    expect(readTyped("  ")).toEqual({ kind: "blank" });
    expect(readTyped("02/01/2024", { dayFirst: true })).toMatchObject({
      value: dateSerial(2024, 1, 2),
    });
    expect(readTyped("02/01/2024")).toMatchObject({ value: dateSerial(2024, 2, 1) });
  });

  it("counts dates from 1899-12-30 as Excel does", () => {
    expect(dateSerial(1900, 3, 1)).toBe(61);
    expect(dateSerial(2024, 1, 15)).toBe(45306);
    expect(dateSerial(2023, 2, 29)).toBeNull();
  });
});
