/**
 * From billing lines to the customers × periods matrix, in SQL (docs/metrics.md, "From billing
 * lines to MRR"): the same rules as src/core/ledger.ts (readLedger, mrrMatrix) and
 * src/core/spreading.ts (readCovers, coveredMrrMatrix), step for step, each a relation:
 *
 *   ledger_lines → rm_customers, rm_segments → rm_lines → rm_month_mrr (with service periods)
 *   or rm_period_billed (without) → rm_periods (the matrix, its non-zero cells), rm_bounds,
 *   rm_problems.
 *
 * Every constant comes from the core, so a definition changed there changes here too.
 */
import {
  BLANK_SEGMENT_LABEL,
  COVER_WORDS,
  COVER_WORD_MONTHS,
  DAYS_PER_MONTH,
  LAST_DATE_SERIAL,
  MAX_COVER_MONTHS,
  MONEY_RESIDUE,
  WEEKS_PER_MONTH,
} from "../core";
import type { Dialect } from "./dialects";
import {
  type LedgerOptions,
  SERIAL_EPOCH,
  double,
  lines,
  monthOf,
  periodOfMonth,
  periodStart,
} from "./expressions";

/** A relation the definitions build, in the order they build them. */
export interface Relation {
  readonly name: string;
  /** What it holds, printed above it. */
  readonly about: string;
  readonly select: string;
}

/** A number written plainly: 12, -3.5, 1e3 (the covers and amounts the command line reads). */
export const NUMBER_PATTERN = "[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?";
/** A date as ISO text, yyyy-mm-dd. */
export const ISO_DATE_PATTERN = "[0-9]{4}-[0-9]{2}-[0-9]{2}";

/** How ids and labels compare (src/core/ids.ts): without regard to case or surrounding spaces. */
export function lookupKey(text: string): string {
  return `LOWER(TRIM(${text}))`;
}

/** A sum as money (src/core/money.ts, moneySum): 0 within MONEY_RESIDUE of its largest term. */
function moneySum(sum: string, largestTerm: string, dialect: Dialect): string {
  return `CASE WHEN ABS(${sum}) <= ${double(MONEY_RESIDUE, dialect)} * ${largestTerm} THEN ${double(0, dialect)} ELSE ${sum} END`;
}

/**
 * Each customer: the key it is matched by, its first line (its place in the matrix and its id in
 * every relation after this one), its id as first written and its segment (its first line's).
 */
function customers(options: LedgerOptions, dialect: Dialect): Relation {
  const first = (value: string) => dialect.firstBy(value, "line_no");
  const segment = options.segments
    ? [
        `  ${first(lookupKey("COALESCE(segment, '')"))} AS segment_key,`,
        `  ${first("TRIM(COALESCE(segment, ''))")} AS segment_text`,
      ]
    : ["  '' AS segment_key,", "  '' AS segment_text"];
  return {
    name: "rm_customers",
    about:
      "Each customer, in the order of its first line: ids compare without regard to case or surrounding spaces, the first spelling is shown, and the first line's segment is the customer's.",
    select: lines(
      "SELECT",
      `  ${lookupKey("customer")} AS customer_key,`,
      "  MIN(line_no) AS customer_line,",
      `  ${first("TRIM(customer)")} AS customer,`,
      ...segment,
      "FROM ledger_lines",
      `GROUP BY ${lookupKey("customer")}`
    ),
  };
}

/** Each segment: its label as first written (a blank one has a label of its own) and its order. */
function segments(dialect: Dialect): Relation {
  return {
    name: "rm_segments",
    about:
      "Each segment, in the order its first customer appears; labels compare as ids do, and a blank segment is shown as (blank).",
    select: lines(
      "SELECT",
      "  segment_key,",
      "  MIN(customer_line) AS segment_order,",
      `  CASE WHEN segment_key = '' THEN '${BLANK_SEGMENT_LABEL}' ELSE ${dialect.firstBy("segment_text", "customer_line")} END AS segment`,
      "FROM rm_customers",
      "GROUP BY segment_key"
    ),
  };
}

/**
 * Each line with its customer, its month and day (the day as an Excel serial), and, with service
 * periods, what it covers: whole months to spread over (0 for a line shorter than a month), or
 * the factor that makes its amount a monthly run rate. NULL months: a covers value that is none
 * of the kinds below (rm_problems names the line).
 */
function ledgerLines(options: LedgerOptions, dialect: Dialect): Relation {
  const { double: dbl, integer } = dialect.types;
  const source = (extra: readonly string[]) =>
    lines(
      "SELECT",
      "  c.customer_line,",
      "  l.line_no,",
      "  l.service_date,",
      `  CAST(COALESCE(l.amount, 0) AS ${dbl}) AS amount,`,
      `  ${monthOf("l.service_date")} AS month_no,`,
      ...extra,
      `  ${dialect.daysBetween(SERIAL_EPOCH, "l.service_date")} AS day_no`,
      "FROM ledger_lines l",
      `JOIN rm_customers c ON c.customer_key = ${lookupKey("l.customer")}`
    );
  if (!options.servicePeriods) {
    return {
      name: "rm_lines",
      about: "Each line with its customer, month and period (no service periods: revenue billed).",
      select: lines(
        "SELECT",
        "  customer_line,",
        "  line_no,",
        "  amount,",
        "  month_no,",
        `  ${periodOfMonth("month_no", options.unit, dialect)} AS period_no`,
        "FROM (",
        indentBlock(source([])),
        ") l"
      ),
    };
  }
  const days = "(cover_end_day - day_no)";
  const exactMonths = `CAST(${days} AS ${dbl}) / ${double(DAYS_PER_MONTH, dialect)}`;
  const words = COVER_WORDS.map(
    (word, i) => `    WHEN cover_word = '${word}' THEN ${COVER_WORD_MONTHS[i] as number}`
  );
  const week = COVER_WORDS[COVER_WORD_MONTHS.indexOf(0)] as string;
  const isWord = `LOWER(cover_text) IN (${COVER_WORDS.map((word) => `'${word}'`).join(", ")})`;
  return {
    name: "rm_lines",
    about:
      "Each line with its customer, month, day (an Excel serial) and what it covers: a word, a whole number of months, or a service end date (whole months, rounded; under half a month, a run rate).",
    select: lines(
      "SELECT",
      "  customer_line,",
      "  line_no,",
      "  service_date,",
      "  amount,",
      "  covers,",
      "  month_no,",
      "  day_no,",
      "  cover_end_day,",
      "  CASE",
      ...words,
      `    WHEN cover_number >= 1 AND cover_number <= ${MAX_COVER_MONTHS} AND cover_number = FLOOR(cover_number)`,
      `      THEN CAST(cover_number AS ${integer})`,
      "    -- an end date: the nearest whole number of months, when half a month or more",
      `    WHEN cover_end_day > day_no AND ${exactMonths} >= 0.5`,
      `      THEN CAST(ROUND(${exactMonths}) AS ${integer})`,
      "    WHEN cover_end_day > day_no THEN 0",
      "  END AS cover_months,",
      "  -- a line shorter than a month: amount × rate_factor is the month's run rate",
      "  CASE",
      `    WHEN cover_word = '${week}' THEN ${double(WEEKS_PER_MONTH, dialect)}`,
      `    WHEN cover_end_day > day_no AND ${exactMonths} < 0.5`,
      `      THEN ${double(DAYS_PER_MONTH, dialect)} / CAST(NULLIF(${days}, 0) AS ${dbl})`,
      "  END AS rate_factor",
      "FROM (",
      "  -- a service end date: a date serial (a number above the most months) or yyyy-mm-dd",
      "  SELECT",
      "    l.*,",
      "    CASE",
      `      WHEN cover_number > ${MAX_COVER_MONTHS} AND cover_number < ${LAST_DATE_SERIAL + 1}`,
      `        THEN CAST(FLOOR(cover_number) AS ${integer})`,
      "      ELSE cover_date_day",
      "    END AS cover_end_day",
      "  FROM (",
      "    -- each covers text read once: a word, else a number, else a date (words skip the rest)",
      "    SELECT",
      "      l.*,",
      "      LOWER(cover_text) AS cover_word,",
      `      CASE WHEN ${isWord} THEN NULL WHEN ${dialect.matches("cover_text", NUMBER_PATTERN)}`,
      `        THEN ${dialect.tryDouble("cover_text")} END AS cover_number,`,
      `      CASE WHEN ${isWord} THEN NULL WHEN ${dialect.matches("cover_text", ISO_DATE_PATTERN)}`,
      `        THEN ${dialect.daysBetween(SERIAL_EPOCH, dialect.tryDate("cover_text"))} END AS cover_date_day`,
      "    FROM (",
      indentBlock(source(["  l.covers,", "  TRIM(l.covers) AS cover_text,"]), 6),
      "    ) l",
      "  ) l",
      ") l"
    ),
  };
}

function indentBlock(text: string, spaces = 2): string {
  const pad = " ".repeat(spaces);
  return text
    .split("\n")
    .map((line) => pad + line)
    .join("\n");
}

/**
 * Every line spread over the months it pays for, each customer's month added up as money: with
 * service periods, the MRR of each customer in each month (coveredMrrMatrix).
 * - a line of n months adds amount / n to each of its n months (rm_cover_offsets lists them);
 * - lines shorter than a month set a run rate that does not add up: the month's rate is that of
 *   its last charge date (the latest short line of 0 or more), with the credits dated on or after
 *   it; lines of one date add up;
 * - the month's total is money: 0 within MONEY_RESIDUE of its largest term.
 */
function monthMrr(dialect: Dialect): Relation[] {
  return [
    {
      name: "rm_cover_offsets",
      about: `The months of a line that covers n months: (n, k) for k = 0 … n − 1, n up to ${MAX_COVER_MONTHS}.`,
      select: lines(
        "SELECT months.k + 1 AS n, offsets.k",
        `FROM (${dialect.series(MAX_COVER_MONTHS)}) months`,
        `JOIN (${dialect.series(MAX_COVER_MONTHS)}) offsets ON offsets.k <= months.k`
      ),
    },
    {
      name: "rm_month_mrr",
      about:
        "The MRR of each customer in each month any line pays for: spread lines, run rates, and the total as money (negative totals are problems).",
      select: lines(
        "SELECT",
        "  customer_line,",
        "  month_no,",
        `  ${moneySum("month_sum", "largest_term", dialect)} AS revenue`,
        "FROM (",
        "  SELECT customer_line, month_no, SUM(term) AS month_sum, MAX(ABS(term)) AS largest_term",
        "  FROM (",
        "    -- a line of n months: amount / n in each of them",
        "    SELECT l.customer_line, l.month_no + o.k AS month_no, l.amount / l.cover_months AS term",
        "    FROM rm_lines l",
        "    JOIN rm_cover_offsets o ON o.n = l.cover_months",
        "    UNION ALL",
        "    -- lines shorter than a month: the run rates dated on or after the month's last charge",
        "    SELECT customer_line, month_no, term",
        "    FROM (",
        "      SELECT",
        "        customer_line,",
        "        month_no,",
        "        day_no,",
        "        amount * rate_factor AS term,",
        "        MAX(CASE WHEN amount >= 0 THEN day_no END)",
        "          OVER (PARTITION BY customer_line, month_no) AS last_charge_day",
        "      FROM rm_lines",
        "      WHERE cover_months = 0",
        "    ) short_lines",
        "    WHERE last_charge_day IS NULL OR day_no >= last_charge_day",
        "  ) terms",
        "  GROUP BY customer_line, month_no",
        ") months"
      ),
    },
  ];
}

/** Without service periods: each customer's amounts in each period, added up as money (mrrMatrix). */
function periodBilled(dialect: Dialect): Relation {
  return {
    name: "rm_period_billed",
    about:
      "The revenue billed to each customer in each period, added up as money (negative totals are problems). Not MRR: an annual invoice is one spike.",
    select: lines(
      "SELECT",
      "  customer_line,",
      "  period_no,",
      `  ${moneySum("period_sum", "largest_term", dialect)} AS revenue`,
      "FROM (",
      "  SELECT customer_line, period_no, SUM(amount) AS period_sum, MAX(ABS(amount)) AS largest_term",
      "  FROM rm_lines",
      "  GROUP BY customer_line, period_no",
      ") periods"
    ),
  };
}

/**
 * The matrix: each customer's revenue in each period, its non-zero cells only (a missing cell is
 * 0). With service periods, a quarter or a year holds the MRR of its last month.
 */
function periods(options: LedgerOptions, dialect: Dialect): Relation {
  const about =
    "The customers × periods matrix, its non-zero cells (a missing cell is 0); with service periods a quarter or year holds its last month's MRR.";
  if (!options.servicePeriods) {
    return {
      name: "rm_periods",
      about,
      select: lines(
        "SELECT customer_line, period_no, revenue",
        "FROM rm_period_billed",
        "WHERE revenue <> 0"
      ),
    };
  }
  const lastMonth =
    options.unit === "month"
      ? []
      : [
          `  AND MOD(month_no, ${options.unit === "quarter" ? 3 : 12}) = ${options.unit === "quarter" ? 2 : 11}`,
        ];
  return {
    name: "rm_periods",
    about,
    select: lines(
      `SELECT customer_line, ${periodOfMonth("month_no", options.unit, dialect)} AS period_no, revenue`,
      "FROM rm_month_mrr",
      "WHERE revenue <> 0",
      ...lastMonth
    ),
  };
}

/** The matrix's first and last period: from the first line's to the last one any line pays for. */
function bounds(options: LedgerOptions, dialect: Dialect): Relation {
  const period = (month: string) => periodOfMonth(month, options.unit, dialect);
  const last = options.servicePeriods
    ? period("MAX(month_no + CASE WHEN cover_months > 1 THEN cover_months - 1 ELSE 0 END)")
    : "MAX(period_no)";
  return {
    name: "rm_bounds",
    about:
      "The matrix's first and last period: from the first line's to the last any line pays for.",
    select: lines(
      "SELECT",
      `  ${options.servicePeriods ? period("MIN(month_no)") : "MIN(period_no)"} AS first_period,`,
      `  ${last} AS last_period`,
      "FROM rm_lines"
    ),
  };
}

/**
 * What stops the figures, in the order the core reports it: a covers value that is none of the
 * kinds (or an end not after the line's date), line by line; then a customer's negative total,
 * customer by customer and month by month (credits beyond the charges).
 */
function problems(options: LedgerOptions, dialect: Dialect): Relation {
  const { double: dbl, integer, text } = dialect.types;
  const negative = options.servicePeriods
    ? lines(
        "SELECT",
        "  2 AS problem_order, 'ledger.negativeTotal' AS problem,",
        `  CAST(NULL AS ${integer}) AS line_no, customer_line, month_no AS period_no,`,
        `  'month' AS period_unit, ${periodStart("month_no", "month", dialect)} AS period_start,`,
        `  CAST(NULL AS DATE) AS service_date, CAST(NULL AS ${text}) AS cell_text, revenue AS total`,
        "FROM rm_month_mrr",
        "WHERE revenue < 0"
      )
    : lines(
        "SELECT",
        "  2 AS problem_order, 'ledger.negativeTotal' AS problem,",
        `  CAST(NULL AS ${integer}) AS line_no, customer_line, period_no,`,
        `  '${options.unit}' AS period_unit, ${periodStart("period_no", options.unit, dialect)} AS period_start,`,
        `  CAST(NULL AS DATE) AS service_date, CAST(NULL AS ${text}) AS cell_text, revenue AS total`,
        "FROM rm_period_billed",
        "WHERE revenue < 0"
      );
  const covers = lines(
    "SELECT",
    "  1 AS problem_order,",
    "  CASE WHEN cover_end_day IS NOT NULL THEN 'covers.endNotAfterStart' ELSE 'covers.notCovers' END AS problem,",
    `  line_no, customer_line, CAST(NULL AS ${integer}) AS period_no,`,
    `  CAST(NULL AS ${text}) AS period_unit, CAST(NULL AS DATE) AS period_start,`,
    `  service_date, covers AS cell_text, CAST(NULL AS ${dbl}) AS total`,
    "FROM rm_lines",
    "WHERE cover_months IS NULL",
    "UNION ALL"
  );
  return {
    name: "rm_problems",
    about:
      "What stops the figures: covers that are none of the kinds, then a customer's negative total in a month (credits beyond the charges). Empty when all is well.",
    select: options.servicePeriods ? lines(covers, negative) : negative,
  };
}

/**
 * The relations from ledger_lines to the matrix, in the order they are made.
 *
 * @example ledgerRelations({ unit: "month", servicePeriods: true, … }, duckdb).map((r) => r.name)
 *   → rm_customers, rm_segments, rm_lines, rm_cover_offsets, rm_month_mrr, rm_periods, rm_bounds, rm_problems
 */
export function ledgerRelations(options: LedgerOptions, dialect: Dialect): Relation[] {
  return [
    customers(options, dialect),
    segments(dialect),
    ledgerLines(options, dialect),
    ...(options.servicePeriods ? monthMrr(dialect) : [periodBilled(dialect)]),
    periods(options, dialect),
    bounds(options, dialect),
    problems(options, dialect),
  ];
}
