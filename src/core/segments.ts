/**
 * Segments (docs/functions.md, Conventions): every aggregate function takes `segments`
 * (aligned with the data) and `segment` (the value to keep). With `segments` but no `segment`
 * it spills one row per segment, in order of first appearance, then a Total row.
 *
 * The data are grouped once: each cell gets the index of its segment, so a metric accumulates all
 * segments in a single pass (never one pass per segment).
 */
import type { SegmentLabel } from "./coerce";
import { MetricError, metricOrError } from "./errors";
import { idIndex, lookupKey } from "./ids";
import type { SpillLabel } from "./labels";

export interface Segmentation {
  /** Segment index of every data cell, row-major, aligned with the data. */
  readonly groupOf: Int32Array;
  /** The label of each segment as first seen (its first spelling wins). */
  readonly labels: readonly SegmentLabel[];
  /** The matching key of each segment (see segmentKey). */
  readonly keys: readonly string[];
}

/** A figure for the whole range, or for one segment of it. */
export type WholeRequest =
  | { readonly kind: "all" }
  | { readonly kind: "one"; readonly segmentation: Segmentation; readonly group: number };

/** A table of every segment, then a Total row. */
export interface TableRequest {
  readonly kind: "table";
  readonly segmentation: Segmentation;
}

/** What a metric is asked for: the whole range, one segment of it, or a table of all segments. */
export type SegmentRequest = WholeRequest | TableRequest;

/**
 * A cell of a spilled result: text, a figure, or an error shown in that cell only; or a label
 * (a header or a row's name) worded in the display language when shown (labels.ts).
 */
export type ResultCell = string | number | boolean | MetricError | SpillLabel;
export type ResultTable = ResultCell[][];

/** Blank segment cells form a segment of their own, shown under this label. */
export const BLANK_SEGMENT_LABEL = "(blank)";
export const TOTAL_LABEL = "Total";

/**
 * Numbers segments in order of first appearance, as their cells are read. Labels compare as ids
 * do (see ids.ts): "SMB" and " smb " are one segment, shown as first written; 2024 and "2024"
 * are two, as they are to Excel's lookups.
 */
export function segmentGrouper(): {
  assign: (label: SegmentLabel) => number;
  segmentation: (groupOf: Int32Array) => Segmentation;
} {
  const index = idIndex();
  return {
    assign: (label) => index.indexOf(label),
    segmentation: (groupOf) => ({
      groupOf,
      labels: index.values.map((label) => (label === "" ? BLANK_SEGMENT_LABEL : label)),
      keys: index.values.map(lookupKey),
    }),
  };
}

/** Builds the request from read arguments; a `segment` that matches nothing is #N/A. */
export function segmentRequest(
  segmentation: Segmentation | undefined,
  chosen: SegmentLabel | undefined
): SegmentRequest {
  if (segmentation === undefined) {
    if (chosen !== undefined) {
      throw new MetricError("value", "segment.needsSegments", { segment: { label: chosen } });
    }
    return { kind: "all" };
  }
  if (chosen === undefined) return { kind: "table", segmentation };
  const group = segmentation.keys.indexOf(lookupKey(chosen));
  if (group < 0) {
    // "2024" typed for a column of the number 2024 (or the reverse) matches nothing, as in
    // Excel's lookups; the message says what would have matched.
    const retyped = retypedLabel(chosen);
    const near = retyped === undefined ? -1 : segmentation.keys.indexOf(lookupKey(retyped));
    if (near >= 0) {
      const label = segmentation.labels[near] as SegmentLabel;
      throw new MetricError(
        "na",
        typeof label === "number" ? "segment.noMatchIsNumber" : "segment.noMatchIsText",
        { segment: { label: chosen }, found: { label } }
      );
    }
    throw new MetricError("na", "segment.noMatch", { segment: { label: chosen } });
  }
  return { kind: "one", segmentation, group };
}

/** The same label with the other type: "2024" for 2024 and 2024 for "2024"; else undefined. */
function retypedLabel(label: SegmentLabel): SegmentLabel | undefined {
  if (typeof label === "number") return String(label);
  if (typeof label !== "string" || label.trim() === "") return undefined;
  const number = Number(label.trim());
  return Number.isFinite(number) ? number : undefined;
}

/** The totals of each segment and of all cells, accumulated in one pass. */
export type Accumulate<T> = (
  groupOf: Int32Array | undefined,
  groupCount: number
) => { overall: T; groups: T[] };

/**
 * The figure a whole request asks for: `metric` of all the cells' totals, or of one segment's.
 * `metric` throws MetricError for a figure that does not exist (no starting revenue).
 */
export function figureFor<T>(
  request: WholeRequest,
  accumulate: Accumulate<T>,
  metric: (totals: T) => number
): number {
  if (request.kind === "all") return metric(accumulate(undefined, 0).overall);
  const { groupOf, labels } = request.segmentation;
  return metric(accumulate(groupOf, labels.length).groups[request.group] as T);
}

/** One row of a table of segments: its label and figure (or the error of that one figure). */
export interface SegmentFigure {
  readonly label: SegmentLabel;
  /** The Total row, after every segment. */
  readonly total: boolean;
  readonly figure: number | MetricError;
}

/**
 * One row per segment in order of first appearance, then a Total row; a segment whose figure
 * does not exist has its error, which does not hide the other segments' figures.
 */
export function segmentFigures<T>(
  request: TableRequest,
  accumulate: Accumulate<T>,
  metric: (totals: T) => number
): SegmentFigure[] {
  const { groupOf, labels } = request.segmentation;
  const { overall, groups } = accumulate(groupOf, labels.length);
  const rows: SegmentFigure[] = labels.map((label, g) => ({
    label,
    total: false,
    figure: metricOrError(() => metric(groups[g] as T)),
  }));
  rows.push({ label: TOTAL_LABEL, total: true, figure: metricOrError(() => metric(overall)) });
  return rows;
}

/** segmentFigures as the spill of a function: label and figure, an error in its own cell. */
export function tableFor<T>(
  request: TableRequest,
  accumulate: Accumulate<T>,
  metric: (totals: T) => number
): ResultTable {
  return segmentFigures(request, accumulate, metric).map((row) => [row.label, row.figure]);
}

/**
 * Accumulates per segment in one pass and turns the accumulations into the requested figure or
 * table (the bindings, whose arguments decide which).
 */
export function computeForSegments<T>(
  request: SegmentRequest,
  accumulate: Accumulate<T>,
  metric: (totals: T) => number
): number | ResultTable {
  return request.kind === "table"
    ? tableFor(request, accumulate, metric)
    : figureFor(request, accumulate, metric);
}
