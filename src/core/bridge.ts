/**
 * The MRR bridge and the per-customer movement labels, both from the one classifier
 * (movements.ts), so the bridge always agrees with NRR, GRR and the rates.
 */
import type { NumberRange } from "./coerce";
import { invalidValue } from "./errors";
import { MOVEMENT_LABELS, type MovementTotals, classifyMovement } from "./movements";
import { tooLargeToAdd } from "./ratios";
import type { ResultTable } from "./segments";

export const BRIDGE_LABELS = [
  "Starting MRR",
  "New",
  "Reactivation",
  "Expansion",
  "Contraction",
  "Churn",
  "Ending MRR",
] as const;

/**
 * The bridge as a labelled column, losses negative, so that the amounts from Starting MRR to
 * Churn add up to Ending MRR: start + new + reactivation + expansion − contraction − churn = end.
 *
 * @example start 1,000; new 200; expansion 100; contraction 50; churn 150 → ending 1,100
 */
export function mrrBridge(totals: MovementTotals): ResultTable {
  const amounts = [
    totals.startMrr,
    totals.newMrr,
    totals.reactivationMrr,
    totals.expansionMrr,
    -totals.contractionMrr,
    -totals.churnedMrr,
    totals.endMrr,
  ];
  if (!amounts.every(Number.isFinite)) throw tooLargeToAdd();
  // −0 would show as "-0" in some formats; a loss of nothing is 0.
  return BRIDGE_LABELS.map((label, i) => [label, (amounts[i] as number) + 0]);
}

/** The column SAAS.MOVEMENT spills above the labels when start_mrr was selected with a header. */
export const MOVEMENT_HEADER = "Movement";

/**
 * One label per customer, in the shape of start_mrr: new, reactivation, expansion, contraction,
 * churn, flat, or "" for a customer with no revenue at either date. When start_mrr was selected
 * with its header row, the spill starts with a header too, so it lines up row for row.
 *
 * @example movementLabels of start [100, 0], end [0, 50] → [["churn"], ["new"]]
 */
export function movementLabels(
  startMrr: NumberRange,
  endMrr: NumberRange,
  hadRevenueBefore?: Uint8Array
): ResultTable {
  const { rows, columns } = startMrr;
  if (rows * columns === 0)
    throw invalidValue("movement.noCustomer", { argument: { argument: startMrr.argument } });
  const table: ResultTable = [];
  if (startMrr.headerRows > 0) {
    table.push(Array.from({ length: columns }, (_, c) => (c === 0 ? MOVEMENT_HEADER : "")));
  }
  for (let r = 0; r < rows; r++) {
    const row: string[] = new Array<string>(columns);
    for (let c = 0; c < columns; c++) {
      const i = r * columns + c;
      const code = classifyMovement(
        startMrr.values[i] as number,
        endMrr.values[i] as number,
        hadRevenueBefore?.[i] === 1
      );
      row[c] = MOVEMENT_LABELS[code] as string;
    }
    table.push(row);
  }
  return table;
}
