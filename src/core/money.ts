/**
 * Money (docs/functions.md, Conventions, "Money"): amounts are summed as money, so a residue of
 * binary floating point is not an amount. 99.90 − 33.30 − 66.60 is 1.42e-14 in floating point,
 * and a cell holding =0.1+0.2-0.3 is 5.55e-17: read as they stand, the first is a customer who
 * still pays and the second a "negative amount". A result within MONEY_RESIDUE of the largest term
 * that made it is exactly 0, for either sign.
 *
 * A cell's own terms are not passed to a function, so for the cells of a range the largest term
 * is taken to be the range's largest amount, and never less than 1 (a billionth of a currency
 * unit is not money in any unit people keep books in).
 */
export const MONEY_RESIDUE = 1e-9;

/** The smallest amount that is not a residue, for terms up to `largestTerm` in size. */
export function residueBound(largestTerm: number): number {
  return MONEY_RESIDUE * Math.max(1, Math.abs(largestTerm));
}

/**
 * `sum` as money: 0 when it is within the residue of the largest term that made it.
 *
 * @example moneySum(99.9 - 33.3 - 66.6, 99.9) === 0
 */
export function moneySum(sum: number, largestTerm: number): number {
  return Math.abs(sum) <= MONEY_RESIDUE * Math.abs(largestTerm) ? 0 : sum;
}

/**
 * Whether two amounts are the same money: they differ by no more than the residue of the larger
 * (a customer at 0.3 and then at =0.1+0.2 is flat, not an expander).
 *
 * @example sameMoney(0.3, 0.1 + 0.2) === true
 */
export function sameMoney(a: number, b: number): boolean {
  const larger = Math.max(Math.abs(a), Math.abs(b));
  return Math.abs(a - b) <= MONEY_RESIDUE * larger;
}

/**
 * Zeroes the residues of a block of amounts in place: values within residueBound of the block's
 * largest amount. One pass to find the bound only when a value small enough to be one was seen.
 */
export function zeroResidues(
  values: Float64Array,
  largest: number,
  smallestPositive: number
): void {
  const bound = residueBound(largest);
  if (!(smallestPositive <= bound)) return;
  for (let i = 0; i < values.length; i++) {
    if ((values[i] as number) <= bound) values[i] = 0;
  }
}

/**
 * Many sums kept as money at once (a customers × periods matrix): each cell's running sum and its
 * largest term, so that `total` is moneySum of exactly the terms added to that cell.
 *
 * @example const cells = new MoneyCells(1); cells.add(0, 99.9); cells.add(0, -33.3);
 *   cells.add(0, -66.6); cells.total(0) === 0
 */
export class MoneyCells {
  private readonly sums: Float64Array;
  private readonly largestTerm: Float64Array;

  constructor(cells: number) {
    this.sums = new Float64Array(cells);
    this.largestTerm = new Float64Array(cells);
  }

  add(cell: number, amount: number): void {
    this.sums[cell] = (this.sums[cell] as number) + amount;
    const size = Math.abs(amount);
    if (size > (this.largestTerm[cell] as number)) this.largestTerm[cell] = size;
  }

  total(cell: number): number {
    return moneySum(this.sums[cell] as number, this.largestTerm[cell] as number);
  }
}
