/**
 * The layout check's notes in words: sheets of many shapes go through detectLayout, and every
 * note it writes is worded from the catalogue in each language (a key without words would show
 * as the key itself), in Chinese with Chinese names for periods, rows and columns.
 */
import { describe, expect, it } from "vitest";
import { type CellGrid } from "../../src/core";
import { detectLayout } from "../../src/analysis";
import { createTranslator } from "../../src/i18n";

const chinese = createTranslator("zh-CN");
const english = createTranslator("en");

const CJK = /[\u4e00-\u9fff]/;

const shapes: Record<string, CellGrid> = {
  "title row, blank row between customers, totals row": [
    ["MRR by customer", "", "", "", ""],
    ["Customer", "Plan", "Jan 2024", "Feb 2024", "Mar 2024"],
    ["Acme", "SMB", 100, 100, 120],
    ["", "", "", "", ""],
    ["Globex", "Ent", 200, 150, 150],
    ["Initech", "SMB", 50, 0, 0],
    ["Total", "", 350, 250, 270],
  ],
  "duplicate, unsorted and missing periods; unnamed row; repeated names; text in periods; unused column":
    [
      ["Customer", "Plan", "Owner id", "Mar 2024", "Jan 2024", "Jan 2024", "May 2024"],
      ["Acme", "SMB", 7, 100, 100, 100, "n/a"],
      ["Acme", "SMB", 8, 120, 100, 100, 120],
      ["", "SMB", 9, 50, 40, 40, 30],
      ["Globex", "Ent", 10, 200, 150, 150, 150],
      ["Hooli", "Ent", 11, 90, 80, 80, 70],
    ],
  "no customer column": [
    ["Jan 2024", "Feb 2024", "Mar 2024"],
    [100, 110, 120],
    [50, 50, 0],
    [70, 80, 90],
  ],
  "fiscal years": [
    ["Customer", "FY2023", "FY2024"],
    ["Acme", 1000, 1200],
    ["Globex", 500, 400],
    ["Hooli", 300, 0],
  ],
  "last row is the sum of the rows above": [
    ["Customer", "Jan 2024", "Feb 2024"],
    ["Acme", 100, 120],
    ["Globex", 50, 40],
    ["Hooli", 70, 70],
    ["", 220, 230],
  ],
  "ledger with unsorted dates and bad cells": [
    ["Customer", "Date", "Amount"],
    ["Acme", "2024-03-01", 100],
    ["Globex", "2024-01-15", 50],
    ["Acme", "2024-02-01", "lots"],
    ["Hooli", "soon", 70],
    ["Hooli", "2024-04-01", 70],
    ["Globex", "2024-02-15", 50],
  ],
  "survey with a header and blanks": [
    ["Respondent", "Segment", "NPS"],
    ["r1", "SMB", 9],
    ["r2", "Ent", 3],
    ["r3", "SMB", ""],
    ["r4", "Ent", 10],
    ["r5", "SMB", 7],
  ],
  "survey without a score header": [
    ["Respondent", "Segment", "Answer"],
    ["r1", "SMB", 9],
    ["r2", "Ent", 0],
    ["r3", "SMB", 10],
    ["r4", "Ent", 6],
  ],
};

describe("layout notes in words", () => {
  const notes = Object.entries(shapes).flatMap(([shape, cells]) => {
    const guess = detectLayout(cells, { firstRowNumber: 1, firstColumnNumber: 1 });
    return guess.kind === "unknown" ? [] : guess.notes.map((note) => [shape, note] as const);
  });

  it("the shapes give notes of many kinds", () => {
    expect(new Set(notes.map(([, note]) => note.key)).size).toBeGreaterThanOrEqual(14);
  });

  it.each(notes)("%s: %j", (_shape, note) => {
    const inChinese = chinese.say(note);
    expect(inChinese).toMatch(CJK);
    expect(inChinese).not.toContain("{");
    expect(inChinese).not.toMatch(/\bnote\.|\blayout\./);
    const inEnglish = english.say(note);
    expect(inEnglish).not.toContain("{");
    expect(inEnglish).not.toMatch(/\bnote\.|\blayout\./);
  });

  it("names months, quarters, rows and columns the Chinese way", () => {
    const missing = {
      key: "note.periodsMissing",
      params: {
        periods: {
          list: [
            { period: { start: "2024-02-01", unit: "month" } },
            { period: { start: "2024-07-01", unit: "quarter" } },
          ],
        },
      },
    } as const;
    expect(chinese.say(missing)).toBe("期间不连续：缺少 2024年2月、2024 年第 3 季度 的列。");
    expect(english.say(missing)).toBe("The periods are not contiguous: no column for Feb 2024 and Q3 2024.");
    const totals = { key: "note.totalsRow", params: { row: 7, label: { quoted: "Total" } } };
    expect(chinese.say(totals)).toBe("第 7 行（“Total”）是合计行，已排除。");
    expect(english.say(totals)).toBe('Row 7 ("Total") is a totals row and is left out.');
  });
});
