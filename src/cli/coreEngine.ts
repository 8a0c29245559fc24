/**
 * The same ledger through the calculation core in Node (`--engine core`): the CSV's columns
 * passed to the core as SAAS.MRRMATRIX receives them (readLedger, readCovers, coveredMrrMatrix or
 * mrrMatrix, matrixSegments), then movementTotals and cohortTable on the matrix. The cross-check
 * of the SQL definitions (test/sql), and the benchmark's Node side (bench/run.mjs, case 10).
 *
 * A CSV is read as Excel opens one: a cell that is a number written plainly is a number, any other
 * cell is text, an empty cell is blank. Each column starts with a header cell of its own, so that
 * the rows the core's messages name are the file's rows (the header is row 1).
 */
import { createReadStream } from "node:fs";
import Papa from "papaparse";
import {
  BLANK_SEGMENT_LABEL,
  type CohortMode,
  type LookupValue,
  MOVEMENT_LABELS,
  MetricError,
  type MessageParam,
  type MessageParams,
  type MovementTotals,
  type PeriodUnit,
  classifyMovement,
  cohortTable,
  coveredMrrMatrix,
  grossRevenueRetention,
  logoRetention,
  matrixSegments,
  metricOrError,
  movementTotals,
  mrrChurnRate,
  mrrMatrix,
  netRevenueRetention,
  periodIndex,
  readCovers,
  readLedger,
  segmentGrouper,
  TOTAL_LABEL,
} from "../core";
import { errorText } from "../i18n/errors";
import { NUMBER_PATTERN } from "../sql";
import { ledgerColumns } from "./columns";
import {
  type CohortRow,
  type LedgerColumns,
  LedgerRefused,
  type LedgerRequest,
  type LedgerRun,
  type SegmentFigures,
  UsageError,
} from "./ledgerRun";
import type { Progress } from "./progress";

const NUMBER = new RegExp(`^\\s*${NUMBER_PATTERN}\\s*$`);

/** A CSV cell as Excel opens it: a plain number is a number, "" is blank, the rest is text. */
function valueOf(cell: string | undefined): string | number | null {
  if (cell === undefined || cell === "") return null;
  return NUMBER.test(cell) ? Number(cell) : cell;
}

interface CsvColumns {
  readonly columns: LedgerColumns;
  /** Each column's cells, a header cell first (one row of cells: the core reads it as a column). */
  readonly customers: unknown[];
  readonly dates: unknown[];
  readonly amounts: unknown[];
  readonly covers?: unknown[];
  readonly segments?: unknown[];
}

/** The ledger's columns from a CSV file, read as a stream (skipping empty lines, as DuckDB does). */
function readCsv(request: LedgerRequest): Promise<CsvColumns> {
  return new Promise((resolve, reject) => {
    let at: { customer: number; date: number; amount: number; covers: number; segment: number };
    let read: CsvColumns | undefined;
    let failed = false;
    const stream = createReadStream(request.file, { encoding: "utf8" });
    stream.on("error", reject);
    Papa.parse<string[]>(stream as unknown as File, {
      skipEmptyLines: true,
      chunk(results, parser) {
        try {
          let rows = results.data;
          if (read === undefined) {
            const headers = (rows[0] ?? []).map((header, i) =>
              i === 0 ? header.replace(/^\uFEFF/, "") : header
            );
            const columns = ledgerColumns(headers, request.columns);
            const index = (name: string | undefined) =>
              name === undefined ? -1 : headers.indexOf(name);
            at = {
              customer: index(columns.customer),
              date: index(columns.date),
              amount: index(columns.amount),
              covers: index(columns.covers),
              segment: index(columns.segment),
            };
            read = {
              columns,
              customers: ["customer"],
              dates: ["date"],
              amounts: ["amount"],
              ...(at.covers < 0 ? {} : { covers: ["covers"] }),
              ...(at.segment < 0 ? {} : { segments: ["segment"] }),
            };
            rows = rows.slice(1);
          }
          const { customers, dates, amounts, covers, segments } = read;
          for (const row of rows) {
            customers.push(row[at.customer] ?? "");
            dates.push(row[at.date] ?? "");
            amounts.push(valueOf(row[at.amount]));
            covers?.push(valueOf(row[at.covers]));
            segments?.push(row[at.segment] ?? "");
          }
        } catch (error) {
          failed = true;
          reject(error);
          parser.abort();
        }
      },
      complete() {
        if (failed) return;
        if (read === undefined) reject(new UsageError(`${request.file} has no header row`));
        else resolve(read);
      },
      error: reject,
    });
  });
}

/** The core's message, with its arguments named by the file's columns. */
function refusedBy(error: MetricError, file: string, columns: LedgerColumns): LedgerRefused {
  const names: Record<string, string | undefined> = {
    customers: columns.customer,
    dates: columns.date,
    amounts: columns.amount,
    covers: columns.covers,
    segments: columns.segment,
  };
  const renamed = (param: MessageParam): MessageParam =>
    typeof param === "object" && "place" in param
      ? { place: { ...param.place, argument: names[param.place.argument] ?? param.place.argument } }
      : param;
  const params: MessageParams = Object.fromEntries(
    Object.entries(error.params).map(([key, param]) => [key, renamed(param)])
  );
  return new LedgerRefused(`${file}: ${errorText({ key: error.code, params }, "en")}`);
}

function figuresOf(totals: MovementTotals, segment: string, total: boolean): SegmentFigures {
  const ratio = (metric: () => number) => {
    const value = metricOrError(metric);
    return value instanceof MetricError ? null : value;
  };
  return {
    segment,
    total,
    startMrr: totals.startMrr,
    expansionMrr: totals.expansionMrr,
    contractionMrr: totals.contractionMrr,
    churnedMrr: totals.churnedMrr,
    newMrr: totals.newMrr,
    reactivationMrr: totals.reactivationMrr,
    endMrr: totals.endMrr,
    startingCustomers: totals.startingCustomers,
    retainedCustomers: totals.retainedCustomers,
    churnedCustomers: totals.churnedCustomers,
    expandingCustomers: totals.expandingCustomers,
    newCustomers: totals.newCustomers,
    reactivatedCustomers: totals.reactivatedCustomers,
    nrr: ratio(() => netRevenueRetention(totals)),
    grr: ratio(() => grossRevenueRetention(totals)),
    logoRetention: ratio(() => logoRetention(totals)),
    mrrChurn: ratio(() => mrrChurnRate(totals)),
  };
}

/** Reads `request.file` (a CSV) and computes its matrix with the core. */
export async function openWithCore(request: LedgerRequest, progress: Progress): Promise<LedgerRun> {
  if (request.format !== "csv") {
    throw new UsageError("--engine core reads CSV files only; DuckDB reads Parquet");
  }
  const csv = await progress.step(`reading ${request.file}`, () => readCsv(request));
  const { columns } = csv;
  const unit: PeriodUnit = request.unit;
  let built;
  try {
    built = await progress.step("the matrix (calculation core)", async () => {
      const ledger = readLedger([csv.customers], [csv.dates], [csv.amounts], unit);
      const covers = csv.covers === undefined ? undefined : readCovers([csv.covers], ledger);
      const table = covers === undefined ? mrrMatrix(ledger) : coveredMrrMatrix(ledger, covers);
      const segmentTable =
        csv.segments === undefined ? undefined : matrixSegments(ledger, [csv.segments]);
      return { ledger, table, segmentTable };
    });
  } catch (error) {
    if (error instanceof MetricError) throw refusedBy(error, request.file, columns);
    throw error;
  }
  const { ledger, table, segmentTable } = built;
  const header = table[0] as string[];
  const periods = header.slice(1);
  const customers = table.length - 1;
  const width = periods.length;
  const values = new Float64Array(customers * width);
  for (let c = 0; c < customers; c++) {
    const row = table[c + 1] as unknown[];
    for (let p = 0; p < width; p++) values[c * width + p] = row[p + 1] as number;
  }
  const customerIds = table.slice(1).map((row) => String(row[0] as LookupValue));
  const segmentLabels = segmentTable?.slice(1).map((row) => row[0] as LookupValue);
  const grouper = segmentGrouper();
  const groupOf = new Int32Array(customers);
  if (segmentLabels !== undefined)
    segmentLabels.forEach((label, c) => (groupOf[c] = grouper.assign(label)));
  const segmentation = grouper.segmentation(groupOf);
  const segmentOf = (c: number) =>
    segmentLabels === undefined
      ? BLANK_SEGMENT_LABEL
      : String(segmentation.labels[groupOf[c] as number]);

  const firstIndex = periodIndex(periods[0] as string, unit);
  const startColumn = periodIndex(request.startPeriod, unit) - firstIndex;
  const endColumn = periodIndex(request.endPeriod, unit) - firstIndex;
  const cell = (c: number, p: number) =>
    p >= 0 && p < width ? (values[c * width + p] as number) : 0;
  const startMrr = new Float64Array(customers);
  const endMrr = new Float64Array(customers);
  const hadRevenueBefore = new Uint8Array(customers);
  for (let c = 0; c < customers; c++) {
    startMrr[c] = cell(c, startColumn);
    endMrr[c] = cell(c, endColumn);
    for (let p = 0; p < Math.min(startColumn, width); p++) {
      if (cell(c, p) > 0) {
        hadRevenueBefore[c] = 1;
        break;
      }
    }
  }

  return {
    summary: {
      file: request.file,
      columns,
      lines: ledger.amounts.length,
      customers,
      unit,
      firstPeriod: periods[0] as string,
      lastPeriod: periods[width - 1] as string,
      startPeriod: request.startPeriod,
      endPeriod: request.endPeriod,
    },
    async figures() {
      const segmented = segmentLabels !== undefined;
      const { overall, groups } = movementTotals(startMrr, endMrr, {
        hadRevenueBefore,
        ...(segmented ? { groupOf, groupCount: segmentation.labels.length } : {}),
      });
      return [
        ...groups.map((totals, g) => figuresOf(totals, String(segmentation.labels[g]), false)),
        figuresOf(overall, TOTAL_LABEL, true),
      ];
    },
    async matrix(each) {
      for (let c = 0; c < customers; c++) {
        await each({
          customer: customerIds[c] as string,
          segment: segmentOf(c),
          revenue: values.subarray(c * width, (c + 1) * width),
        });
      }
    },
    async cohorts(mode: CohortMode) {
      const cohorts = cohortTable(values, customers, width, mode, periods);
      return cohorts.slice(1).map((row): CohortRow => ({
        cohortStart: String(row[0]),
        retention: row
          .slice(1)
          .filter((cell) => cell !== "")
          .map((cell) => (typeof cell === "number" ? cell : Number.NaN)),
      }));
    },
    async movements(each) {
      for (let c = 0; c < customers; c++) {
        const s = startMrr[c] as number;
        const e = endMrr[c] as number;
        await each({
          customer: customerIds[c] as string,
          segment: segmentOf(c),
          startMrr: s,
          endMrr: e,
          movement: MOVEMENT_LABELS[classifyMovement(s, e, hadRevenueBefore[c] === 1)] as string,
        });
      }
    },
    close() {},
  };
}
