/**
 * What the command line prints and writes: the bridge and the retention figures as text tables,
 * and CSV files for Excel (docs/warehouse.md, "Into the board pack"): the aggregates, in the
 * argument order of SAAS.NRR.PARTS and SAAS.GRR.PARTS, the matrix as SAAS.MRRMATRIX spills it,
 * the cohort table as SAAS.COHORT spills it, and each customer's movement.
 */
import { createWriteStream } from "node:fs";
import { BRIDGE_LABELS, COHORT_CORNER, type CohortMode, MATRIX_CORNER } from "../core";
import { AGGREGATE_COLUMNS } from "../sql";
import type { CohortRow, LedgerRun, LedgerSummary, SegmentFigures } from "./ledgerRun";
import { periodText, periodsBetween } from "./periods";

const MONEY = new Intl.NumberFormat("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const COUNT = new Intl.NumberFormat("en");

function money(value: number): string {
  return MONEY.format(value + 0);
}

function percent(value: number | null): string {
  return value === null ? "#DIV/0!" : `${(value * 100).toFixed(1)}%`;
}

/** Columns of text, the first left-aligned and the others right-aligned. */
function table(rows: readonly (readonly string[])[]): string {
  const widths = (rows[0] ?? []).map((_, c) =>
    Math.max(...rows.map((row) => (row[c] ?? "").length))
  );
  return rows
    .map((row) =>
      row
        .map((cell, c) =>
          c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number)
        )
        .join("  ")
        .trimEnd()
    )
    .join("\n");
}

/**
 * The report: what was read, the MRR bridge (losses negative, so each row adds up to its ending
 * MRR, as SAAS.MRRBRIDGE spills it) and NRR, GRR, logo retention and MRR churn, per segment and
 * in total.
 */
export function reportText(summary: LedgerSummary, figures: readonly SegmentFigures[]): string {
  const { columns, unit } = summary;
  const period = (start: string) => periodText(start, unit);
  const what = columns.covers
    ? `MRR from service periods (column "${columns.covers}")`
    : `revenue billed per ${unit}, not MRR: an annual invoice counts in one ${unit}; name what each line pays for with --covers <column>`;
  const by = columns.segment ? `; segments by "${columns.segment}"` : "";
  const head = [
    `${summary.file}: ${COUNT.format(summary.lines)} lines, ${COUNT.format(summary.customers)} customers, ${unit}s ${period(summary.firstPeriod)} to ${period(summary.lastPeriod)}`,
    `${what}${by}`,
    `Compared: ${period(summary.startPeriod)} → ${period(summary.endPeriod)}`,
  ];
  const bridge = table([
    ["MRR bridge", ...BRIDGE_LABELS],
    ...figures.map((f) => [
      f.segment,
      money(f.startMrr),
      money(f.newMrr),
      money(f.reactivationMrr),
      money(f.expansionMrr),
      money(-f.contractionMrr),
      money(-f.churnedMrr),
      money(f.endMrr),
    ]),
  ]);
  const retention = table([
    [
      "Retention",
      "NRR",
      "GRR",
      "Logo retention",
      "MRR churn",
      "Customers at start",
      "Lost",
      "New",
      "Reactivated",
    ],
    ...figures.map((f) => [
      f.segment,
      percent(f.nrr),
      percent(f.grr),
      percent(f.logoRetention),
      percent(f.mrrChurn),
      COUNT.format(f.startingCustomers),
      COUNT.format(f.churnedCustomers),
      COUNT.format(f.newCustomers),
      COUNT.format(f.reactivatedCustomers),
    ]),
  ]);
  return `${head.join("\n")}\n\n${bridge}\n\n${retention}\n`;
}

/**
 * A CSV cell for Excel. Text that Excel would run as a formula (=, +, -, @ first) is written with
 * an apostrophe before it: a ledger's ids come from outside, and a cell must never execute.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value + 0) : "#NUM!";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV file written row by row, waiting for the disk when it falls behind. */
async function writeCsv(
  path: string,
  rows: (emit: (row: readonly (string | number | null)[]) => Promise<void>) => Promise<void>
): Promise<void> {
  const out = createWriteStream(path, { encoding: "utf8" });
  const failed = new Promise<never>((_, reject) => out.on("error", reject));
  let buffer = "";
  const flush = async () => {
    const chunk = buffer;
    buffer = "";
    if (!out.write(chunk)) {
      await Promise.race([new Promise<void>((done) => out.once("drain", () => done())), failed]);
    }
  };
  await rows(async (row) => {
    buffer += `${row.map(csvCell).join(",")}\r\n`;
    if (buffer.length > 1 << 20) await flush();
  });
  await flush();
  await Promise.race([new Promise<void>((done) => out.end(done)), failed]);
}

/**
 * The aggregates, one row per segment and a Total row. The columns start with start_mrr,
 * expansion_mrr, contraction_mrr and churned_mrr: SAAS.NRR.PARTS' four arguments in order (B:E),
 * and SAAS.GRR.PARTS takes start_mrr, contraction_mrr and churned_mrr (B, D, E). A ratio without
 * a denominator is #DIV/0!, which Excel reads as the error value.
 */
export async function writeAggregates(
  path: string,
  figures: readonly SegmentFigures[]
): Promise<void> {
  const ratio = (value: number | null) => (value === null ? "#DIV/0!" : value);
  await writeCsv(path, async (emit) => {
    await emit(AGGREGATE_COLUMNS);
    for (const f of figures) {
      await emit([
        f.segment,
        f.startMrr,
        f.expansionMrr,
        f.contractionMrr,
        f.churnedMrr,
        f.newMrr,
        f.reactivationMrr,
        f.endMrr,
        f.startingCustomers,
        f.retainedCustomers,
        f.churnedCustomers,
        f.expandingCustomers,
        f.newCustomers,
        f.reactivatedCustomers,
        ratio(f.nrr),
        ratio(f.grr),
        ratio(f.logoRetention),
        ratio(f.mrrChurn),
      ]);
    }
  });
}

/**
 * The customers × periods matrix as SAAS.MRRMATRIX spills it ("customer", then the periods'
 * first days), with the customer's segment in the second column when there are segments.
 */
export async function writeMatrix(path: string, run: LedgerRun): Promise<void> {
  const { summary } = run;
  const periods = periodsBetween(summary.firstPeriod, summary.lastPeriod, summary.unit);
  const segmented = summary.columns.segment !== undefined;
  await writeCsv(path, async (emit) => {
    await emit([MATRIX_CORNER, ...(segmented ? ["segment"] : []), ...periods]);
    await run.matrix((row) =>
      emit([row.customer, ...(segmented ? [row.segment] : []), ...Array.from(row.revenue)])
    );
  });
}

/** The cohort table as SAAS.COHORT spills it: a row per cohort, a column per age, empty beyond. */
export async function writeCohorts(
  path: string,
  rows: readonly CohortRow[],
  mode: CohortMode
): Promise<void> {
  const ages = rows[0]?.retention.length ?? 0;
  await writeCsv(path, async (emit) => {
    await emit([`${COHORT_CORNER} (${mode})`, ...Array.from({ length: ages }, (_, age) => age)]);
    for (const row of rows) {
      await emit([
        row.cohortStart,
        ...Array.from({ length: ages }, (_, age) => row.retention[age] ?? null),
      ]);
    }
  });
}

/** Each customer's revenue at the start and at the end and its movement (SAAS.MOVEMENT). */
export async function writeMovements(path: string, run: LedgerRun): Promise<void> {
  await writeCsv(path, async (emit) => {
    await emit(["customer", "segment", "start_mrr", "end_mrr", "movement"]);
    await run.movements((row) =>
      emit([row.customer, row.segment, row.startMrr, row.endMrr, row.movement])
    );
  });
}
