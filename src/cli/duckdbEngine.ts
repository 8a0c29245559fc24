/**
 * The SQL definitions (src/sql) run on an embedded DuckDB: the ledger file is read into
 * ledger_lines by the core's reading rules (below), then the definitions' relations are made in
 * order and their queries read. Nothing of the figures is computed here: every number comes from
 * the SQL that --sql prints.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import {
  COVER_WORDS,
  type CohortMode,
  MAX_COVER_MONTHS,
  type Message,
  type MessageParams,
  type PeriodUnit,
  place,
  periodStartFromIndex,
  quoteCell,
  serialToIsoDate,
} from "../core";
import { errorText } from "../i18n/errors";
import { NUMBER_PATTERN, type Relation, dialectNamed, ledgerScript } from "../sql";
import { ledgerColumns } from "./columns";
import {
  type CohortRow,
  type LedgerColumns,
  LedgerRefused,
  type LedgerRequest,
  type LedgerRun,
  type MatrixRow,
  type MovementRow,
  type SegmentFigures,
} from "./ledgerRun";
import { periodsBetween } from "./periods";
import type { Progress } from "./progress";

const duckdb = dialectNamed("duckdb")!;

/** A text cell the way parseIsoDate (src/core/dates.ts) reads a date: year first, time ignored. */
const ISO_DATE_TEXT =
  "[[:space:]]*([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})(?:[T ][0-9:.]+(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?[[:space:]]*";
/** A number written plainly, with spaces around it as a cell may have them. */
const NUMBER_TEXT = `[[:space:]]*${NUMBER_PATTERN}[[:space:]]*`;
/** Dates before 1900 are not dates to Excel (isoDateToSerial refuses them). */
const FIRST_DATE = "DATE '1900-01-01'";

function sqlText(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function identifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** What a column holds in the file, as DuckDB types it (every column of a CSV is text). */
type ColumnKind = "text" | "date" | "number" | "other";

function kindOf(type: string): ColumnKind {
  if (/^(VARCHAR|TEXT|STRING)/i.test(type)) return "text";
  if (/^(DATE|TIMESTAMP)/i.test(type)) return "date";
  if (/^(DOUBLE|FLOAT|REAL|DECIMAL|NUMERIC|U?(TINY|SMALL|BIG|HUGE)?INT)/i.test(type))
    return "number";
  return "other";
}

/**
 * A text cell's date as parseIsoDate reads it (year first, time ignored), or NULL; the plain
 * yyyy-mm-dd of most files takes the short way. Dates before 1900 are refused after (FIRST_DATE).
 */
function isoDate(text: string): string {
  return `CASE
      WHEN regexp_full_match(${text}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN TRY_CAST(${text} AS DATE)
      WHEN regexp_full_match(${text}, '${ISO_DATE_TEXT}')
        THEN TRY_CAST(regexp_replace(${text}, '^${ISO_DATE_TEXT}$', '\\1-\\2-\\3') AS DATE)
    END`;
}

/** How one column of the file is read, in the three steps of sourceStatement. */
interface Reading {
  /** Step 1: the cell as it is, and as text for the messages. */
  readonly raw: string;
  readonly text: string;
  /** Step 2: the cell parsed, each parse once, from step 1's columns. */
  readonly parsed: (raw: string, text: string) => string;
}

/** A column read as readLedger reads its cells: a date, an amount, or (covers) as src/sql reads it. */
function reading(
  column: string,
  kind: ColumnKind,
  as: "date" | "amount" | "covers" | "text"
): Reading {
  const text = kind === "text" ? column : `CAST(${column} AS VARCHAR)`;
  const words = COVER_WORDS.map((word) => `'${word}'`).join(", ");
  const parsers: Record<typeof as, (raw: string, text: string) => string> = {
    date: (raw) =>
      kind === "date"
        ? `CAST(${raw} AS DATE)`
        : kind === "text"
          ? isoDate(raw)
          : "CAST(NULL AS DATE)",
    amount: (raw) =>
      kind === "number"
        ? `CAST(${raw} AS DOUBLE)`
        : kind === "text"
          ? `CASE WHEN regexp_full_match(${raw}, '${NUMBER_TEXT}') THEN TRY_CAST(${raw} AS DOUBLE) END`
          : "CAST(NULL AS DOUBLE)",
    // covers as the definitions read them: a word, a number, yyyy-mm-dd, or the text as it is
    covers: (raw, text) => {
      if (kind === "date") return `strftime(CAST(${raw} AS DATE), '%Y-%m-%d')`;
      if (kind !== "text") return text;
      const date = isoDate(raw);
      return `CASE
              WHEN LOWER(TRIM(${raw})) IN (${words}) THEN ${raw}
              WHEN regexp_full_match(${raw}, '${NUMBER_TEXT}') THEN TRIM(${raw})
              ELSE COALESCE(strftime(CASE WHEN (${date}) >= ${FIRST_DATE} THEN (${date}) END, '%Y-%m-%d'), ${raw})
            END`;
    },
    text: (_raw, text) => text,
  };
  return { raw: column, text, parsed: parsers[as] };
}

/**
 * The statement that reads the file into rm_source: every row (blank ones flagged, so that row
 * numbers stay the file's), its columns read as readLedger reads cells, and the first problem of
 * each row in readLedger's order: a blank customer, an amount that is not a number (or not
 * finite), a date that is not a date. Three steps, so that each cell is parsed once.
 */
function sourceStatement(from: string, columns: LedgerColumns, kinds: Map<string, string>): string {
  const read = (name: string | undefined, as: "date" | "amount" | "covers" | "text") =>
    name === undefined
      ? undefined
      : reading(identifier(name), kindOf(kinds.get(name) ?? "VARCHAR"), as);
  const parts = {
    customer: read(columns.customer, "text") as Reading,
    date: read(columns.date, "date") as Reading,
    amount: read(columns.amount, "amount") as Reading,
    covers: read(columns.covers, "covers"),
    segment: read(columns.segment, "text"),
  };
  const step1 = Object.entries(parts)
    .filter(([, part]) => part !== undefined)
    .map(([name, part]) => `${part?.raw} AS ${name}_raw, ${part?.text} AS ${name}_text`)
    .join(",\n      ");
  const step2 = (name: keyof typeof parts) => {
    const part = parts[name];
    if (part === undefined) return "CAST(NULL AS VARCHAR)";
    return part.parsed(`${name}_raw`, `${name}_text`);
  };
  const blank = (name: "customer" | "date" | "amount") =>
    `(${name}_raw IS NULL OR TRIM(${name}_text) = '')`;
  return `CREATE OR REPLACE TEMP TABLE rm_source AS
SELECT
  blank_row,
  CASE
    WHEN blank_row THEN NULL
    WHEN customer_blank THEN 'ledger.customerBlank'
    WHEN NOT amount_blank AND amount IS NULL THEN 'ledger.amountNotNumber'
    WHEN amount IS NOT NULL AND NOT isfinite(amount) THEN 'cell.notFinite'
    WHEN NOT (date_value >= ${FIRST_DATE}) OR date_value IS NULL THEN 'ledger.notDate'
  END AS problem,
  CASE
    WHEN blank_row THEN NULL
    WHEN customer_blank OR (NOT amount_blank AND (amount IS NULL OR NOT isfinite(amount))) THEN amount_text
    WHEN NOT (date_value >= ${FIRST_DATE}) OR date_value IS NULL THEN date_text
  END AS problem_text,
  customer,
  CASE WHEN date_value >= ${FIRST_DATE} THEN date_value END AS service_date,
  COALESCE(amount, 0) AS amount,
  covers,
  segment
FROM (
  SELECT
    ${blank("customer")} AND ${blank("date")} AND ${blank("amount")} AS blank_row,
    ${blank("customer")} AS customer_blank,
    ${blank("amount")} AS amount_blank,
    customer_text AS customer,
    ${step2("date")} AS date_value,
    date_text,
    ${step2("amount")} AS amount,
    amount_text,
    ${step2("covers")} AS covers,
    ${parts.segment === undefined ? "CAST(NULL AS VARCHAR)" : "segment_text"} AS segment
  FROM (
    SELECT
      ${step1}
    FROM ${from}
  )
)`;
}

/** A number or a text cell, as a message quotes it. */
function cellOf(text: string | null): unknown {
  if (text === null) return null;
  const number = new RegExp(`^\\s*${NUMBER_PATTERN}\\s*$`);
  return number.test(text) ? Number(text) : text;
}

type Row = Record<string, unknown>;

async function rowsOf(connection: DuckDBConnection, sql: string): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJson() as Row[];
}

function numberOf(value: unknown): number {
  return typeof value === "number" ? value : Number(value);
}

function ratioOf(value: unknown): number | null {
  return value === null || value === undefined ? null : numberOf(value);
}

/**
 * Opens `request.file` on a new in-memory DuckDB and makes every relation of the definitions;
 * a problem in the ledger is a LedgerRefused naming the column, the row and the value.
 */
export async function openWithDuckDb(
  request: LedgerRequest,
  progress: Progress
): Promise<LedgerRun> {
  const instance = await DuckDBInstance.create(":memory:", {
    // Spill to the system's temporary directory, not the working directory, past the memory limit.
    temp_directory: join(tmpdir(), `retention-metrics-${process.pid}.tmp`),
    preserve_insertion_order: "true",
  });
  const connection = await instance.connect();
  const close = () => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    await connection.run("SET enable_progress_bar = true");
    await connection.run("SET enable_progress_bar_print = false");
    await connection.run("SET progress_bar_time = 0");
    const percent = () => connection.progress.percentage;
    const run = (name: string, sql: string) =>
      progress.step(name, () => connection.run(sql), percent);

    const from =
      request.format === "parquet"
        ? `read_parquet(${sqlText(request.file)})`
        : `read_csv(${sqlText(request.file)}, all_varchar = true, header = true)`;
    const described = await rowsOf(connection, `DESCRIBE SELECT * FROM ${from}`);
    const kinds = new Map(
      described.map((row) => [String(row.column_name), String(row.column_type)])
    );
    const columns = ledgerColumns([...kinds.keys()], request.columns);
    // Row numbers as a sheet shows the file: the header is row 1 in a CSV; Parquet has none.
    const firstRow = request.format === "parquet" ? 1 : 2;

    await run(`reading ${request.file}`, sourceStatement(from, columns, kinds));
    await refuseBadRows(connection, request, columns, firstRow);
    await connection.run(`CREATE OR REPLACE TEMP VIEW ledger_lines AS
SELECT rowid + ${firstRow} AS line_no, customer, service_date, amount, covers, segment
FROM rm_source
WHERE NOT blank_row`);
    const [{ lines }] = (await rowsOf(
      connection,
      "SELECT COUNT(*) AS lines FROM ledger_lines"
    )) as [Row];
    if (numberOf(lines) === 0) {
      throw new LedgerRefused(
        `${request.file}: ${errorText({ key: "ledger.empty", params: {} }, "en")}`
      );
    }

    const options = {
      unit: request.unit,
      servicePeriods: columns.covers !== undefined,
      segments: columns.segment !== undefined,
      startPeriod: request.startPeriod,
      endPeriod: request.endPeriod,
    };
    const script = ledgerScript(options, duckdb);
    const make = (relation: Relation) =>
      run(stepName(relation), duckdb.createRelation(relation.name, relation.select));
    for (const relation of script.matrixRelations) await make(relation);
    await refuseProblems(connection, script.queries.problems.select, request, columns);
    for (const relation of script.movementRelations) await make(relation);
    let cohortsMade = false;

    const [counts] = (await rowsOf(
      connection,
      `SELECT (SELECT COUNT(*) FROM rm_customers) AS customers, first_period, last_period FROM rm_bounds`
    )) as [Row];
    const period = (value: unknown) => periodStartFromIndex(numberOf(value), request.unit);
    const firstPeriod = period(counts.first_period);
    const lastPeriod = period(counts.last_period);
    const periods = periodsBetween(firstPeriod, lastPeriod, request.unit);
    const firstIndex = numberOf(counts.first_period);

    return {
      summary: {
        file: request.file,
        columns,
        lines: numberOf(lines),
        customers: numberOf(counts.customers),
        unit: request.unit,
        firstPeriod,
        lastPeriod,
        startPeriod: request.startPeriod,
        endPeriod: request.endPeriod,
      },
      async figures() {
        const rows = await rowsOf(connection, script.queries.aggregates.select);
        return rows.map((row, i) => segmentFigures(row, i === rows.length - 1));
      },
      async matrix(each) {
        // The matrix wide, customer by customer: every customer, its non-zero cells from rm_periods.
        const result = await connection.stream(`SELECT c.customer, s.segment, p.period_no, p.revenue
FROM rm_customers c
JOIN rm_segments s ON s.segment_key = c.segment_key
LEFT JOIN rm_periods p ON p.customer_line = c.customer_line
ORDER BY c.customer_line, p.period_no`);
        let current: { customer: string; segment: string; revenue: Float64Array } | undefined;
        for await (const chunk of result.yieldRowsJson()) {
          for (const [customer, segment, periodNo, revenue] of chunk) {
            if (current === undefined || current.customer !== customer) {
              if (current !== undefined) await each(current as MatrixRow);
              current = {
                customer: String(customer),
                segment: String(segment),
                revenue: new Float64Array(periods.length),
              };
            }
            if (periodNo !== null)
              current.revenue[numberOf(periodNo) - firstIndex] = numberOf(revenue);
          }
        }
        if (current !== undefined) await each(current);
      },
      async cohorts(mode: CohortMode) {
        // Made when first asked for: most runs want the bridge and the rates only.
        if (!cohortsMade) for (const relation of script.cohortRelations) await make(relation);
        cohortsMade = true;
        const rows = await rowsOf(connection, script.queries.cohorts.select);
        const table: { cohortStart: string; retention: number[] }[] = [];
        for (const row of rows) {
          const start = String(row.cohort_start);
          if (table[table.length - 1]?.cohortStart !== start)
            table.push({ cohortStart: start, retention: [] });
          (table[table.length - 1] as CohortRow & { retention: number[] }).retention.push(
            numberOf(mode === "revenue" ? row.revenue_retention : row.logo_retention)
          );
        }
        return table;
      },
      async movements(each) {
        const result = await connection.stream(script.queries.movements.select);
        for await (const chunk of result.yieldRowsJson()) {
          for (const [customer, segment, startMrr, endMrr, movement] of chunk) {
            await each({
              customer: String(customer),
              segment: String(segment),
              startMrr: numberOf(startMrr),
              endMrr: numberOf(endMrr),
              movement: String(movement),
            } satisfies MovementRow);
          }
        }
      },
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

/** How a step is named while it runs. */
function stepName(relation: Relation): string {
  const names: Record<string, string> = {
    rm_customers: "customers",
    rm_lines: "lines and what they cover",
    rm_month_mrr: "spreading lines over months",
    rm_period_billed: "revenue billed per period",
    rm_periods: "the matrix",
    rm_movements: "movements",
    rm_cohort_cells: "cohorts",
  };
  return names[relation.name] ?? relation.name;
}

function segmentFigures(row: Row, total: boolean): SegmentFigures {
  return {
    segment: String(row.segment),
    total,
    startMrr: numberOf(row.start_mrr),
    expansionMrr: numberOf(row.expansion_mrr),
    contractionMrr: numberOf(row.contraction_mrr),
    churnedMrr: numberOf(row.churned_mrr),
    newMrr: numberOf(row.new_mrr),
    reactivationMrr: numberOf(row.reactivation_mrr),
    endMrr: numberOf(row.end_mrr),
    startingCustomers: numberOf(row.starting_customers),
    retainedCustomers: numberOf(row.retained_customers),
    churnedCustomers: numberOf(row.churned_customers),
    expandingCustomers: numberOf(row.expanding_customers),
    newCustomers: numberOf(row.new_customers),
    reactivatedCustomers: numberOf(row.reactivated_customers),
    nrr: ratioOf(row.nrr),
    grr: ratioOf(row.grr),
    logoRetention: ratioOf(row.logo_retention),
    mrrChurn: ratioOf(row.mrr_churn),
  };
}

/** `message` about the ledger file, in the words of the add-in's messages (src/i18n). */
function refused(file: string, message: Message, more: number): LedgerRefused {
  const others =
    more > 0
      ? ` (and ${more.toLocaleString("en")} more problem${more === 1 ? "" : "s"} of this kind or later)`
      : "";
  return new LedgerRefused(`${file}: ${errorText(message, "en")}${others}`);
}

/** A cell of the file as a message names it: its column's header and its row. */
function cellPlace(column: string, row: number) {
  // rows: any count above 1, so that the place reads "column row n".
  return place(column, row - 1, 0, row + 1, 1);
}

async function refuseBadRows(
  connection: DuckDBConnection,
  request: LedgerRequest,
  columns: LedgerColumns,
  firstRow: number
): Promise<void> {
  const rows = await rowsOf(
    connection,
    `SELECT rowid + ${firstRow} AS row_no, problem, problem_text, COUNT(*) OVER () AS problems
FROM rm_source WHERE problem IS NOT NULL ORDER BY rowid LIMIT 1`
  );
  const first = rows[0];
  if (first === undefined) return;
  const row = numberOf(first.row_no);
  const text = (first.problem_text ?? null) as string | null;
  const code = String(first.problem);
  const params: MessageParams =
    code === "ledger.customerBlank"
      ? { where: cellPlace(columns.customer, row), amount: quoteCell(cellOf(text)) }
      : code === "ledger.notDate"
        ? { where: cellPlace(columns.date, row), value: quoteCell(text) }
        : { where: cellPlace(columns.amount, row), value: quoteCell(text) };
  throw refused(request.file, { key: code, params }, numberOf(first.problems) - 1);
}

async function refuseProblems(
  connection: DuckDBConnection,
  problemsQuery: string,
  request: LedgerRequest,
  columns: LedgerColumns
): Promise<void> {
  const rows = await rowsOf(
    connection,
    `SELECT *, COUNT(*) OVER () AS problems FROM (${problemsQuery}) LIMIT 1`
  );
  const first = rows[0];
  if (first === undefined) return;
  const code = String(first.problem);
  const more = numberOf(first.problems) - 1;
  if (code === "ledger.negativeTotal") {
    const params: MessageParams = {
      customer: { label: String(first.customer) },
      unit: { term: String(first.period_unit) as PeriodUnit },
      start: String(first.period_start),
      total: numberOf(first.total),
    };
    throw refused(request.file, { key: code, params }, more);
  }
  const row = numberOf(first.line_no);
  const coversText = (first.cell_text ?? null) as string | null;
  const where = cellPlace(columns.covers as string, row);
  if (code === "covers.endNotAfterStart") {
    const end = cellOf(coversText);
    const params: MessageParams = {
      where,
      end: typeof end === "number" ? serialToIsoDate(end) : String(end),
      start: String(first.service_date),
      line: cellPlace(columns.date, row),
      max: MAX_COVER_MONTHS,
    };
    throw refused(request.file, { key: code, params }, more);
  }
  const params: MessageParams = {
    where,
    value: quoteCell(cellOf(coversText)),
    max: MAX_COVER_MONTHS,
    choices: { choices: COVER_WORDS },
  };
  throw refused(request.file, { key: code, params }, more);
}
