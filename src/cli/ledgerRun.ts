/**
 * What the command line asks of a ledger, and what either engine gives back (docs/warehouse.md):
 * the SQL definitions on DuckDB (duckdbEngine.ts) or the calculation core in Node (coreEngine.ts).
 * Both answer in the same shapes, so the tests can require the same figures from each.
 */
import type { CohortMode, PeriodUnit } from "../core";

/** The ledger's columns, as named in its header. */
export interface LedgerColumns {
  readonly customer: string;
  readonly date: string;
  readonly amount: string;
  /** What each line pays for; absent: the matrix holds revenue billed, not MRR. */
  readonly covers?: string;
  readonly segment?: string;
}

/** A ledger to read and the two periods to compare. */
export interface LedgerRequest {
  readonly file: string;
  readonly format: "csv" | "parquet";
  /** Columns named on the command line; the others are found by their header's words. */
  readonly columns: Partial<LedgerColumns> & { readonly noCovers?: boolean };
  readonly unit: PeriodUnit;
  /** The first day (yyyy-mm-dd) of the period at the start and at the end of the comparison. */
  readonly startPeriod: string;
  readonly endPeriod: string;
}

export interface LedgerSummary {
  readonly file: string;
  readonly columns: LedgerColumns;
  /** Ledger lines read (blank rows left out) and customers. */
  readonly lines: number;
  readonly customers: number;
  readonly unit: PeriodUnit;
  /** The first day of the matrix's first and last period. */
  readonly firstPeriod: string;
  readonly lastPeriod: string;
  readonly startPeriod: string;
  readonly endPeriod: string;
}

/** The bridge, the customer counts and the retention figures of one segment or of all. */
export interface SegmentFigures {
  readonly segment: string;
  readonly total: boolean;
  readonly startMrr: number;
  readonly expansionMrr: number;
  readonly contractionMrr: number;
  readonly churnedMrr: number;
  readonly newMrr: number;
  readonly reactivationMrr: number;
  readonly endMrr: number;
  readonly startingCustomers: number;
  readonly retainedCustomers: number;
  readonly churnedCustomers: number;
  readonly expandingCustomers: number;
  readonly newCustomers: number;
  readonly reactivatedCustomers: number;
  /** null where the denominator is 0 (#DIV/0! in a cell). */
  readonly nrr: number | null;
  readonly grr: number | null;
  readonly logoRetention: number | null;
  readonly mrrChurn: number | null;
}

/** One customer's row of the matrix, its revenue in each period from the first to the last. */
export interface MatrixRow {
  readonly customer: string;
  readonly segment: string;
  readonly revenue: ArrayLike<number>;
}

/** One cohort of the cohort table: retention at ages 0, 1, … up to the last period. */
export interface CohortRow {
  readonly cohortStart: string;
  readonly retention: readonly number[];
}

/** One customer's movement between the two periods compared (SAAS.MOVEMENT). */
export interface MovementRow {
  readonly customer: string;
  readonly segment: string;
  readonly startMrr: number;
  readonly endMrr: number;
  readonly movement: string;
}

/** A ledger read by an engine, ready to answer. */
export interface LedgerRun {
  readonly summary: LedgerSummary;
  /** Each segment (in the order its first customer appears), then the Total. */
  figures(): Promise<SegmentFigures[]>;
  /** The matrix, customer by customer in the order of their first line. */
  matrix(each: (row: MatrixRow) => void | Promise<void>): Promise<void>;
  cohorts(mode: CohortMode): Promise<CohortRow[]>;
  movements(each: (row: MovementRow) => void | Promise<void>): Promise<void>;
  close(): void;
}

/** A ledger the figures cannot be computed from, with the reason in words. */
export class LedgerRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LedgerRefused";
  }
}

/** A command line that cannot be run as given (exit code 2), with what to do. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
