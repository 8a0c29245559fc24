/**
 * "Who moved": the customers behind a movement of the bridge (docs/metrics.md, "How one
 * customer's revenue moved"), largest first. The churn, contraction, expansion or new revenue of
 * the bridge is a sum over customers; a finance team asks which ones first. Classified by the
 * one classifier (movements.ts), so the list always adds up to the bridge's line.
 */
import {
  type NumberRange,
  argumentParam,
  isOmitted,
  place,
  plainCell,
  quoteCell,
  readChoiceOption,
  readColumnCells,
  readNumberArgument,
} from "./coerce";
import { invalidValue } from "./errors";
import { type LookupValue, shownId } from "./ids";
import { readHistory, readRevenuePair } from "./inputs";
import { label } from "./labels";
import { MOVEMENT, type MovementCode, classifyMovement } from "./movements";
import type { ResultTable } from "./segments";

/** The movements a list of movers can be asked for, as SAAS.MOVEMENT names them. */
export const MOVER_KINDS = ["churn", "contraction", "expansion", "new", "reactivation"] as const;
export type MoverKind = (typeof MOVER_KINDS)[number];

const CODE_OF: Readonly<Record<MoverKind, MovementCode>> = {
  churn: MOVEMENT.churn,
  contraction: MOVEMENT.contraction,
  expansion: MOVEMENT.expansion,
  new: MOVEMENT.new,
  reactivation: MOVEMENT.reactivation,
};

/** Ten, as revenue tools list them. */
export const MOVERS_DEFAULT_COUNT = 10;
const MOVERS_MAX_COUNT = 1000;

/** One customer of a movement: who, by how much (end − start: negative for a loss). */
export interface Mover {
  readonly customer: LookupValue;
  readonly change: number;
}

/**
 * The customers whose move between start_mrr and end_mrr is `kind`, largest change first (by
 * size: the biggest loss first for churn and contraction), at most `count`; customers of equal
 * change keep their order in the ranges.
 *
 * @example start [100, 50, 80], end [0, 60, 0], ids [A, B, C], "churn" → [A −100, C −80]
 */
export function topMovers(
  startMrr: NumberRange,
  endMrr: NumberRange,
  hadRevenueBefore: Uint8Array | undefined,
  customers: readonly LookupValue[],
  kind: MoverKind,
  count: number
): Mover[] {
  const code = CODE_OF[kind];
  const found: { row: number; change: number }[] = [];
  const cells = startMrr.rows * startMrr.columns;
  for (let i = 0; i < cells; i++) {
    const start = startMrr.values[i] as number;
    const end = endMrr.values[i] as number;
    if (classifyMovement(start, end, hadRevenueBefore?.[i] === 1) === code)
      found.push({ row: i, change: end - start });
  }
  found.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.row - b.row);
  return found
    .slice(0, count)
    .map(({ row, change }) => ({ customer: customers[row] ?? "", change }));
}

/** SAAS.MOVERS's spill: a header row (customer, change), then a row per mover. */
export function moversTable(movers: readonly Mover[]): ResultTable {
  return [
    [label("label.customer"), label("label.change")],
    ...movers.map((mover) => [mover.customer, mover.change]),
  ];
}

/**
 * SAAS.MOVERS's arguments in order: customers (aligned with start_mrr: selected with the same
 * header row, or without it), the revenue pair, the movement, the count and the history.
 */
export function readMoversInput(
  customers: unknown,
  start: unknown,
  end: unknown,
  movement: unknown,
  count: unknown,
  history: unknown
): {
  startMrr: NumberRange;
  endMrr: NumberRange;
  hadRevenueBefore: Uint8Array | undefined;
  customers: LookupValue[];
  kind: MoverKind;
  count: number;
} {
  const ids = readColumnCells(customers, "customers");
  const { startMrr, endMrr } = readRevenuePair(start, end);
  if (startMrr.columns !== 1)
    throw invalidValue("movers.oneColumn", { argument: argumentParam("start_mrr") });
  const offset =
    ids.rows === startMrr.rows ? 0 : ids.rows === startMrr.rows + startMrr.headerRows ? 1 : -1;
  if (offset < 0)
    throw invalidValue("movers.customersRows", {
      customerRows: ids.rows,
      startRows: startMrr.rows + startMrr.headerRows,
    });
  const labels: LookupValue[] = [];
  for (let r = 0; r < startMrr.rows; r++) {
    const row = r + offset;
    const cell = plainCell(ids.cells[row], () => place("customers", row, 0, ids.rows, 1));
    if (cell instanceof Date || (typeof cell === "number" && !Number.isFinite(cell)))
      throw invalidValue("cell.notSegment", {
        where: place("customers", row, 0, ids.rows, 1),
        value: quoteCell(cell),
      });
    labels.push(cell === null ? "" : shownId(cell));
  }
  if (isOmitted(movement))
    throw invalidValue("option.missing", { argument: argumentParam("movement") });
  const kind = readChoiceOption(movement, "movement", MOVER_KINDS);
  const listed = readNumberArgument(count, "count", {
    min: 1,
    max: MOVERS_MAX_COUNT,
    whole: true,
    fallback: MOVERS_DEFAULT_COUNT,
  });
  const hadRevenueBefore = isOmitted(history) ? undefined : readHistory(history, startMrr);
  return { startMrr, endMrr, hadRevenueBefore, customers: labels, kind, count: listed };
}
