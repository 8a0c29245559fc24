/**
 * The bad-input catalogue (its cases; bad-input.test.ts runs them, localized-errors.test.ts
 * runs them again in Chinese): every function, called through the built bundle as Excel calls it,
 * with the inputs real sheets hold. Each row states the exact error (or result) and the message
 * fragment expected, so a regression in any message or code is caught.
 */
import { column } from "../support/bundle";
import { argsByName, revenueFunctionsWithSegments } from "../support/functions";

export interface Case {
  readonly fn: string;
  readonly why: string;
  readonly args: readonly unknown[];
  /** An error value and a fragment of its message, or the result itself. */
  readonly error?: string;
  readonly message?: string;
  readonly result?: unknown;
}

export const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

const ENTITY = { type: "Entity", text: "Contoso", properties: {} };
const MONEY = { type: "FormattedNumber", basicValue: 250, numberFormat: "$#,##0" };
const FULL_COLUMN = 1_048_576;

/** A full-column reference as Excel passes it: a value in the first rows, blanks below. */
function fullColumn(...values: unknown[]): unknown[][] {
  const rows: unknown[][] = new Array(FULL_COLUMN);
  for (let r = 0; r < FULL_COLUMN; r++) rows[r] = [r < values.length ? values[r] : null];
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The ten aggregate revenue functions share their inputs and so their failures.

const TWO_COLUMN = revenueFunctionsWithSegments();

for (const fn of TWO_COLUMN) {
  const value = (message: string, start: unknown[][], end: unknown[][]) =>
    add({ fn, why: message, args: [start, end], error: "#VALUE!", message });
  value(
    'end_mrr row 2: "abc" is text, not a number; revenue amounts must be numbers',
    column(100, 200),
    column(90, "abc")
  );
  value(
    'end_mrr row 2: "1,200" is text, not a number (a number stored as text? convert it with VALUE)',
    column(100, 200),
    column(90, "1,200")
  );
  value(
    "start_mrr row 1: TRUE is a logical value, not a number",
    column(true, 200),
    column(90, 100)
  );
  value("start_mrr row 2: NaN is not a finite number", column(100, Number.NaN), column(90, 100));
  value(
    "end_mrr row 1: -Infinity is not a finite number",
    column(100, 200),
    column(-Infinity, 100)
  );
  value(
    "start_mrr row 2: -50 is negative; revenue cannot be below 0",
    column(100, -50),
    column(90, 100)
  );
  value(
    'start_mrr row 1: a data type (Entity "Contoso") is not a number',
    column(ENTITY, 200),
    column(90, 100)
  );
  value(
    "start_mrr and end_mrr must be the same shape, one value per customer: start_mrr has 3 rows × 1 column, end_mrr has 2 rows × 1 column",
    column(1, 2, 3),
    column(1, 2)
  );
  value(
    "start_mrr and end_mrr must be the same shape, one value per customer: start_mrr has 1 row × 2 columns, end_mrr has 2 rows × 1 column",
    [[100, 200]],
    column(100, 200)
  );
  add({
    fn,
    why: "an #N/A inside a range is passed on",
    args: [column(100, { code: "#N/A" }), column(1, 1)],
    error: "#N/A",
    message: "start_mrr row 2 holds #N/A",
  });
  add({
    fn,
    why: "#REF! becomes #VALUE! naming the cell",
    args: [column(100, 1), column({ code: "#REF!" }, 1)],
    error: "#VALUE!",
    message: "end_mrr row 1 holds #REF!; correct that cell first",
  });
  add({
    fn,
    why: "an all-blank range has no starting revenue",
    args: [column(null, "", 0), column(null, null, null)],
    error: "#DIV/0!",
  });
  add({ fn, why: "an empty range", args: [[], []], error: "#DIV/0!" });
  add({
    fn,
    why: "a segment that matches no row",
    args:
      fn === "MRRCHURN"
        ? [column(1), column(1), null, column("SMB"), "Ent"]
        : fn === "QUICKRATIO"
          ? [column(1), column(1), null, column("SMB"), "Ent"]
          : [column(1), column(1), column("SMB"), "Ent"],
    error: "#N/A",
    message: 'segment "Ent" matches no row of segments',
  });
}

// Results that must hold (not errors) for the odd-but-valid inputs.
add({
  fn: "NRR",
  why: "columns selected with a header row of real dates",
  args: [column(45292, 100), column(45323, 120)],
  error: "#VALUE!",
  message: "hold the dates 2024-01-01 and 2024-02-01 (a header row of dates), not revenue",
});
add({
  fn: "COHORT",
  why: "a two-column block under a header of dates",
  args: [
    [
      [45292, 45323],
      [100, 120],
    ],
  ],
  error: "#VALUE!",
  message: "mrr_matrix row 1 holds 2024-01-01 and 2024-02-01 (dates in a header row?)",
});
add({
  fn: "COHORT",
  why: "a header row of real dates names the cohorts",
  args: [
    [
      [45292, 45323, 45352],
      [100, 120, 0],
    ],
  ],
  result: [
    ["cohort", 0, 1, 2],
    ["2024-01-01", 1, 1.2, 0],
  ],
});
add({
  fn: "NRR",
  why: 'blanks as null, "" or 0 are all no revenue',
  args: [column(100, null, "", 0), column(110, 5, null, 0)],
  result: 1.1,
});
add({
  fn: "NRR",
  why: "a formatted number (data type) is its number",
  args: [column(MONEY), column(500)],
  result: 2,
});
add({ fn: "NRR", why: "a 1×1 range", args: [[[100]], [[120]]], result: 1.2 });
add({ fn: "NRR", why: "bare values, as a single cell arrives", args: [100, 90], result: 0.9 });
add({
  fn: "GRR",
  why: "rows of customers instead of columns",
  args: [[[100, 200]], [[50, 300]]],
  result: 250 / 300,
});
add({
  fn: "GRR",
  why: "a full-column reference (1,048,576 rows)",
  args: [fullColumn("Start", 100, 200), fullColumn("End", 100, 100)],
  result: 200 / 300,
});
add({
  fn: "NRR",
  why: "1e308 twice overflows: #NUM!, never Infinity",
  args: [column(1e308, 1e308), column(1e308, 1e308)],
  error: "#NUM!",
});
add({
  fn: "LOGORETENTION",
  why: "counts do not overflow with huge amounts",
  args: [column(1e308, 1e308), column(1e308, 0)],
  result: 0.5,
});
add({
  fn: "QUICKRATIO",
  why: "no losses: the ratio is unbounded",
  args: [column(100, 0), column(150, 20)],
  error: "#DIV/0!",
});
add({
  fn: "MRRCHURN",
  why: "include_contraction as text",
  args: [column(100), column(50), "no"],
  error: "#VALUE!",
  message: 'include_contraction: "no" is not TRUE or FALSE',
});
add({
  fn: "MRRCHURN",
  why: "include_contraction in the wrong case is still a word Excel knows",
  args: [column(100), column(50), "false"],
  result: 0,
});
add({
  fn: "MRRCHURN",
  why: "include_contraction as 0",
  args: [column(100), column(50), 0],
  result: 0,
});
add({
  fn: "MRRCHURN",
  why: "include_contraction as a range of two cells",
  args: [column(100), column(50), [[true, false]]],
  error: "#VALUE!",
  message: "include_contraction must be a single value, not a range of 2 cells",
});
add({
  fn: "NRR",
  why: "segment without segments",
  args: [column(1), column(1), null, "SMB"],
  error: "#VALUE!",
  message: 'segment "SMB" needs a segments range to pick it from',
});
add({
  fn: "NRR",
  why: "segments of another shape",
  args: [column(1, 2), column(1, 2), column("a", "b", "c", "d")],
  error: "#VALUE!",
  message: "segments has 4 rows × 1 column",
});
add({
  fn: "NRR",
  why: "an error value in segments is passed on",
  args: [column(1, 2), column(1, 2), column("a", { code: "#N/A" })],
  error: "#N/A",
  message: "segments row 2 holds #N/A",
});
add({
  fn: "NRR",
  why: "segment in the wrong case matches",
  args: [column(100, 100), column(50, 100), column("SMB", "Ent"), "smb"],
  result: 0.5,
});

// ---------------------------------------------------------------------------------------------
// Bridge, movement, history.

for (const fn of ["MRRBRIDGE", "MOVEMENT", "QUICKRATIO"]) {
  add({
    fn,
    why: "history with a different row count",
    args: [column(0, 100), column(5, 100), column(1)],
    error: "#VALUE!",
    message:
      "history must have one row per customer, like start_mrr: history has 1 rows, start_mrr has 2",
  });
  add({
    fn,
    why: "text in history",
    args: [column(0), column(5), column("yes")],
    error: "#VALUE!",
    message: 'history row 1: "yes" is text, not a number',
  });
  add({
    fn,
    why: "a negative amount in history",
    args: [column(0), column(5), column(-1)],
    error: "#VALUE!",
    message: "history row 1: -1 is negative",
  });
  add({
    fn,
    why: "history with a 2-D start_mrr",
    args: [[[0, 1]], [[5, 1]], [[1, 1]]],
    error: "#VALUE!",
    message: "history goes with a start_mrr of one column",
  });
  add({
    fn,
    why: "text in end_mrr",
    args: [column(0), column("five")],
    error: "#VALUE!",
    message: 'end_mrr row 1: "five" is text',
  });
}
add({
  fn: "MOVEMENT",
  why: "an empty range has no customer to label",
  args: [[], []],
  error: "#VALUE!",
  message: "start_mrr holds no customer",
});
add({
  fn: "MRRBRIDGE",
  why: "all blank: a bridge of zeros",
  args: [column(null), column(null)],
  result: [
    ["Starting MRR", 0],
    ["New", 0],
    ["Reactivation", 0],
    ["Expansion", 0],
    ["Contraction", 0],
    ["Churn", 0],
    ["Ending MRR", 0],
  ],
});
add({
  fn: "MOVEMENT",
  why: "no revenue at either date is an empty label",
  args: [column(null, 0), column("", 0)],
  result: [[""], [""]],
});

// Who moved: its failures (its spill has labels, which differ by language: its results are in
// test/functions/movers.test.ts).
const ids = (...values: unknown[]) => values.map((value) => [value]);
add({
  fn: "MOVERS",
  why: "a movement that is not one of the bridge's",
  args: [ids("A"), column(100), column(0), "lost"],
  error: "#VALUE!",
});
add({
  fn: "MOVERS",
  why: "no movement given",
  args: [ids("A"), column(100), column(0), null],
  error: "#VALUE!",
  message: "movement is missing",
});
add({
  fn: "MOVERS",
  why: "customers not in the revenue's rows",
  args: [ids("A", "B", "C"), column(100), column(0), "churn"],
  error: "#VALUE!",
});
add({
  fn: "MOVERS",
  why: "a count of 0",
  args: [ids("A"), column(100), column(0), "churn", 0],
  error: "#VALUE!",
  message: "count: 0 must be a whole number from 1 to 1000",
});

// ---------------------------------------------------------------------------------------------
// Aggregated parts.

for (const fn of ["NRR.PARTS", "GRR.PARTS"]) {
  const args = (start: unknown, loss: unknown) =>
    fn === "NRR.PARTS" ? [start, 0, loss, 0] : [start, loss, 0];
  add({ fn, why: "start 0", args: args(0, 0), error: "#DIV/0!" });
  add({
    fn,
    why: "negative start",
    args: args(-100, 0),
    error: "#VALUE!",
    message: "start: -100 must be a number of at least 0",
  });
  add({
    fn,
    why: "start as text",
    args: args("100", 0),
    error: "#VALUE!",
    message: 'start: "100" is text, not a number',
  });
  add({
    fn,
    why: "start as a logical value",
    args: args(true, 0),
    error: "#VALUE!",
    message: "start: TRUE is a logical value",
  });
  add({
    fn,
    why: "losses above start",
    args: args(100, 150),
    error: "#VALUE!",
    message: "a cohort cannot lose more than it had",
  });
  add({
    fn,
    why: "a loss given as a negative number",
    args: args(100, -10),
    result: fn === "NRR.PARTS" ? 0.9 : 0.9,
  });
  add({
    fn,
    why: "start missing",
    args: args(null, 0),
    error: "#VALUE!",
    message: "start is missing",
  });
  add({ fn, why: "an error value passed in", args: args({ code: "#N/A" }, 0), error: "#N/A" });
  add({
    fn,
    why: "Infinity",
    args: args(Infinity, 0),
    error: "#VALUE!",
    message: "start: Infinity is not a finite number",
  });
}
add({
  fn: "NRR.PARTS",
  why: "negative expansion",
  args: [100, -5, 0, 0],
  error: "#VALUE!",
  message: "expansion: -5 must be a number of at least 0",
});

// ---------------------------------------------------------------------------------------------
// Time series.

add({
  fn: "ANNUALIZE",
  why: "unknown kind",
  args: [0.02, "annual"],
  error: "#VALUE!",
  message: 'kind: "annual" is not one of "churn", "retention"',
});
add({ fn: "ANNUALIZE", why: "kind in upper case", args: [1.01, "RETENTION"], result: 1.01 ** 12 });
add({
  fn: "ANNUALIZE",
  why: "a churn rate above 1",
  args: [1.2],
  error: "#VALUE!",
  message: "monthly_rate: 1.2 must be a number of at most 1",
});
add({
  fn: "ANNUALIZE",
  why: "a negative net churn annualises too: 1 − 1.01^12",
  args: [-0.01],
  result: 1 - 1.01 ** 12,
});
add({
  fn: "ANNUALIZE",
  why: "a net churn so negative that its annual figure overflows",
  args: [-1e300],
  error: "#NUM!",
});
add({
  fn: "ANNUALIZE",
  why: "a negative rate",
  args: [-0.1, "retention"],
  error: "#VALUE!",
  message: "monthly_rate: -0.1 must be a number of at least 0",
});
add({
  fn: "ANNUALIZE",
  why: "a rate as text",
  args: ["2%"],
  error: "#VALUE!",
  message: 'monthly_rate: "2%" is text, not a number',
});
add({
  fn: "ANNUALIZE",
  why: "no rate",
  args: [null],
  error: "#VALUE!",
  message: "monthly_rate is missing",
});
add({
  fn: "ANNUALIZE",
  why: "a huge retention rate overflows",
  args: [1e300, "retention"],
  error: "#NUM!",
});
add({
  fn: "COMPOUND",
  why: "a blank period",
  args: [column(1.01, null, 0.99)],
  error: "#VALUE!",
  message: "rates row 2 is blank; every cell needs one of the rates",
});
add({
  fn: "COMPOUND",
  why: "a negative rate",
  args: [column(1.01, -0.5)],
  error: "#VALUE!",
  message: "rates row 2: -0.5 is negative; a retention rate cannot be below 0",
});
add({
  fn: "COMPOUND",
  why: "text in rates",
  args: [column(1.01, "n/a")],
  error: "#VALUE!",
  message: 'rates row 2: "n/a" is text, not a number; rates must be numbers',
});
add({
  fn: "COMPOUND",
  why: "no rates",
  args: [[]],
  error: "#VALUE!",
  message: "rates holds no rate",
});
add({
  fn: "COMPOUND",
  why: "a header and rates",
  args: [column("NRR", 1.1, 1.1)],
  result: 1.1 * 1.1,
});
add({ fn: "COMPOUND", why: "rates in a row", args: [[[1.1, 1.1]]], result: 1.1 * 1.1 });
for (const [months, message] of [
  [0, "months: 0 must be a whole number from 1 to 600"],
  [601, "months: 601 must be a whole number from 1 to 600"],
  [12.5, "months: 12.5 must be a whole number from 1 to 600"],
  [-3, "months: -3 must be a whole number from 1 to 600"],
  ["12", 'months: "12" is text, not a number'],
  [true, "months: TRUE is a logical value"],
  [Number.NaN, "months: NaN is not a finite number"],
] as const) {
  add({
    fn: "PROJECT",
    why: `months ${String(months)}`,
    args: [1000, 1, 0, months],
    error: "#VALUE!",
    message,
  });
}
add({
  fn: "PROJECT",
  why: "a negative start",
  args: [-1, 1, 0, 12],
  error: "#VALUE!",
  message: "start_mrr: -1 must be a number of at least 0",
});
add({
  fn: "PROJECT",
  why: "a negative new MRR",
  args: [1, 1, -10, 12],
  error: "#VALUE!",
  message: "new_mrr_per_month: -10 must be a number of at least 0",
});
add({
  fn: "PROJECT",
  why: "a projection that overflows",
  args: [1e300, 1e10, 0, 600],
  error: "#NUM!",
});
add({
  fn: "MRRMATRIX",
  why: "unknown period",
  args: [column("A"), column(45292), column(1), "weekly"],
  error: "#VALUE!",
  message: 'period: "weekly" is not one of "month", "quarter", "year"',
});
add({
  fn: "MRRMATRIX",
  why: "period in the wrong case",
  args: [column("A"), column(45292), column(1), "YEAR"],
  result: [
    ["customer", "2024-01-01"],
    ["A", 1],
  ],
});
add({
  fn: "MRRMATRIX",
  why: "an unreadable date",
  args: [column("A"), column("15/01/2024"), column(1)],
  error: "#VALUE!",
  message: 'dates row 1: "15/01/2024" is not a date',
});
add({
  fn: "MRRMATRIX",
  why: "a date serial out of range",
  args: [column("A"), column(-5), column(1)],
  error: "#VALUE!",
  message: "dates row 1: -5 is not a date",
});
add({
  fn: "MRRMATRIX",
  why: "a logical value as a date",
  args: [column("A"), column(true), column(1)],
  error: "#VALUE!",
  message: "dates row 1: TRUE is not a date",
});
add({
  fn: "MRRMATRIX",
  why: "a blank customer with an amount",
  args: [column(null), column(45292), column(5)],
  error: "#VALUE!",
  message: "customers row 1 is blank while its amount is 5",
});
add({
  fn: "MRRMATRIX",
  why: "text as an amount",
  args: [column("A"), column(45292), column("five")],
  error: "#VALUE!",
  message: 'amounts row 1: "five" is not a number',
});
add({
  fn: "MRRMATRIX",
  why: "columns of different lengths",
  args: [column("A", "B", "C"), column(45292), column(1)],
  error: "#VALUE!",
  message: "they have 3, 1 and 1 rows",
});
add({
  fn: "MRRMATRIX",
  why: "one row more in customers is its header when amounts or dates had theirs",
  args: [column("Customer", "B"), column("Date", 45292), column(1)],
  result: [
    ["customer", "2024-01-01"],
    ["B", 1],
  ],
});
add({
  fn: "MRRMATRIX",
  why: "one row more in customers while the data have no header is an off-by-one selection",
  args: [column("A", "B"), column(45292), column(1)],
  error: "#VALUE!",
  message:
    "customers has 2 rows and amounts 1 without a header row: one row more, so every id would sit one row off",
});
add({
  fn: "MRRMATRIX",
  why: "two-column customers",
  args: [
    [
      ["A", "B"],
      ["C", "D"],
    ],
    column(45292, 45293),
    column(1, 2),
  ],
  error: "#VALUE!",
  message: "customers must be one column",
});
add({
  fn: "MRRMATRIX",
  why: "an error value in amounts",
  args: [column("A"), column(45292), column({ code: "#DIV/0!" })],
  error: "#DIV/0!",
});
add({
  fn: "MRRMATRIX",
  why: "a span too long for a sheet's columns",
  args: [column("A", "A"), column("1900-01-01", "9999-12-01"), column(1, 1)],
  error: "#VALUE!",
  message: "more than a sheet can hold",
});
// MRRMATRIX's covers: what each ledger line pays for.
const COVERS_CHOICES = 'or one of "week", "month", "quarter", "year"';
for (const [why, covers, message] of [
  [
    "negative months",
    -12,
    `covers: -12 is not a service end date, a whole number of months from 1 to 600, ${COVERS_CHOICES}`,
  ],
  ["zero months", 0, "covers: 0 is not a service end date"],
  ["a fraction of a month", 2.5, "covers: 2.5 is not a service end date, a whole number of months"],
  [
    "an unknown word",
    "annual",
    `covers: "annual" is not a service end date, a whole number of months from 1 to 600, ${COVERS_CHOICES}`,
  ],
  ["text that is not a date", "31/12/2024", 'covers: "31/12/2024" is not a service end date'],
  ["a logical value", true, "covers: TRUE is not a service end date"],
  ["a number too large to be a date", 1e9, "covers: 1000000000 is not a service end date"],
  [
    "an end before the start",
    "2023-12-31",
    "covers: the service end 2023-12-31 is not after the line's date 2024-01-01 (dates row 1); numbers above 600 are end dates",
  ],
  [
    "an end on the start",
    45292,
    "covers: the service end 2024-01-01 is not after the line's date 2024-01-01",
  ],
  [
    "months meant as a number above 600, read as a date before the start",
    700,
    "the service end 1901-11-30 is not after",
  ],
] as [string, unknown, string][]) {
  add({
    fn: "MRRMATRIX",
    why: `covers: ${why}`,
    args: [column("A"), column(45292), column(100), null, covers],
    error: "#VALUE!",
    message,
  });
}
add({
  fn: "MRRMATRIX",
  why: "covers: a blank cell in a column of covers",
  args: [column("A", "B"), column(45292, 45292), column(1, 2), null, column("month", null)],
  error: "#VALUE!",
  message: "covers row 2: blank is not a service end date",
});
add({
  fn: "MRRMATRIX",
  why: "covers: a column one row longer than the ledger",
  args: [
    column("A", "B"),
    column(45292, 45292),
    column(1, 2),
    null,
    column("Interval", "month", "year"),
  ],
  error: "#VALUE!",
  message:
    "covers must be one value for all lines or have one row per ledger entry, like customers: covers has 3 rows, customers has 2",
});
add({
  fn: "MRRMATRIX",
  why: "covers: an error value is passed on",
  args: [column("A"), column(45292), column(1), null, column({ code: "#N/A" })],
  error: "#N/A",
});
add({
  fn: "MRRMATRIX",
  why: "covers: a service period wider than a sheet",
  args: [column("A"), column("1900-01-10"), column(1), null, "9999-12-01"],
  error: "#VALUE!",
  message: "more than a sheet can hold",
});
add({
  fn: "MRRMATRIX",
  why: "covers: credits beyond the month's charges name the customer and the month",
  args: [
    column("A", "A"),
    column("2024-01-10", "2024-03-01"),
    column(1200, -200),
    null,
    column("year", "month"),
  ],
  error: "#VALUE!",
  message: 'customer "A" has a negative total of -100 in the month starting 2024-03-01',
});
add({
  fn: "MRRMATRIX",
  why: "covers: words in any case, headers skipped with the ledger's, a year spread",
  args: [
    column("Customer", "A", "B"),
    column("Date", "2024-01-10", "2024-02-01"),
    column("Amount", 1200, 90),
    "quarter",
    column("Covers", " YEAR ", "Quarter"),
  ],
  result: [
    ["customer", "2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01"],
    ["A", 100, 100, 100, 100],
    ["B", 30, 0, 0, 0],
  ],
});

// FX: amounts into the reporting currency.
const FX_RATES = [
  ["Currency", "Date", "Rate"],
  ["EUR", "2024-01-01", 1.1],
  ["EUR", "2024-02-01", 1.08],
  ["USD", "2024-01-01", 1],
];
add({
  fn: "FX.CONVERT",
  why: "an unknown currency is #N/A naming the currency and the date",
  args: [column(100, 50), column("EUR", "GPB"), column("2024-02-10", "2024-02-11"), FX_RATES],
  error: "#N/A",
  message: 'amounts row 2: rates has no rate for "GPB" on or before 2024-02-11',
});
add({
  fn: "FX.CONVERT",
  why: "no rate on or before the amount's date is #N/A",
  args: [column("Amount", 100), column("Currency", "eur"), column("Date", "2023-12-31"), FX_RATES],
  error: "#N/A",
  message: 'amounts row 2: rates has no rate for "eur" on or before 2023-12-31',
});
add({
  fn: "FX.CONVERT",
  why: "no rate on or before as_of is #N/A",
  args: [column(100), column("EUR"), column("2024-03-01"), FX_RATES, "2023-06-30"],
  error: "#N/A",
  message: 'amounts row 1: rates has no rate for "EUR" on or before 2023-06-30',
});
add({
  fn: "FX.CONVERT",
  why: "a negative rate names the rates cell",
  args: [column(100), column("EUR"), column(45337), [["EUR", 45292, -1.08]]],
  error: "#VALUE!",
  message:
    "rates column 3: -1.08 is not a rate; a rate is a number above 0, in reporting-currency units per unit of the currency",
});
add({
  fn: "FX.CONVERT",
  why: "a zero rate names the rates cell",
  args: [
    column(100),
    column("EUR"),
    column(45337),
    [
      ["EUR", 45292, 1.1],
      ["EUR", 45300, 0],
    ],
  ],
  error: "#VALUE!",
  message: "rates row 2, column 3: 0 is not a rate",
});
add({
  fn: "FX.CONVERT",
  why: "a rate as text names the rates cell",
  args: [
    column(100),
    column("EUR"),
    column(45337),
    [
      ["Currency", "Date", "Rate"],
      ["EUR", 45292, "1,08"],
    ],
  ],
  error: "#VALUE!",
  message: 'rates row 2, column 3: "1,08" is not a rate',
});
add({
  fn: "FX.CONVERT",
  why: "a rate without its currency",
  args: [
    column(100),
    column("EUR"),
    column(45337),
    [
      ["EUR", 45292, 1.1],
      ["", 45300, 1.2],
    ],
  ],
  error: "#VALUE!",
  message: "rates row 2, column 1 is blank while its rate is 1.2; every rate needs its currency",
});
add({
  fn: "FX.CONVERT",
  why: "two different rates for one currency on one day",
  args: [
    column(100),
    column("EUR"),
    column(45337),
    [
      ["EUR", 45292, 1.1],
      [" eur", "2024-01-01", 1.2],
    ],
  ],
  error: "#VALUE!",
  message:
    'rates gives "EUR" two rates on 2024-01-01: 1.1 (rates row 1, column 3) and 1.2 (rates row 2, column 3); keep one',
});
add({
  fn: "FX.CONVERT",
  why: "rates that are not three columns",
  args: [column(100), column("EUR"), column(45337), [["EUR", 1.1]]],
  error: "#VALUE!",
  message: "rates must be a table of three columns, currency, date and rate, not 1 row × 2 columns",
});
add({
  fn: "FX.CONVERT",
  why: "a date that cannot be read",
  args: [column(100, 5), column("EUR"), column(45337, "soon"), FX_RATES],
  error: "#VALUE!",
  message: 'dates row 2: "soon" is not a date',
});
add({
  fn: "FX.CONVERT",
  why: "as_of that is not a date",
  args: [column(100), column("EUR"), column(45337), FX_RATES, "yesterday"],
  error: "#VALUE!",
  message: 'as_of: "yesterday" is not a date',
});
add({
  fn: "FX.CONVERT",
  why: "text as an amount",
  args: [column(100, "1,200"), column("EUR"), column(45337), FX_RATES],
  error: "#VALUE!",
  message: 'amounts row 2: "1,200" is not a number',
});
add({
  fn: "FX.CONVERT",
  why: "currencies one row longer than headerless amounts is an off-by-one selection",
  args: [column(100, 200), column("EUR", "EUR", "USD"), column(45337), FX_RATES],
  error: "#VALUE!",
  message:
    "currencies has 3 rows and amounts 2 without a header row: one row more, so every currency would sit one row off",
});
add({
  fn: "FX.CONVERT",
  why: "dates of another length than amounts",
  args: [column(100, 200, 300), column("EUR"), column(45337, 45337), FX_RATES],
  error: "#VALUE!",
  message: "amounts has 3 rows, currencies 1, dates 2",
});
add({
  fn: "FX.CONVERT",
  why: "an error value among the rates is passed on",
  args: [column(100), column("EUR"), column(45337), [["EUR", 45292, { code: "#DIV/0!" }]]],
  error: "#DIV/0!",
});
add({
  fn: "FX.CONVERT",
  why: "huge amounts times a rate overflow: #NUM!",
  args: [column(Number.MAX_VALUE), column("EUR"), column(45337), FX_RATES],
  error: "#NUM!",
});
add({
  fn: "FX.CONVERT",
  why: "the reporting currency (rate 1 throughout, or blank) needs no rate on the date; blanks stay blank",
  args: [
    column("Amount", 10, null, 20, -5),
    column("Cur", "usd", "", " ", "EUR"),
    column("Date", 40000, 40000, 40000, 45337),
    FX_RATES,
  ],
  result: [["Amount"], [10], [""], [20], [-5.4]],
});
add({
  fn: "COHORT",
  why: "unknown mode",
  args: [[[1, 2]], "revenues"],
  error: "#VALUE!",
  message: 'mode: "revenues" is not one of "revenue", "logo"',
});
add({
  fn: "COHORT",
  why: "mode in the wrong case",
  args: [[[1, 1]], "LOGO"],
  result: [
    ["cohort", 0, 1],
    [1, 1, 1],
  ],
});
add({
  fn: "COHORT",
  why: "text in the matrix",
  args: [[[1, "x"]]],
  error: "#VALUE!",
  message: 'mrr_matrix column 2: "x" is text',
});
add({
  fn: "COHORT",
  why: "a negative amount",
  args: [
    [
      [1, 2],
      [3, -4],
    ],
  ],
  error: "#VALUE!",
  message: "mrr_matrix row 2, column 2: -4 is negative",
});
add({
  fn: "COHORT",
  why: "a denormal first amount is a residue, not revenue: the customer's cohort starts at period 2",
  args: [[[5e-324, 1]]],
  result: [
    ["cohort", 0, 1],
    [2, 1, ""],
  ],
});

// ---------------------------------------------------------------------------------------------
// Surveys.

for (const fn of ["NPS", "NPS.BREAKDOWN", "NPS.MOE"]) {
  const value = (why: string, scores: unknown[][], message: string) =>
    add({ fn, why, args: [scores], error: "#VALUE!", message });
  value(
    "11",
    column(9, 11),
    "scores row 2: 11 is outside the scale; NPS scores are whole numbers from 0 to 10"
  );
  value("-1", column(-1), "scores row 1: -1 is outside the scale");
  value("7.5", column(7.5), "scores row 1: 7.5 is not a whole number");
  value("text", column(9, "ten"), 'scores row 2: "ten" is text, not a number');
  value(
    "a score stored as text",
    column(9, "9"),
    'scores row 2: "9" is text, not a number (a number stored as text? convert it with VALUE)'
  );
  value("a logical value", column(true), "scores row 1: TRUE is a logical value, not a number");
  value("NaN", column(Number.NaN), "scores row 1: NaN is not a score");
  value("Infinity", column(Infinity), "scores row 1: Infinity is not a score");
  add({ fn, why: "no responses", args: [column(null, "")], error: "#DIV/0!" });
  add({
    fn,
    why: "an error value is passed on",
    args: [column(9, { code: "#N/A" })],
    error: "#N/A",
  });
}
add({
  fn: "NPS",
  why: "a full-column reference with three answers",
  args: [fullColumn("NPS", 10, 9, 0)],
  result: (2 / 3 - 1 / 3) * 100,
});
add({ fn: "NPS", why: "0 is a detractor, not a blank", args: [column(10, 0)], result: 0 });
add({
  fn: "NPS.MOE",
  why: "confidence 1",
  args: [column(9, 0), 1],
  error: "#VALUE!",
  message: "confidence: 1 must be a number from 0.5 to 0.999",
});
add({
  fn: "NPS.MOE",
  why: "confidence 0.2",
  args: [column(9, 0), 0.2],
  error: "#VALUE!",
  message: "confidence: 0.2 must be a number from 0.5 to 0.999",
});
add({
  fn: "NPS.MOE",
  why: "confidence as a percentage number",
  args: [column(9, 0), 95],
  error: "#VALUE!",
  message: "confidence: 95 must be a number from 0.5 to 0.999",
});
add({
  fn: "NPS.MOE",
  why: "confidence as text",
  args: [column(9, 0), "high"],
  error: "#VALUE!",
  message: 'confidence: "high" is text, not a number',
});
add({
  fn: "NPS.TEST",
  why: "11 in the second sample",
  args: [column(9), column(11)],
  error: "#VALUE!",
  message: "scores_b row 1: 11 is outside the scale",
});
add({
  fn: "NPS.TEST",
  why: "no responses in the first sample",
  args: [column(null), column(9)],
  error: "#DIV/0!",
});
add({
  fn: "NPS.TEST",
  why: "text in the first sample",
  args: [column("x"), column(9)],
  error: "#VALUE!",
  message: 'scores_a row 1: "x" is text',
});
add({
  fn: "NPS.TEST",
  why: "identical samples",
  args: [column(9, 0, 7), column(0, 7, 9)],
  result: 1,
});
for (const fn of ["CSAT", "CES"]) {
  add({
    fn,
    why: "0 is off a 1-based scale",
    args: [column(3, 0)],
    error: "#VALUE!",
    message: "scores row 2: 0 is outside the scale",
  });
  add({
    fn,
    why: "a fraction",
    args: [column(3.5)],
    error: "#VALUE!",
    message: "scores row 1: 3.5 is not a whole number",
  });
  add({
    fn,
    why: "text",
    args: [column("good")],
    error: "#VALUE!",
    message: 'scores row 1: "good" is text',
  });
  add({ fn, why: "no responses", args: [column(null)], error: "#DIV/0!" });
  add({
    fn,
    why: "scale_max 1",
    args: [column(1), 1],
    error: "#VALUE!",
    message: "scale_max: 1 must be a whole number from 2 to 100",
  });
  add({
    fn,
    why: "scale_max 4.5",
    args: [column(1), 4.5],
    error: "#VALUE!",
    message: "scale_max: 4.5 must be a whole number from 2 to 100",
  });
  add({
    fn,
    why: "scale_max as text",
    args: [column(1), "five"],
    error: "#VALUE!",
    message: 'scale_max: "five" is text, not a number',
  });
}
add({
  fn: "CSAT",
  why: "6 on the default 1–5 scale",
  args: [column(5, 6)],
  error: "#VALUE!",
  message: "scores row 2: 6 is outside the scale",
});
add({
  fn: "CSAT",
  why: "unknown method",
  args: [column(5), null, "median"],
  error: "#VALUE!",
  message: 'method: "median" is not one of "top2", "mean", "top3", nor a whole score from 2 to 5',
});
add({ fn: "CSAT", why: "method in upper case", args: [column(5, 3), null, "MEAN"], result: 4 });
add({
  fn: "CES",
  why: "8 on the default 1–7 scale",
  args: [column(8)],
  error: "#VALUE!",
  message: "scores row 1: 8 is outside the scale",
});

// ---------------------------------------------------------------------------------------------
// Intervals, categories and sample sizes of surveys; ARPA, LTV, trailing churn; other tools'
// conventions. Spills with labels (NPS.CI, RATE.CI, RECONCILE) differ by language, so their
// results are checked in the functions' own tests and only their failures here.

const TEN_PROMOTERS = column(...Array.from({ length: 10 }, () => 10));
for (const fn of ["NPS.MOE", "NPS.CI"]) {
  add({
    fn,
    why: "an unknown method",
    args: [column(9, 0), null, "exact"],
    error: "#VALUE!",
    message: fn === "NPS.MOE" ? 'method: "exact" is not one of "wald", "adjusted"' : 'method: "exact" is not one of "adjusted", "wald"',
  });
  add({ fn, why: "no responses", args: [column(null, "")], error: "#DIV/0!" });
  add({
    fn,
    why: "a score of 11",
    args: [column(9, 11)],
    error: "#VALUE!",
    message: "scores row 2: 11 is outside the scale",
  });
  add({
    fn,
    why: "confidence as a percentage number",
    args: [column(9, 0), 95],
    error: "#VALUE!",
    message: "confidence: 95 must be a number from 0.5 to 0.999",
  });
}
add({ fn: "NPS.MOE", why: "10 promoters of 10: Wald says 0", args: [TEN_PROMOTERS], result: 0 });
add({
  fn: "NPS.MOE",
  why: "10 promoters of 10, adjusted: 29.4, not 0",
  args: [TEN_PROMOTERS, null, "ADJUSTED"],
  result: 1.959963984540054 * 100 * Math.sqrt((10.75 / 13 + 0.75 / 13 - (10 / 13) ** 2) / 13),
});
add({
  fn: "NPS.TEST",
  why: "an unknown method",
  args: [column(9), column(0), "t"],
  error: "#VALUE!",
  message: 'method: "t" is not one of "wald", "adjusted"',
});
add({
  fn: "NPS.TEST",
  why: "identical samples, adjusted",
  args: [column(9, 0, 7), column(0, 7, 9), "adjusted"],
  result: 1,
});
add({
  fn: "NPS.CATEGORY",
  why: "a score of 11",
  args: [column(10, 11)],
  error: "#VALUE!",
  message: "scores row 2: 11 is outside the scale",
});
add({
  fn: "NPS.CATEGORY",
  why: "text among the scores",
  args: [column(10, "nine")],
  error: "#VALUE!",
  message: 'scores row 2: "nine" is text, not a number',
});
add({
  fn: "NPS.CATEGORY",
  why: "blanks are not answers: an empty category",
  args: [column(10, null, 0, 7)],
  result: [["promoter"], [""], ["detractor"], ["passive"]],
});
add({
  fn: "NPS.CATEGORY",
  why: "an error value among the scores is passed on",
  args: [column(10, { code: "#N/A" })],
  error: "#N/A",
});
add({ fn: "NPS.SAMPLESIZE", why: "±10 points at 95%", args: [10], result: 382 });
add({ fn: "NPS.SAMPLESIZE", why: "±5 points at 95%, NPS 40 expected", args: [5, null, 40], result: 1288 });
add({
  fn: "NPS.SAMPLESIZE",
  why: "a margin of 0",
  args: [0],
  error: "#VALUE!",
  message: "margin: 0 must be a number above 0 and at most 100",
});
add({
  fn: "NPS.SAMPLESIZE",
  why: "a margin of 0.05 is 0.05 points, not 5: millions of answers, not a plausible number",
  args: [0.05],
  result: Math.ceil(1.959963984540054 ** 2 / 0.0005 ** 2 - 3),
});
add({
  fn: "NPS.SAMPLESIZE",
  why: "an expected NPS of 100",
  args: [5, null, 100],
  error: "#VALUE!",
  message: "expected_nps: 100 must be a number above -100 and below 100",
});
add({
  fn: "NPS.SAMPLESIZE",
  why: "a margin as text",
  args: ["5%"],
  error: "#VALUE!",
  message: 'margin: "5%" is text, not a number',
});
add({
  fn: "RATE.CI",
  why: "more successes than trials",
  args: [31, 30],
  error: "#VALUE!",
  message: "successes (31) is more than trials (30): a share cannot exceed 1",
});
add({ fn: "RATE.CI", why: "no trials", args: [0, 0], error: "#DIV/0!" });
add({
  fn: "RATE.CI",
  why: "a share given instead of a count",
  args: [0.2, 30],
  error: "#VALUE!",
  message: "successes: 0.2 must be a whole number of at least 0",
});
add({
  fn: "RATE.CI",
  why: "an error value passed on",
  args: [{ code: "#N/A" }, 30],
  error: "#N/A",
});
add({ fn: "CSAT", why: "top three boxes of 1–5", args: [column(5, 4, 3, 1), null, "top3"], result: 0.75 });
add({ fn: "CSAT", why: "satisfied from 8 on 1–10", args: [column(10, 9, 8, 7, 1), 10, 8], result: 0.6 });
add({
  fn: "CSAT",
  why: "a threshold above the scale",
  args: [column(5), 5, 6],
  error: "#VALUE!",
  message: 'method: 6 is not one of "top2", "mean", "top3", nor a whole score from 2 to 5',
});
add({
  fn: "CSAT",
  why: "top3 on a 1–3 scale would count every answer",
  args: [column(3, 1), 3, "top3"],
  error: "#VALUE!",
  message: 'method: "top3" needs a scale of more than 3 points',
});
add({ fn: "ARPA", why: "ChartMogul's example: $1,500 of MRR over 5 customers", args: [column(100, 100, 300, 500, 500)], result: 300 });
add({ fn: "ARPA", why: "a blank and a 0 are not paying customers", args: [column("MRR", 100, null, 0, 200)], result: 150 });
add({ fn: "ARPA", why: "no paying customer", args: [column(0, null)], error: "#DIV/0!" });
add({
  fn: "ARPA",
  why: "text in the MRR",
  args: [column(100, "1,200")],
  error: "#VALUE!",
  message: 'mrr row 2: "1,200" is text, not a number',
});
add({
  fn: "ARPA",
  why: "a segment that matches no row",
  args: [column(100), column("SMB"), "Ent"],
  error: "#N/A",
  message: 'segment "Ent" matches no row of segments',
});
add({ fn: "LTV", why: "ChartMogul's example: ARPA $100, churn 5%", args: [100, 0.05], result: 2000 });
add({ fn: "LTV", why: "with an 80% gross margin", args: [100, 0.05, 0.8], result: 1600 });
add({ fn: "LTV", why: "no churn: #DIV/0!, never an infinite value", args: [100, 0], error: "#DIV/0!" });
add({
  fn: "LTV",
  why: "churn given as a percentage number",
  args: [100, 5],
  error: "#VALUE!",
  message: "monthly_churn: 5 must be a number from 0 to 1",
});
add({
  fn: "LTV",
  why: "a margin given as a percentage number",
  args: [100, 0.05, 80],
  error: "#VALUE!",
  message: "gross_margin: 80 must be a number from 0 to 1",
});
add({ fn: "LTV", why: "an overflow is #NUM!", args: [1e308, 1e-300], error: "#NUM!" });
const NINE_MONTHS = [
  [100, 100, 100, 100, 100, 100, 100, 100, 0],
  [100, 100, 0, 0, 0, 0, 0, 0, 0],
];
add({
  fn: "CHURN.TRAILING",
  why: "six months before the latest: one customer of two lost in one of them",
  args: [NINE_MONTHS],
  result: 0.5 / 6,
});
add({
  fn: "CHURN.TRAILING",
  why: "too few periods for six months",
  args: [NINE_MONTHS.map((row) => row.slice(0, 7))],
  error: "#VALUE!",
  message: "mrr_matrix has 7 periods; the mean churn of the last 6 needs 8",
});
add({
  fn: "CHURN.TRAILING",
  why: "an unknown mode",
  args: [NINE_MONTHS, null, "arr"],
  error: "#VALUE!",
  message: 'mode: "arr" is not one of "logo", "revenue"',
});
add({
  fn: "CHURN.TRAILING",
  why: "months of 0",
  args: [NINE_MONTHS, 0],
  error: "#VALUE!",
  message: "months: 0 must be a whole number from 1 to 1200",
});
add({
  fn: "CHURN.TRAILING",
  why: "text inside the matrix",
  args: [[[100, 100, "x"], [1, 2, 3]], 1],
  error: "#VALUE!",
  message: 'mrr_matrix row 1, column 3: "x" is text',
});
add({
  fn: "RECONCILE",
  why: "ranges of different shapes",
  args: [column(1, 2, 3), column(1, 2)],
  error: "#VALUE!",
  message: "start_mrr and end_mrr must be the same shape",
});
add({
  fn: "RECONCILE",
  why: "a negative revenue",
  args: [column(100, -5), column(100, 5)],
  error: "#VALUE!",
  message: "start_mrr row 2: -5 is negative; revenue cannot be below 0",
});
add({
  fn: "RECONCILE",
  why: "an #N/A inside a range is passed on",
  args: [column(100, { code: "#N/A" }), column(1, 1)],
  error: "#N/A",
});
add({
  fn: "RECONCILE",
  why: "history of another length",
  args: [column(100, 50), column(90, 60), column(1)],
  error: "#VALUE!",
  message: "history must have one row per customer",
});

// ---------------------------------------------------------------------------------------------
// Trust at the boundary: off-by-one selections, money residues, ids that differ in case or
// type, overflow, spills larger than a sheet.

/** The arguments with segments in its place, wherever the function has it. */
function withSegments(fn: string, start: unknown, end: unknown, segments: unknown): unknown[] {
  return argsByName(fn, { start_mrr: start, end_mrr: end, segments });
}

for (const fn of TWO_COLUMN) {
  add({
    fn,
    why: "segments one row longer than headerless data: refused, never shifted",
    args: withSegments(fn, column(100, 50), column(10, 90), column("a", "b", "c")),
    error: "#VALUE!",
    message:
      "segments has 3 rows × 1 column and start_mrr 2 rows × 1 column without a header row: one row more, so every label would sit one row off",
  });
  add({
    fn,
    why: "segments one row longer whose first row is a logical value: refused all the same",
    args: withSegments(
      fn,
      column(100, 50, 70),
      column(0, 90, 10),
      column(true, false, true, true)
    ),
    error: "#VALUE!",
    message: "segments has 4 rows × 1 column and start_mrr 3 rows × 1 column without a header row",
  });
  // Customer 1 flat at 100, customer 2 new at 50 (its start a negative residue).
  const residueStart = [column(100, 0.3 - 0.2 - 0.1), column(100, 50)];
  add(
    fn === "QUICKRATIO"
      ? {
          fn,
          why: "a cell holding =0.3-0.2-0.1 (−2.8e-17) is 0: new 50, no losses",
          args: residueStart,
          error: "#DIV/0!",
        }
      : {
          fn,
          why: "a cell holding =0.3-0.2-0.1 (−2.8e-17) is 0, not a negative amount",
          args: residueStart,
          result: ["NRR", "GRR", "LOGORETENTION"].includes(fn) ? 1 : 0,
        }
  );
}
add({
  fn: "LOGORETENTION",
  why: "the save rate over at-risk flags selected one row too long is refused (aligned it is 0.5)",
  args: [column(100, 50, 70), column(0, 90, 10), column(true, false, true, true), true],
  error: "#VALUE!",
  message: "segments has 4 rows × 1 column and start_mrr 3 rows × 1 column without a header row",
});
add({
  fn: "LOGORETENTION",
  why: "the save rate over the same selection, aligned",
  args: [column(100, 50, 70), column(0, 90, 10), column(true, false, true), true],
  result: 0.5,
});
add({
  fn: "NRR",
  why: "segments selected with the data's header rows line up",
  args: [column("Jan", 100, 50), column("Feb", 10, 90), column("Plan", "a", "b")],
  result: [
    ["a", 0.1],
    ["b", 1.8],
    ["Total", 100 / 150],
  ],
});
add({
  fn: "LOGOCHURN",
  why: "a customer whose revenue is a residue (=0.1+0.2-0.3) is no customer",
  args: [column(100, 0.1 + 0.2 - 0.3), column(100, 0)],
  result: 0,
});
add({
  fn: "EXPANDERRATE",
  why: "0.3 then =0.1+0.2 is flat, not an expansion",
  args: [column(0.3, 100), column(0.1 + 0.2, 100)],
  result: 0,
});
add({
  fn: "NRR",
  why: "a residue next to revenue of 1e8 is 0 (the range's largest amount sets the bound)",
  args: [column(1e8, 50), column(1e8, -4e-9)],
  result: (1e8 + 0) / (1e8 + 50),
});
add({
  fn: "NRR",
  why: "a real negative amount is still refused",
  args: [column(100, 50), column(100, -0.01)],
  error: "#VALUE!",
  message: "end_mrr row 2: -0.01 is negative; revenue cannot be below 0",
});
add({
  fn: "MOVEMENT",
  why: "a fully credited customer (99.90 − 33.30 − 66.60 as a cell) churned",
  args: [column(99.9, 100), column(99.9 - 33.3 - 66.6, 100)],
  result: [["churn"], ["flat"]],
});
add({
  fn: "MRRBRIDGE",
  why: "amounts whose sum overflows: #NUM!, never Infinity",
  args: [column(1e308, 1e308), column(1e308, 1e308)],
  error: "#NUM!",
});
add({
  fn: "NRR.PARTS",
  why: "a residue as contraction is 0",
  args: [100, 10, 0.1 + 0.2 - 0.3, 0],
  result: 1.1,
});
add({
  fn: "PROJECT",
  why: "a residue as new MRR is 0",
  args: [100, 1, 0.3 - 0.2 - 0.1, 2],
  result: [[100], [100]],
});
add({
  fn: "MRRMATRIX",
  why: "99.90 charged, 33.30 + 66.60 credited in the month: exactly 0",
  args: [
    column("A", "A", "A", "B"),
    column("2024-01-05", "2024-01-20", "2024-01-21", "2024-01-05"),
    column(99.9, -33.3, -66.6, 10),
  ],
  result: [
    ["customer", "2024-01-01"],
    ["A", 0],
    ["B", 10],
  ],
});
add({
  fn: "MRRMATRIX",
  why: "credits a hair larger than the charge, by a residue, are 0 and not an error",
  args: [column("A", "A"), column("2024-01-05", "2024-01-20"), column(0.3, -(0.1 + 0.2))],
  result: [
    ["customer", "2024-01-01"],
    ["A", 0],
  ],
});
add({
  fn: "MRRMATRIX",
  why: "Acme and ACME are one customer, shown as first written; 1001 stays a number, apart from \"1001\"",
  args: [
    column("Acme", "ACME ", 1001, "1001"),
    column("2024-01-05", "2024-01-06", "2024-01-07", "2024-01-08"),
    column(10, 20, 30, 40),
  ],
  result: [
    ["customer", "2024-01-01"],
    ["Acme", 30],
    [1001, 30],
    ["1001", 40],
  ],
});
add({
  fn: "MRRMATRIX",
  why: "two amounts of 1e308 in one month overflow: #NUM!",
  args: [column("A", "A"), column("2024-01-05", "2024-01-06"), column(1e308, 1e308)],
  error: "#NUM!",
});
add({
  fn: "MRRMATRIX.SEGMENTS",
  why: "each customer's segment from its first line, ids matched as the matrix matches them",
  args: [
    column("Customer", "Acme", "Beta", "ACME"),
    column("Date", "2024-01-05", "2024-01-06", "2024-02-05"),
    column("Amount", 10, 20, 30),
    column("Plan", "SMB", "Enterprise", "Mid"),
  ],
  result: [["Plan"], ["SMB"], ["Enterprise"]],
});
add({
  fn: "MRRMATRIX.SEGMENTS",
  why: "a segment column without a header gets the header segment",
  args: [column(7, 7, 8), column(45292, 45293, 45294), column(1, 2, 3), column(1, 2, 3)],
  result: [["segment"], [1], [3]],
});
add({
  fn: "MRRMATRIX.SEGMENTS",
  why: "segments of another length than customers",
  args: [column("A", "B"), column(45292, 45293), column(1, 2), column("SMB")],
  error: "#VALUE!",
  message:
    "segments must have one row per ledger entry, like customers: segments has 1 rows, customers has 2",
});
add({
  fn: "MRRMATRIX.SEGMENTS",
  why: "a bad ledger is refused as MRRMATRIX refuses it",
  args: [column("A", "B"), column(45292, "soon"), column(1, 2), column("SMB", "Ent")],
  error: "#VALUE!",
  message: 'dates row 2: "soon" is not a date',
});
add({
  fn: "MRRMATRIX.SEGMENTS",
  why: "an error value among the segments is passed on",
  args: [column("A", "B"), column(45292, 45293), column(1, 2), column("SMB", { code: "#N/A" })],
  error: "#N/A",
});
add({
  fn: "COHORT",
  why: "a matrix of 16,384 periods would spill 16,385 columns: more than a sheet holds",
  args: [[Array.from({ length: 16_384 }, () => 1)]],
  error: "#VALUE!",
  message: "the result would be 2 rows × 16385 columns, more than a sheet holds",
});
add({
  fn: "NPS",
  why: "1,048,576 answers in as many segments would spill 1,048,577 rows: more than a sheet holds",
  args: [
    Array.from({ length: FULL_COLUMN }, () => [9]),
    Array.from({ length: FULL_COLUMN }, (_, r) => [`s${r}`]),
  ],
  error: "#VALUE!",
  message: "the result would be 1048577 rows × 2 columns, more than a sheet holds",
});
for (const fn of ["NPS", "CSAT", "CES"]) {
  add({
    fn,
    why: "segments one row longer than headerless scores: refused",
    args:
      fn === "NPS"
        ? [column(9, 3), column("a", "b", "c")]
        : [column(5, 3), null, ...(fn === "CSAT" ? [null] : []), column("a", "b", "c")],
    error: "#VALUE!",
    message: "segments has 3 rows × 1 column and scores 2 rows × 1 column without a header row",
  });
}
