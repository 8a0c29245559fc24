/**
 * What the sample generators (sampleData.ts, sampleBilling.ts) share: the cells of a generated
 * sheet, seeded random numbers, a weighted choice, and Excel's day numbers. The three files
 * import nothing but each other, so that `npm run sample` can compile them on their own and run
 * them in Node.
 */

/** A cell of a generated sheet: text stays text, a blank is null. */
export type SampleCell = string | number | null;
export type SampleRows = SampleCell[][];

/**
 * A small, fast, seedable random number generator (mulberry32): numbers in [0, 1).
 *
 * @example
 * const random = mulberry32(42);
 * random(); // 0.6011037519201636, the same on every run
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of `items`, each as likely as its weight. */
export function pickWeighted<T>(
  items: readonly T[],
  weight: (item: T) => number,
  random: () => number
): T {
  let total = 0;
  for (const item of items) total += weight(item);
  let roll = random() * total;
  for (const item of items) {
    roll -= weight(item);
    if (roll < 0) return item;
  }
  return items[items.length - 1] as T;
}

/**
 * Excel's serial number of a date (days since 1899-12-30, right for dates from March 1900).
 *
 * @example
 * excelSerial(2024, 0, 15); // 45306 (2024-01-15; month is 0-based)
 */
export function excelSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}
