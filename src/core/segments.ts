/**
 * Segments (shared/spec/functions.md, Conventions): every aggregate function takes `segments`
 * (aligned with the data) and `segment` (the value to keep). With `segments` but no `segment`
 * it spills one row per segment, in order of first appearance, then a Total row.
 *
 * The data are grouped once: each cell gets the index of its segment, so a metric accumulates all
 * segments in a single pass (never one pass per segment).
 */
import { MetricError, metricOrError } from "./errors";
import { type SegmentLabel, segmentKey } from "./coerce";

export interface Segmentation {
  /** Segment index of every data cell, row-major, aligned with the data. */
  readonly groupOf: Int32Array;
  /** The label of each segment as first seen (its first spelling wins). */
  readonly labels: readonly SegmentLabel[];
  /** The matching key of each segment (see segmentKey). */
  readonly keys: readonly string[];
}

/** What a metric is asked for: the whole range, one segment of it, or a table of all segments. */
export type SegmentRequest =
  | { readonly kind: "all" }
  | { readonly kind: "one"; readonly segmentation: Segmentation; readonly group: number }
  | { readonly kind: "table"; readonly segmentation: Segmentation };

/** A cell of a spilled result: a label, a figure, or an error shown in that cell only. */
export type ResultCell = string | number | boolean | MetricError;
export type ResultTable = ResultCell[][];

/** Blank segment cells form a segment of their own, shown under this label. */
export const BLANK_SEGMENT_LABEL = "(blank)";
export const TOTAL_LABEL = "Total";

/**
 * Numbers segments in order of first appearance, as their cells are read. Labels that differ
 * only in case (or "2024" and 2024) are one segment, shown as first written.
 */
export function segmentGrouper(): {
  assign: (label: SegmentLabel) => number;
  segmentation: (groupOf: Int32Array) => Segmentation;
} {
  const indexByKey = new Map<string, number>();
  // A column of segments repeats a few labels many times: each distinct raw label is keyed once.
  const indexByLabel = new Map<SegmentLabel, number>();
  const labels: SegmentLabel[] = [];
  const keys: string[] = [];
  const assign = (label: SegmentLabel): number => {
    const known = indexByLabel.get(label);
    if (known !== undefined) return known;
    const key = segmentKey(label);
    let group = indexByKey.get(key);
    if (group === undefined) {
      group = labels.length;
      indexByKey.set(key, group);
      labels.push(label === "" ? BLANK_SEGMENT_LABEL : label);
      keys.push(key);
    }
    indexByLabel.set(label, group);
    return group;
  };
  return { assign, segmentation: (groupOf) => ({ groupOf, labels, keys }) };
}

/** Builds the request from read arguments; a `segment` that matches nothing is #N/A. */
export function segmentRequest(
  segmentation: Segmentation | undefined,
  chosen: SegmentLabel | undefined
): SegmentRequest {
  if (segmentation === undefined) {
    if (chosen !== undefined) {
      throw new MetricError(
        "value",
        `segment ${quote(chosen)} needs a segments range to pick it from`
      );
    }
    return { kind: "all" };
  }
  if (chosen === undefined) return { kind: "table", segmentation };
  const group = segmentation.keys.indexOf(segmentKey(chosen));
  if (group < 0) {
    throw new MetricError("na", `segment ${quote(chosen)} matches no row of segments`);
  }
  return { kind: "one", segmentation, group };
}

function quote(label: SegmentLabel): string {
  return typeof label === "string" ? `"${label}"` : String(label).toUpperCase();
}

/**
 * Accumulates per segment in one pass and turns the accumulations into the requested figure.
 * `accumulate` receives the segment index of every cell (or none) and returns the totals of each
 * segment and of all cells; `metric` turns one accumulation into a number or throws MetricError.
 */
export function computeForSegments<T>(
  request: SegmentRequest,
  accumulate: (groupOf: Int32Array | undefined, groupCount: number) => { overall: T; groups: T[] },
  metric: (totals: T) => number
): number | ResultTable {
  if (request.kind === "all") return metric(accumulate(undefined, 0).overall);
  const { groupOf, labels } = request.segmentation;
  const { overall, groups } = accumulate(groupOf, labels.length);
  if (request.kind === "one") return metric(groups[request.group] as T);
  const table: ResultTable = labels.map((label, g) => [
    label,
    metricOrError(() => metric(groups[g] as T)),
  ]);
  table.push([TOTAL_LABEL, metricOrError(() => metric(overall))]);
  return table;
}
