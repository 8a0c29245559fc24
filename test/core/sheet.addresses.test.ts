/** Sheet names and A1 addresses: the one home of these rules (src/core/sheet/addresses.ts). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_SHEET_NAME_LENGTH,
  cellAddress,
  columnLetters,
  parseCellAddress,
  parseRangeAddress,
  splitSheetAddress,
  uniqueSheetName,
  validSheetName,
  quoteSheetName,
} from "../../src/core/sheet/addresses";

describe("sheet names", () => {
  const cases: { wanted: string; existing: string[]; name: string; why: string }[] = [
    { wanted: "Board pack", existing: ["Data"], name: "Board pack", why: "free: used as it is" },
    {
      wanted: "Board pack",
      existing: ["Data", "Board pack"],
      name: "Board pack (2)",
      why: "taken: numbered from 2",
    },
    {
      wanted: "Board pack",
      existing: ["BOARD PACK", "board pack (2)"],
      name: "Board pack (3)",
      why: "Excel compares without case",
    },
    { wanted: "History", existing: [], name: "History (2)", why: "History is reserved by Excel" },
    {
      wanted: "Q1/Q2: [draft]*?",
      existing: [],
      name: "Q1-Q2- -draft---",
      why: "forbidden characters become -",
    },
    { wanted: "'quoted'", existing: [], name: "quoted", why: "no apostrophe at either end" },
    { wanted: "   ", existing: [], name: "Sheet", why: "nothing left: a plain name" },
    {
      wanted: "Net revenue retention by customer segment",
      existing: [],
      name: "Net revenue retention by custom",
      why: "cut to 31 characters",
    },
    {
      wanted: "Net revenue retention by customer segment",
      existing: ["Net revenue retention by custom"],
      name: "Net revenue retention by cu (2)",
      why: "the base is shortened to make room for the number",
    },
  ];
  it.each(cases)("$why", ({ wanted, existing, name }) => {
    expect(uniqueSheetName(wanted, existing)).toBe(name);
  });

  it("property: the name is valid, new, and at most 31 characters, whatever is asked and exists", () => {
    const names = fc.string({
      unit: fc.constantFrom(
        "a",
        "B",
        " ",
        "'",
        "[",
        "]",
        ":",
        "*",
        "?",
        "/",
        "\\",
        "é",
        "😀",
        "(",
        "2",
        ")"
      ),
      maxLength: 40,
    });
    fc.assert(
      fc.property(names, fc.array(names, { maxLength: 8 }), (wanted, others) => {
        const existing = [...others.map(validSheetName), validSheetName(wanted)];
        const name = uniqueSheetName(wanted, existing);
        return (
          Array.from(name).length <= MAX_SHEET_NAME_LENGTH &&
          name.length > 0 &&
          !/[[\]:*?/\\]/.test(name) &&
          !name.startsWith("'") &&
          !name.endsWith("'") &&
          !existing.some((other) => other.toLowerCase() === name.toLowerCase())
        );
      }),
      { seed: 31, numRuns: 500 }
    );
  });
});

describe("quoting a sheet name in a formula or an address", () => {
  it.each([
    ["MRR", "MRR"],
    ["Data_2024", "Data_2024"],
    ["A1", "'A1'"],
    ["R1C1", "'R1C1'"],
    ["TRUE", "'TRUE'"],
    ["Q1 data", "'Q1 data'"],
    ["It's", "'It''s'"],
    ["Données", "'Données'"],
  ])("%s is written %s", (name, written) => {
    expect(quoteSheetName(name)).toBe(written);
  });
});

describe("addresses", () => {
  it.each([
    { address: "Sheet1!A1:D20", sheetName: "Sheet1", local: "A1:D20" },
    { address: "'Q1 ''24'!B2:C9", sheetName: "Q1 '24", local: "B2:C9" },
    { address: "'a!b'!A1", sheetName: "a!b", local: "A1" },
    { address: "B2:C9", sheetName: null, local: "B2:C9" },
  ])("splits $address", ({ address, sheetName, local }) => {
    expect(splitSheetAddress(address)).toEqual({ sheetName, local });
  });

  it("refuses an unterminated quoted name", () => {
    expect(() => splitSheetAddress("'Sheet1!A1")).toThrow("is not a range address");
  });

  it("parses cells and ranges", () => {
    expect(parseCellAddress("C10")).toEqual({ row: 9, column: 2 });
    expect(parseCellAddress("$AB$1")).toEqual({ row: 0, column: 27 });
    expect(parseRangeAddress("B2:D3")).toEqual({ row: 1, column: 1, rowCount: 2, columnCount: 3 });
    expect(parseRangeAddress("D3:B2")).toEqual({ row: 1, column: 1, rowCount: 2, columnCount: 3 });
    expect(parseRangeAddress("E5")).toEqual({ row: 4, column: 4, rowCount: 1, columnCount: 1 });
    expect(() => parseRangeAddress("B:B")).toThrow('"B" is not a cell address such as B2');
    expect(() => parseCellAddress("A0")).toThrow();
  });

  it("column letters round-trip (property)", () => {
    expect([columnLetters(0), columnLetters(25), columnLetters(26), columnLetters(16383)]).toEqual([
      "A",
      "Z",
      "AA",
      "XFD",
    ]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 16383 }),
        fc.integer({ min: 0, max: 1_048_575 }),
        (column, row) => {
          const parsed = parseCellAddress(cellAddress({ row, column }));
          return parsed.row === row && parsed.column === column;
        }
      ),
      { seed: 5, numRuns: 500 }
    );
  });
});
