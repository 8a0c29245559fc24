import { type CellPlace, type ErrorCode, MetricError, type MetricErrorKind } from "../../src/core";

/** The MetricError `compute` throws; fails the test when it throws nothing or something else. */
export function errorOf(compute: () => unknown): MetricError {
  try {
    compute();
  } catch (error) {
    if (error instanceof MetricError) return error;
    throw error;
  }
  throw new Error("expected a MetricError");
}

/**
 * The error's kind and code, and where it points: "end_mrr row 3" (1-based, header row counted,
 * as the user sees the selection) or "end_mrr row 2, column 2", the way a message without the
 * sheet's address names the cell.
 */
export function described(error: MetricError): {
  kind: MetricErrorKind;
  code: ErrorCode;
  at?: string;
} {
  const where = error.params["where"];
  const at =
    typeof where === "object" && where !== null && "place" in where
      ? placeText(where.place)
      : typeof where === "object" && where !== null && "argument" in where
        ? where.argument
        : undefined;
  return at === undefined
    ? { kind: error.kind, code: error.code }
    : { kind: error.kind, code: error.code, at };
}

function placeText(place: CellPlace): string {
  if (place.columns === 1) return `${place.argument} row ${place.row + 1}`;
  if (place.rows === 1) return `${place.argument} column ${place.column + 1}`;
  return `${place.argument} row ${place.row + 1}, column ${place.column + 1}`;
}
