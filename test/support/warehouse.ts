/**
 * The same ledger through both engines of the command line (docs/warehouse.md): the SQL
 * definitions on DuckDB and the calculation core in Node, from one CSV file. The property tests
 * (test/sql) use it on random ledgers; `expectSqlAgreesWithCore` is the hook for any fixed ledger,
 * such as a sample workbook's billing sheet turned into CSV with `csvOfSheet`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { type CohortMode, type PeriodUnit, readDate } from "../../src/core";
import { csvCell } from "../../src/cli/report";
import {
  type CohortRow,
  LedgerRefused,
  type LedgerRequest,
  type LedgerSummary,
  type MatrixRow,
  type MovementRow,
  type SegmentFigures,
} from "../../src/cli/ledgerRun";
import { openLedger } from "../../src/cli/metrics";

/** Everything an engine says about one ledger, or the words it refused it with. */
export type EngineAnswer =
  | {
      readonly refused: false;
      readonly summary: LedgerSummary;
      readonly figures: SegmentFigures[];
      readonly matrix: MatrixRow[];
      readonly movements: MovementRow[];
      readonly cohorts: Record<CohortMode, CohortRow[]>;
    }
  | { readonly refused: true; readonly message: string };

export interface Comparison {
  readonly from: string;
  readonly to: string;
  readonly unit: PeriodUnit;
  /** The segment column's header, when the figures are wanted per segment. */
  readonly segment?: string;
  /** "none" to read the ledger without its covers column (revenue billed). */
  readonly covers?: string;
}

/** A CSV file's text from rows of cells (the first row the header). */
export function csvText(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map((cell) => (cell === null ? "" : csvCell(cell))).join(",")).join("\n");
}

/**
 * A sheet's rows (as a workbook holds them: dates as serials or Date objects) as CSV text for the
 * command line: the cells of `dateColumns` (0-based) written as yyyy-mm-dd, numbers as numbers.
 *
 * @example csvOfSheet([["Customer", "Date", "Amount"], ["Acme", 45306, 100]], [1])
 *   === "Customer,Date,Amount\nAcme,2024-01-15,100"
 */
export function csvOfSheet(rows: readonly (readonly unknown[])[], dateColumns: readonly number[]): string {
  return csvText(
    rows.map((row, r) =>
      row.map((cell, c) => {
        if (cell === null || cell === undefined || cell === "") return null;
        if (r > 0 && dateColumns.includes(c) && (typeof cell === "number" || cell instanceof Date)) {
          return readDate(cell) ?? String(cell);
        }
        return typeof cell === "number" ? cell : String(cell);
      })
    )
  );
}

async function answerOf(request: LedgerRequest, engine: "duckdb" | "core"): Promise<EngineAnswer> {
  let run;
  try {
    run = await openLedger(request, engine);
    const figures = await run.figures();
    const matrix: MatrixRow[] = [];
    await run.matrix((row) => {
      matrix.push({ ...row, revenue: Array.from(row.revenue) });
    });
    const movements: MovementRow[] = [];
    await run.movements((row) => {
      movements.push(row);
    });
    const cohorts = { revenue: await run.cohorts("revenue"), logo: await run.cohorts("logo") };
    return { refused: false, summary: run.summary, figures, matrix, movements, cohorts };
  } catch (error) {
    if (error instanceof LedgerRefused) return { refused: true, message: error.message };
    throw error;
  } finally {
    run?.close();
  }
}

/** Both engines' answers for the ledger in `csv`, compared over `comparison`. */
export async function bothEngines(
  csv: string,
  comparison: Comparison
): Promise<{ sql: EngineAnswer; core: EngineAnswer }> {
  const folder = mkdtempSync(join(tmpdir(), "retention-warehouse-"));
  try {
    const file = join(folder, "ledger.csv");
    writeFileSync(file, csv);
    const request: LedgerRequest = {
      file,
      format: "csv",
      columns: {
        ...(comparison.segment === undefined ? {} : { segment: comparison.segment }),
        ...(comparison.covers === "none" ? { noCovers: true } : {}),
      },
      unit: comparison.unit,
      startPeriod: comparison.from,
      endPeriod: comparison.to,
    };
    return { sql: await answerOf(request, "duckdb"), core: await answerOf(request, "core") };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Money to the cent: a difference under half a cent. */
function expectCents(actual: number, expected: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThan(0.005);
}

/** A ratio to 9 significant digits (each engine adds its terms in its own order). */
function expectRatio(actual: number | null, expected: number | null, what: string): void {
  if (actual === null || expected === null) {
    expect(actual, what).toBe(expected);
    return;
  }
  const scale = Math.max(1, Math.abs(expected));
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(scale * 1e-9);
}

/** A refusal's words without the count of further problems (only DuckDB counts them). */
function refusal(message: string): string {
  return message
    .replace(/ \(and [\d,]+ more problems? of this kind or later\)$/, "")
    .replace(/-?\d+\.\d+/g, (number) => Number(number).toFixed(2));
}

/**
 * The SQL on DuckDB and the core give the same answer: both refuse the ledger with the same words,
 * or both give the same figures to the cent, the same segments and movement labels in the same
 * order, the same matrix and the same cohort tables.
 */
export function expectSameAnswer(sql: EngineAnswer, core: EngineAnswer): void {
  if (sql.refused || core.refused) {
    expect(sql.refused && refusal(sql.message), "refusal").toBe(core.refused && refusal(core.message));
    return;
  }
  expect(sql.summary).toEqual(core.summary);
  expect(sql.figures.map((f) => [f.segment, f.total])).toEqual(core.figures.map((f) => [f.segment, f.total]));
  sql.figures.forEach((s, i) => {
    const c = core.figures[i] as SegmentFigures;
    for (const key of ["startMrr", "expansionMrr", "contractionMrr", "churnedMrr", "newMrr", "reactivationMrr", "endMrr"] as const) {
      expectCents(s[key], c[key], `${s.segment} ${key}`);
    }
    for (const key of ["startingCustomers", "retainedCustomers", "churnedCustomers", "expandingCustomers", "newCustomers", "reactivatedCustomers"] as const) {
      expect(s[key], `${s.segment} ${key}`).toBe(c[key]);
    }
    for (const key of ["nrr", "grr", "logoRetention", "mrrChurn"] as const) {
      expectRatio(s[key], c[key], `${s.segment} ${key}`);
    }
  });
  expect(sql.matrix.map((row) => [row.customer, row.segment])).toEqual(core.matrix.map((row) => [row.customer, row.segment]));
  sql.matrix.forEach((row, r) => {
    const other = core.matrix[r] as MatrixRow;
    expect(row.revenue.length).toBe(other.revenue.length);
    for (let p = 0; p < row.revenue.length; p++) {
      expectCents(row.revenue[p] as number, other.revenue[p] as number, `${row.customer} period ${p}`);
    }
  });
  expect(sql.movements.map((m) => [m.customer, m.segment, m.movement])).toEqual(
    core.movements.map((m) => [m.customer, m.segment, m.movement])
  );
  for (const mode of ["revenue", "logo"] as const) {
    const a = sql.cohorts[mode];
    const b = core.cohorts[mode];
    expect(a.map((row) => [row.cohortStart, row.retention.length])).toEqual(b.map((row) => [row.cohortStart, row.retention.length]));
    a.forEach((row, r) =>
      row.retention.forEach((value, age) =>
        expectRatio(value, (b[r] as CohortRow).retention[age] as number, `${mode} cohort ${row.cohortStart} age ${age}`)
      )
    );
  }
}

/**
 * The hook for a fixed ledger (the sample workbook's billing sheet, say): its CSV text through
 * both engines, which must agree. Returns the SQL's answer for further checks.
 *
 * @example await expectSqlAgreesWithCore(csvOfSheet(billingRows, [1, 3]),
 *   { from: "2025-01-01", to: "2025-12-01", unit: "month", segment: "Plan" })
 */
export async function expectSqlAgreesWithCore(csv: string, comparison: Comparison): Promise<EngineAnswer> {
  const { sql, core } = await bothEngines(csv, comparison);
  expectSameAnswer(sql, core);
  return sql;
}
