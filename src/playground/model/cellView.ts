/** A cell as the grid and the formula bar show it: its value or error, and what it holds. */
import type { HyperFormula } from "hyperformula";
import type { CellAddress } from "../spills";
import { isDetailedError } from "./cellContent";

export interface CellView {
  /** The value: a number, text or a logical value; null for a blank or an error. */
  readonly value: number | string | boolean | null;
  /** The error the cell shows, with the message Excel would show (may be empty). */
  readonly error: { readonly code: string; readonly message: string } | null;
  /** What the formula bar shows: the formula, or what was typed. */
  readonly input: string;
  /** The formula of the cell (not of a spilled neighbour), if any. */
  readonly formula: string | null;
  /** The number format that applies: an explicit one, else one implied by what was typed (10%, a date). */
  readonly numberFormat: string | null;
}

/** Text the engine refused, kept in its cell with the reason. */
export interface RejectedText {
  readonly text: string;
  readonly message: string;
}

export function cellView(
  engine: HyperFormula,
  address: CellAddress,
  rejected: RejectedText | undefined,
  numberFormat: string | null
): CellView {
  if (rejected !== undefined) {
    return {
      value: null,
      error: { code: "#ERROR!", message: rejected.message },
      input: rejected.text,
      formula: null,
      numberFormat,
    };
  }
  const value: unknown = engine.getCellValue(address);
  const formula = engine.getCellFormula(address) ?? null;
  if (isDetailedError(value)) {
    return {
      value: null,
      error: { code: value.value, message: value.message ?? "" },
      input: formula ?? "",
      formula,
      numberFormat,
    };
  }
  const plain =
    typeof value === "number" || typeof value === "string" || typeof value === "boolean"
      ? value
      : null;
  return {
    value: plain,
    error: null,
    input: formula ?? typedText(engine, address, plain),
    formula,
    numberFormat,
  };
}

/** What was typed into a cell without a formula, as the formula bar shows it. */
function typedText(
  engine: HyperFormula,
  address: CellAddress,
  value: number | string | boolean | null
): string {
  const serialized: unknown = engine.getCellSerialized(address);
  if (typeof serialized === "string") return serialized;
  if (typeof serialized === "boolean") return serialized ? "TRUE" : "FALSE";
  if (typeof serialized === "number") return String(serialized);
  // A cell of another formula's spill: its value.
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}
