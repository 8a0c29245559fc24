/**
 * `npm run metrics -- ledger.csv --from 2025-01 --to 2025-12 [--segment plan]`: the metric
 * definitions in SQL (src/sql) on an embedded DuckDB, over a ledger bigger than a sheet
 * (docs/warehouse.md). Prints the MRR bridge and the retention figures per segment and in total,
 * writes CSV files for Excel, or prints the SQL for a warehouse with --sql.
 *
 * Exit codes: 0 done, 1 the ledger has a problem (the message names column, row and value),
 * 2 the command line cannot be run as given.
 */
import { parseArgs } from "node:util";
import { type CohortMode, type PeriodUnit } from "../core";
import { DIALECT_NAMES, type SourceColumns, dialectNamed, printedScript } from "../sql";
import { openWithCore } from "./coreEngine";
import { ledgerColumns } from "./columns";
import { LedgerRefused, type LedgerRequest, type LedgerRun, UsageError } from "./ledgerRun";
import { periodFromText } from "./periods";
import { type Progress, SILENT } from "./progress";
import { reportText, writeAggregates, writeCohorts, writeMatrix, writeMovements } from "./report";

export const USAGE = `Usage: npm run metrics -- <ledger.csv | ledger.parquet> --from <period> --to <period> [options]

The MRR bridge, NRR, GRR, logo retention and MRR churn between two periods of a billing ledger,
per segment and in total, by the add-in's definitions written in SQL and run on DuckDB.

  --from, --to <period>      the periods compared: 2025-01 (month), 2025-Q1 (quarter), 2025 (year)
  --period month|quarter|year  the periods of the matrix and of the comparison (default: month)
  --segment <column>         figures per segment of this column (a customer's first line decides)
  --customer, --date, --amount, --covers <column>
                             name a column when its header's words do not say what it is
  --covers none              ignore what lines pay for: revenue billed per period, not MRR
  --aggregates <file.csv>    write the aggregates per segment (for SAAS.NRR.PARTS, SAAS.GRR.PARTS)
  --matrix <file.csv>        write the customers × periods matrix (as SAAS.MRRMATRIX spills it)
  --cohorts <file.csv>       write the cohort table (as SAAS.COHORT); --cohort-mode revenue|logo
  --movements <file.csv>     write each customer's movement (as SAAS.MOVEMENT)
  --sql ${DIALECT_NAMES.join("|")}
                             print the SQL instead of running it (the file, if given, names the columns)
  --engine duckdb|core       core: the add-in's calculation core in Node instead (CSV only), a cross-check
  --quiet                    no progress on stderr
`;

const UNITS: readonly PeriodUnit[] = ["month", "quarter", "year"];

export interface Outputs {
  readonly aggregates?: string;
  readonly matrix?: string;
  readonly cohorts?: string;
  readonly movements?: string;
}

export interface CommandLine {
  readonly request?: LedgerRequest;
  readonly sql?: string;
  readonly engine: "duckdb" | "core";
  readonly outputs: Outputs;
  readonly cohortMode: CohortMode;
  readonly quiet: boolean;
  readonly help: boolean;
  /** For --sql without a file: the columns and periods the script is for. */
  readonly columns: LedgerRequest["columns"];
  readonly unit: PeriodUnit;
  readonly startPeriod: string;
  readonly endPeriod: string;
}

function choice<T extends string>(
  value: string | undefined,
  choices: readonly T[],
  option: string,
  fallback: T
): T {
  if (value === undefined) return fallback;
  const found = choices.find((each) => each === value.trim().toLowerCase());
  if (found === undefined)
    throw new UsageError(`${option} ${value}: use one of ${choices.join(", ")}`);
  return found;
}

/** The command line read, or a UsageError saying what is wrong with it. */
export function readCommandLine(argv: readonly string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        from: { type: "string" },
        to: { type: "string" },
        period: { type: "string" },
        segment: { type: "string" },
        customer: { type: "string" },
        date: { type: "string" },
        amount: { type: "string" },
        covers: { type: "string" },
        aggregates: { type: "string" },
        matrix: { type: "string" },
        cohorts: { type: "string" },
        "cohort-mode": { type: "string" },
        movements: { type: "string" },
        sql: { type: "string" },
        engine: { type: "string" },
        quiet: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  if (positionals.length > 1) {
    throw new UsageError(`one ledger at a time: ${positionals.join(", ")}`);
  }
  const file = positionals[0];
  const unit = choice(values.period, UNITS, "--period", "month");
  const engine = choice(values.engine, ["duckdb", "core"] as const, "--engine", "duckdb");
  const cohortMode = choice(
    values["cohort-mode"],
    ["revenue", "logo"] as const,
    "--cohort-mode",
    "revenue"
  );
  if (values.sql !== undefined && dialectNamed(values.sql) === undefined) {
    throw new UsageError(`--sql ${values.sql}: use one of ${DIALECT_NAMES.join(", ")}`);
  }
  const noCovers = values.covers?.trim().toLowerCase() === "none";
  const columns = {
    ...(values.customer === undefined ? {} : { customer: values.customer }),
    ...(values.date === undefined ? {} : { date: values.date }),
    ...(values.amount === undefined ? {} : { amount: values.amount }),
    ...(values.covers === undefined || noCovers ? {} : { covers: values.covers }),
    ...(values.segment === undefined ? {} : { segment: values.segment }),
    ...(noCovers ? { noCovers } : {}),
  };
  const base = {
    sql: values.sql,
    engine,
    outputs: {
      ...(values.aggregates === undefined ? {} : { aggregates: values.aggregates }),
      ...(values.matrix === undefined ? {} : { matrix: values.matrix }),
      ...(values.cohorts === undefined ? {} : { cohorts: values.cohorts }),
      ...(values.movements === undefined ? {} : { movements: values.movements }),
    },
    cohortMode,
    quiet: values.quiet === true,
    help,
    columns,
    unit,
  };
  if (help) return { ...base, startPeriod: "", endPeriod: "" };
  if (file === undefined && values.sql === undefined) {
    throw new UsageError(
      "which ledger? give a CSV or Parquet file (or --sql <dialect> for the SQL alone)"
    );
  }
  if (values.from === undefined || values.to === undefined) {
    throw new UsageError(
      "--from and --to are needed: the periods to compare, e.g. --from 2025-01 --to 2025-12"
    );
  }
  const startPeriod = periodFromText(values.from, unit, "--from");
  const endPeriod = periodFromText(values.to, unit, "--to");
  if (startPeriod > endPeriod) {
    throw new UsageError(`--from ${values.from} is after --to ${values.to}: the start comes first`);
  }
  const request: LedgerRequest | undefined =
    file === undefined
      ? undefined
      : {
          file,
          format: /\.parquet$/i.test(file) ? "parquet" : "csv",
          columns,
          unit,
          startPeriod,
          endPeriod,
        };
  return { ...base, ...(request ? { request } : {}), startPeriod, endPeriod };
}

/** Opens a ledger with the engine asked for: the SQL on DuckDB, or the core in Node. */
export async function openLedger(
  request: LedgerRequest,
  engine: "duckdb" | "core",
  progress: Progress = SILENT
): Promise<LedgerRun> {
  if (engine === "core") return openWithCore(request, progress);
  // Loaded only when used: the core engine and --sql run without DuckDB's native library.
  const { openWithDuckDb } = await import("./duckdbEngine");
  return openWithDuckDb(request, progress);
}

/** The header of a ledger file, for --sql with a file: its columns name the script's source. */
async function headerOf(request: LedgerRequest): Promise<string[]> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const path = `'${request.file.replace(/'/g, "''")}'`;
    const from = request.format === "parquet" ? `read_parquet(${path})` : `read_csv(${path})`;
    const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`);
    return reader.getRowObjectsJson().map((row) => String(row.column_name));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function printSql(line: CommandLine, write: (text: string) => void): Promise<void> {
  const dialect = dialectNamed(line.sql as string)!;
  let source: SourceColumns | undefined;
  let servicePeriods = !line.columns.noCovers;
  if (line.request !== undefined) {
    const columns = ledgerColumns(await headerOf(line.request), line.columns);
    servicePeriods = columns.covers !== undefined;
    const path = `'${line.request.file.replace(/'/g, "''")}'`;
    source = {
      table:
        dialect.name === "duckdb"
          ? line.request.format === "parquet"
            ? `read_parquet(${path})`
            : `read_csv(${path})`
          : "billing_lines",
      ...columns,
    };
  }
  const options = {
    unit: line.unit,
    servicePeriods,
    segments: line.columns.segment !== undefined,
    startPeriod: line.startPeriod,
    endPeriod: line.endPeriod,
  };
  write(printedScript(options, dialect, source));
}

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly progress: Progress;
}

/** Runs the command line `argv`; the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let run: LedgerRun | undefined;
  try {
    const line = readCommandLine(argv);
    if (line.help) {
      io.stdout(USAGE);
      return 0;
    }
    if (line.sql !== undefined) {
      await printSql(line, io.stdout);
      return 0;
    }
    const progress = line.quiet ? SILENT : io.progress;
    run = await openLedger(line.request as LedgerRequest, line.engine, progress);
    const opened = run;
    const figures = await progress.step("figures", () => opened.figures());
    io.stdout(reportText(run.summary, figures));
    const { outputs } = line;
    const wrote: string[] = [];
    if (outputs.aggregates) {
      await writeAggregates(outputs.aggregates, figures);
      wrote.push(`aggregates: ${outputs.aggregates}`);
    }
    if (outputs.matrix) {
      await progress.step(`writing ${outputs.matrix}`, () =>
        writeMatrix(outputs.matrix as string, opened)
      );
      wrote.push(`matrix: ${outputs.matrix}`);
      if (run.summary.customers + 1 > 1_048_576) {
        io.stderr(
          `${outputs.matrix}: ${run.summary.customers.toLocaleString("en")} customers; Excel opens the first 1,048,575 of them\n`
        );
      }
    }
    if (outputs.cohorts) {
      const rows = await progress.step("cohorts", () => opened.cohorts(line.cohortMode));
      await writeCohorts(outputs.cohorts, rows, line.cohortMode);
      wrote.push(`cohorts (${line.cohortMode}): ${outputs.cohorts}`);
    }
    if (outputs.movements) {
      await progress.step(`writing ${outputs.movements}`, () =>
        writeMovements(outputs.movements as string, opened)
      );
      wrote.push(`movements: ${outputs.movements}`);
    }
    if (wrote.length > 0) io.stdout(`\nWrote ${wrote.join("; ")}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof LedgerRefused) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    const message = (error as Error).message ?? String(error);
    // DuckDB's own words for a file it cannot read (missing, not a CSV, not Parquet).
    io.stderr(`${message}\n`);
    return 1;
  } finally {
    run?.close();
  }
}
