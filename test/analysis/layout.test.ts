/**
 * Layout detection on the sheet shapes people select: each case gives the cells as the workbook
 * port reads them ("" for a blank), the guess expected and why. Rows and columns in guesses are
 * 0-based indexes into the selection; notes name rows 1-based as the user sees them.
 */
import { describe, expect, it } from "vitest";
import { isoDateToSerial } from "../../src/core";
import { type LayoutGuess, type LayoutNote, detectLayout } from "../../src/analysis";
import { createTranslator } from "../../src/i18n";

/** Notes are message codes; these tests read them in English, as the catalogue words them. */
const { say } = createTranslator("en");
const inEnglish = (notes: readonly LayoutNote[]) => notes.map(say);

const serial = (iso: string) => isoDateToSerial(iso);

interface Case {
  readonly name: string;
  readonly why: string;
  readonly cells: unknown[][];
  readonly expected: Partial<Record<string, unknown>> & { kind: LayoutGuess["kind"] };
  /** Notes that must be among the guess's notes, word for word in English. */
  readonly notes?: readonly string[];
}

const cases: Case[] = [
  {
    name: "grid: date serials in the header row, a plan and an at-risk flag",
    why: "month-start serials across the top make period columns; text with repeats and TRUE/FALSE make segments",
    cells: [
      [
        "Customer",
        "Plan",
        "At risk",
        serial("2024-01-01"),
        serial("2024-02-01"),
        serial("2024-03-01"),
      ],
      ["Acme", "Pro", false, 100, 120, 120],
      ["Beta", "Basic", true, 50, 50, 0],
      ["Cobalt", "Pro", false, 0, 80, 90],
      ["Delta", "Basic", false, 30, 30, 30],
    ],
    expected: {
      kind: "grid",
      headerRow: 0,
      customerColumn: 0,
      period: "month",
      periodColumns: [
        { column: 3, periodStart: "2024-01-01", label: "Jan 2024" },
        { column: 4, periodStart: "2024-02-01", label: "Feb 2024" },
        { column: 5, periodStart: "2024-03-01", label: "Mar 2024" },
      ],
      segmentColumns: [
        { column: 1, name: "Plan" },
        { column: 2, name: "At risk" },
      ],
      dataRows: [1, 2, 3, 4],
      excludedRows: [],
      notes: [],
    },
  },
  {
    name: "grid: headers in the second row under a title, month names as text, a Total row",
    why: "the title row has one cell and no number under it; 'Jan 2024' labels are months; 'Total' rows are left out and named by their row number",
    cells: [
      ["MRR by customer, USD", "", "", ""],
      ["Customer", "Jan 2024", "Feb 2024", "Mar 2024"],
      ["Acme", 100, 120, 120],
      ["Beta", 50, 50, 0],
      ["Cobalt", 0, 80, 90],
      ["Total", 150, 250, 210],
    ],
    expected: {
      kind: "grid",
      headerRow: 1,
      customerColumn: 0,
      period: "month",
      periodColumns: [
        { column: 1, periodStart: "2024-01-01", label: "Jan 2024" },
        { column: 2, periodStart: "2024-02-01", label: "Feb 2024" },
        { column: 3, periodStart: "2024-03-01", label: "Mar 2024" },
      ],
      dataRows: [2, 3, 4],
      excludedRows: [{ row: 5, reason: "totals" }],
    },
    notes: ['Row 6 ("Total") is a totals row and is left out.'],
  },
  {
    name: "grid: headers in the third row, ISO date text, long month names",
    why: "two title rows above; ISO dates on the 1st of each month are month columns",
    cells: [
      ["Revenue report", "", ""],
      ["Source: billing export", "", ""],
      ["Account", "2024-01-01", "2024-02-01"],
      ["Acme", 100, 110],
      ["Beta", 200, 0],
    ],
    expected: {
      kind: "grid",
      headerRow: 2,
      customerColumn: 0,
      period: "month",
      periodColumns: [
        { column: 1, periodStart: "2024-01-01", label: "2024-01-01" },
        { column: 2, periodStart: "2024-02-01", label: "2024-02-01" },
      ],
      dataRows: [3, 4],
      excludedRows: [],
    },
  },
  {
    name: "grid: an unlabelled totals row equal to the column sums",
    why: "a last row whose every period cell is the sum of the rows above is a totals row even without a label",
    cells: [
      ["Customer", "January 2024", "February 2024"],
      ["Acme", 100, 120],
      ["Beta", 50, 50],
      ["Cobalt", 10, 0],
      ["", 160, 170],
    ],
    expected: {
      kind: "grid",
      headerRow: 0,
      dataRows: [1, 2, 3],
      excludedRows: [{ row: 4, reason: "totals" }],
    },
    notes: [
      "Row 5 equals the sum of the rows above it, so it is read as a totals row and left out.",
    ],
  },
  {
    name: "grid: blank rows between customers",
    why: "empty rows inside the table are skipped and named; the ones after the table are just the end of the selection",
    cells: [
      ["Customer", "Q1 2024", "Q2 2024"],
      ["Acme", 300, 330],
      ["", "", ""],
      ["Beta", 150, 150],
      ["", "", ""],
      ["", "", ""],
      ["Cobalt", 90, 0],
      ["", "", ""],
    ],
    expected: {
      kind: "grid",
      period: "quarter",
      periodColumns: [
        { column: 1, periodStart: "2024-01-01", label: "Q1 2024" },
        { column: 2, periodStart: "2024-04-01", label: "Q2 2024" },
      ],
      dataRows: [1, 3, 6],
      excludedRows: [
        { row: 2, reason: "blank" },
        { row: 4, reason: "blank" },
        { row: 5, reason: "blank" },
      ],
    },
    notes: ["Blank rows 3, 5 and 6 skipped."],
  },
  {
    name: "grid: periods out of order and with a gap",
    why: "period columns are returned in date order, and both the order and the missing month are noted",
    cells: [
      ["Customer", "Mar 2024", "Jan 2024", "Feb 2024", "May 2024"],
      ["Acme", 3, 1, 2, 5],
      ["Beta", 30, 10, 20, 50],
    ],
    expected: {
      kind: "grid",
      periodColumns: [
        { column: 2, periodStart: "2024-01-01", label: "Jan 2024" },
        { column: 3, periodStart: "2024-02-01", label: "Feb 2024" },
        { column: 1, periodStart: "2024-03-01", label: "Mar 2024" },
        { column: 4, periodStart: "2024-05-01", label: "May 2024" },
      ],
    },
    notes: [
      "The period columns are not in date order on the sheet; they are read in date order.",
      "The periods are not contiguous: no column for Apr 2024.",
    ],
  },
  {
    name: "grid: quarter-end serial dates",
    why: "month-end dates three months apart are quarters; each period starts on the quarter's first day",
    cells: [
      [
        "Customer",
        serial("2024-03-31"),
        serial("2024-06-30"),
        serial("2024-09-30"),
        serial("2024-12-31"),
      ],
      ["Acme", 300, 330, 360, 360],
      ["Beta", 150, 150, 0, 0],
    ],
    expected: {
      kind: "grid",
      period: "quarter",
      periodColumns: [
        { column: 1, periodStart: "2024-01-01", label: "Q1 2024" },
        { column: 2, periodStart: "2024-04-01", label: "Q2 2024" },
        { column: 3, periodStart: "2024-07-01", label: "Q3 2024" },
        { column: 4, periodStart: "2024-10-01", label: "Q4 2024" },
      ],
    },
  },
  {
    name: "grid: month-end serial dates",
    why: "the period-end convention (Jan 31, Feb 29, Mar 31) still names months",
    cells: [
      ["Customer", serial("2024-01-31"), serial("2024-02-29"), serial("2024-03-31")],
      ["Acme", 10, 10, 12],
      ["Beta", 5, 0, 0],
    ],
    expected: {
      kind: "grid",
      period: "month",
      periodColumns: [
        { column: 1, periodStart: "2024-01-01", label: "Jan 2024" },
        { column: 2, periodStart: "2024-02-01", label: "Feb 2024" },
        { column: 3, periodStart: "2024-03-01", label: "Mar 2024" },
      ],
    },
  },
  {
    name: "grid: fiscal years, a Total column, numeric customer ids",
    why: "FY labels are years (noted); a numeric column under a Customer ID header names customers; the Total column is named as unused",
    cells: [
      ["Customer ID", "FY2022", "FY2023", "FY2024", "Total"],
      [1001, 1200, 1300, 1400, 3900],
      [1002, 600, 0, 0, 600],
      [1003, 0, 900, 950, 1850],
    ],
    expected: {
      kind: "grid",
      customerColumn: 0,
      period: "year",
      periodColumns: [
        { column: 1, periodStart: "2022-01-01", label: "FY2022" },
        { column: 2, periodStart: "2023-01-01", label: "FY2023" },
        { column: 3, periodStart: "2024-01-01", label: "FY2024" },
      ],
      segmentColumns: [],
      dataRows: [1, 2, 3],
    },
    notes: [
      "Fiscal-year labels are read as calendar periods (FY2024 as January–December 2024); change the mapping if your fiscal year starts in another month.",
      'Column E ("Total") is neither a period nor a segment and is not used.',
    ],
  },
  {
    name: "grid: blank top-left cell, a duplicated customer, a row without a customer, text in a period cell",
    why: "the customer column is found without a header; problems the user should fix are noted, not guessed at",
    cells: [
      ["", "2024-01", "2024-02", "2024-03"],
      ["Acme", 100, 100, 100],
      ["Beta", 40, "n/a", 40],
      ["Acme", 10, 10, 10],
      ["", 5, 5, 5],
      ["Cobalt", 0, 0, 70],
    ],
    expected: {
      kind: "grid",
      headerRow: 0,
      customerColumn: 0,
      dataRows: [1, 2, 3, 5],
      excludedRows: [{ row: 4, reason: "no customer" }],
    },
    notes: [
      "Row 5 has amounts but no customer and is left out.",
      '"Acme" appears on more than one row; each row is read as its own customer.',
      'Some period cells hold text instead of amounts (row 3, 2024-02: "n/a").',
    ],
  },
  {
    name: "ledger: customer, ISO date text, amount, plan",
    why: "a date column, an amount column and a customer column with repeats make a ledger",
    cells: [
      ["Customer", "Date", "Amount", "Plan"],
      ["Acme", "2024-01-15", 100, "Pro"],
      ["Beta", "2024-01-20", 50, "Basic"],
      ["Acme", "2024-02-15", 120, "Pro"],
      ["Beta", "2024-02-20", 50, "Basic"],
      ["Cobalt", "2024-02-25", 80, "Pro"],
    ],
    expected: {
      kind: "ledger",
      headerRow: 0,
      customerColumn: 0,
      dateColumn: 1,
      amountColumn: 2,
      segmentColumns: [{ column: 3, name: "Plan" }],
      dataRows: [1, 2, 3, 4, 5],
      excludedRows: [],
      notes: [],
    },
  },
  {
    name: "ledger: unsorted serial dates under a title row, amounts that look like serials",
    why: "the Date header decides which numeric column holds dates; unsorted dates are fine and noted",
    cells: [
      ["Invoices 2024", "", "", ""],
      ["Invoice date", "Account", "Region", "ARR"],
      [serial("2024-03-01"), "Acme", "EMEA", 48000],
      [serial("2024-01-01"), "Beta", "US", 45000],
      [serial("2024-02-01"), "Acme", "EMEA", 48000],
      [serial("2024-01-01"), "Cobalt", "US", 52000],
      [serial("2024-02-01"), "Beta", "US", 45000],
    ],
    expected: {
      kind: "ledger",
      headerRow: 1,
      customerColumn: 1,
      dateColumn: 0,
      amountColumn: 3,
      segmentColumns: [{ column: 2, name: "Region" }],
      dataRows: [2, 3, 4, 5, 6],
    },
    notes: [
      "The dates are not in order (row 4 is earlier than the row above it); that is fine, entries are grouped by customer and period whatever their order.",
    ],
  },
  {
    name: "ledger: a sum row at the bottom without customer or date",
    why: "an amount equal to the sum above, on a row without customer and date, is a total",
    cells: [
      ["Client", "Billed", "MRR"],
      ["Acme", serial("2024-01-01"), 100],
      ["Beta", serial("2024-01-01"), 50],
      ["Acme", serial("2024-02-01"), 120],
      ["", "", 270],
    ],
    expected: {
      kind: "ledger",
      customerColumn: 0,
      dateColumn: 1,
      amountColumn: 2,
      dataRows: [1, 2, 3],
      excludedRows: [{ row: 4, reason: "totals" }],
    },
    notes: [
      "Row 5 has no customer or date and its amount equals the sum of the amounts above, so it is read as a totals row and left out.",
    ],
  },
  {
    name: "survey: NPS question with a region and a date column",
    why: "a 'recommend' header over whole numbers 0–10 is an NPS score; Region repeats, so it is a segment",
    cells: [
      ["Respondent", "Submitted", "Region", "How likely are you to recommend us?"],
      ["r1", serial("2024-03-01"), "EMEA", 9],
      ["r2", serial("2024-03-02"), "US", 6],
      ["r3", serial("2024-03-02"), "US", 10],
      ["r4", serial("2024-03-05"), "EMEA", 0],
      ["r5", serial("2024-03-06"), "US", ""],
    ],
    expected: {
      kind: "survey",
      headerRow: 0,
      scoreColumn: 3,
      scale: "nps",
      segmentColumns: [{ column: 2, name: "Region" }],
      dataRows: [1, 2, 3, 4, 5],
      excludedRows: [],
    },
    notes: [
      'Column D ("How likely are you to recommend us?") is read as NPS (0–10) scores (its header says so); change the scale if that is wrong.',
      "1 row has no score and is not counted as an answer.",
    ],
  },
  {
    name: "survey: CSAT 1–5 with an Average row",
    why: "a CSAT header over 1–5 answers; the Average row is a summary and is left out",
    cells: [
      ["Ticket", "CSAT", "Plan"],
      ["T-1", 5, "Pro"],
      ["T-2", 4, "Basic"],
      ["T-3", 2, "Pro"],
      ["Average", 3.67, ""],
    ],
    expected: {
      kind: "survey",
      scoreColumn: 1,
      scale: "csat",
      dataRows: [1, 2, 3],
      excludedRows: [{ row: 4, reason: "totals" }],
    },
    notes: ['Row 5 ("Average") is a totals row and is left out.'],
  },
  {
    name: "survey: customer effort 1–7",
    why: "an 'effort' header over answers up to 7 is CES",
    cells: [
      ["Customer", "Effort score", "CSM"],
      ["Acme", 2, "Ana"],
      ["Beta", 7, "Ben"],
      ["Cobalt", 5, "Ana"],
      ["Delta", 1, "Ben"],
    ],
    expected: {
      kind: "survey",
      scoreColumn: 1,
      scale: "ces",
      segmentColumns: [{ column: 2, name: "CSM" }],
    },
  },
  {
    name: "survey: no score word in the header, answers 1–7",
    why: "the only numeric column holds whole numbers within 0–10; the range (up to 7) says CES",
    cells: [
      ["Customer", "Answer"],
      ["Acme", 6],
      ["Beta", 3],
      ["Cobalt", 7],
    ],
    expected: { kind: "survey", scoreColumn: 1, scale: "ces", dataRows: [1, 2, 3] },
    notes: [
      'No header names a score column; column B ("Answer") holds whole numbers from 0 to 10 and is read as the scores.',
    ],
  },
  {
    name: "survey: a bare column of scores",
    why: "one column of whole numbers 0–10 without a header is a survey without a header row",
    cells: [[9], [10], [""], [3], [8]],
    expected: {
      kind: "survey",
      headerRow: null,
      scoreColumn: 0,
      scale: "nps",
      dataRows: [0, 1, 3, 4],
      excludedRows: [{ row: 2, reason: "blank" }],
    },
  },
  {
    name: "unknown: an empty selection",
    why: "nothing to read",
    cells: [
      ["", ""],
      ["", ""],
    ],
    expected: { kind: "unknown", reason: { key: "layout.empty", params: {} } },
  },
  {
    name: "unknown: text only",
    why: "no row has a name above a number, so no header row is found",
    cells: [
      ["Customer", "Owner"],
      ["Acme", "Ana"],
      ["Beta", "Ben"],
    ],
    expected: { kind: "unknown" },
  },
  {
    name: "unknown: a customer list with seat counts",
    why: "a header over numbers, but no period headers, no date column and no small whole-number scores",
    cells: [
      ["Customer", "Seats"],
      ["Acme", 120],
      ["Beta", 45],
    ],
    expected: {
      kind: "unknown",
      reason: {
        key: "layout.noFit",
        params: { missing: { nested: { key: "note.missing.dateColumn" } } },
      },
    },
  },
];

describe("detectLayout", () => {
  it.each(cases)("$name — $why", ({ cells, expected, notes }) => {
    const guess = detectLayout(cells);
    expect(guess).toMatchObject(expected);
    if (notes) {
      expect(guess.kind).not.toBe("unknown");
      if (guess.kind !== "unknown")
        expect(inEnglish(guess.notes)).toEqual(expect.arrayContaining([...notes]));
    }
  });

  it("names rows and columns as the user sees them when the selection starts lower and to the right", () => {
    const guess = detectLayout(
      [
        ["Customer", "Jan 2024", "Feb 2024", "Total"],
        ["Acme", 1, 2, 3],
        ["Total", 1, 2, 3],
      ],
      { firstRowNumber: 10, firstColumnNumber: 3 }
    );
    expect(guess.kind === "grid" && inEnglish(guess.notes)).toEqual([
      'Row 12 ("Total") is a totals row and is left out.',
      'Column F ("Total") is neither a period nor a segment and is not used.',
    ]);
  });

  it("a 'Total Wine & More' customer is a customer, not a totals row", () => {
    const guess = detectLayout([
      ["Customer", "Jan 2024", "Feb 2024"],
      ["Acme", 1, 2],
      ["Total Wine & More", 5, 5],
    ]);
    expect(guess).toMatchObject({ kind: "grid", dataRows: [1, 2], excludedRows: [] });
  });

  it("a data row of equal amounts in the date-serial range is not mistaken for a period header", () => {
    const guess = detectLayout([
      ["Customer", "Jan 2024", "Feb 2024", "Mar 2024"],
      ["Acme", 45000, 45000, 45000],
      ["Beta", 50000, 51000, 52000],
    ]);
    expect(guess).toMatchObject({ kind: "grid", headerRow: 0, dataRows: [1, 2] });
  });

  it("reads a large grid (10,000 customers × 36 months) whole", () => {
    const header = [
      "Customer",
      "Plan",
      ...Array.from({ length: 36 }, (_, m) =>
        serial(`${2022 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-01`)
      ),
    ];
    const cells: unknown[][] = [header];
    for (let i = 0; i < 10_000; i++)
      cells.push([
        `C${i}`,
        i % 3 === 0 ? "Pro" : "Basic",
        ...Array.from({ length: 36 }, (_, m) => ((i + m) % 7 === 0 ? 0 : 100 + m)),
      ]);
    // How long it takes is the bench's to measure (bench/run.mjs, "layout"), not a test's.
    const guess = detectLayout(cells);
    expect(guess).toMatchObject({
      kind: "grid",
      customerColumn: 0,
      segmentColumns: [{ column: 1, name: "Plan" }],
    });
    expect(guess.kind === "grid" && guess.periodColumns.length).toBe(36);
    expect(guess.kind === "grid" && guess.dataRows.length).toBe(10_000);
  });
});
