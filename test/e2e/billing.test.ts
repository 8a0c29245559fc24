/**
 * The sample billing export through the task pane in the browser, as a user takes it: select the
 * Billing sheet, Analyse; the pane recognises a Stripe-style export in three currencies, suggests
 * the Rates sheet, and once confirmed adds a sheet of live SAAS.FX.CONVERT and SAAS.MRRMATRIX
 * formulas. Its KPI cards equal SAAS.NRR and its siblings over that sheet's matrix, its bridge
 * has the exchange-rate effect as a line of its own, and the source sheets are unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Playground,
  SOURCE_SHEETS,
  type Session,
  checksum,
  evaluateFormulas,
  goTo,
  kpiValues,
  openPlayground,
  readyPane,
  sheetCells,
  sheetNames,
  startSession,
  writeSheetWith,
} from "./support";

let session: Session;
let playground: Playground;

beforeAll(async () => {
  session = await startSession();
  playground = await openPlayground("", session);
});

afterAll(async () => {
  await playground?.close();
  await session?.close();
});

/** "D" for 0-based column 3. */
function letters(column: number): string {
  let text = "";
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26))
    text = String.fromCharCode(65 + ((c - 1) % 26)) + text;
  return text;
}

describe("a billing export through the task pane", () => {
  it(
    "is recognised with its currencies, written as live formulas, and analysed from them",
    { timeout: 120_000 },
    async () => {
      const { page } = playground;
      const before = await checksum(page, SOURCE_SHEETS);
      const billing = await sheetCells(page, "Billing");
      const lastRow = billing.length;
      const pane = await readyPane(page);
      await goTo(page, `Billing!A1:K${lastRow}`);
      await pane.getByTestId("tab-analyse").click();
      await pane.getByTestId("analyse-button").click();
      await pane.getByTestId("mapping-form").waitFor();

      // What the pane recognised: the period end as covers, the currency column, three currencies,
      // and the Rates sheet offered as the rates.
      const selected = (testId: string) =>
        pane
          .getByTestId(testId)
          .evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.text);
      expect(await selected("mapping-date")).toContain("Period Start");
      expect(await selected("mapping-covers")).toContain("Period End");
      expect(await selected("mapping-currency")).toContain("Currency");
      expect(await pane.getByTestId("mapping-currencies").textContent()).toContain("EUR, GBP, USD");
      expect(await selected("mapping-reporting-currency")).toBe("USD");
      expect(await pane.getByTestId("mapping-rates").inputValue()).toMatch(/^Rates!A1:C\d+$/);

      await pane.getByTestId("mapping-confirm").click();
      await pane
        .locator('[data-testid="kpi-cards"], .status.error')
        .first()
        .waitFor({ timeout: 60_000 });
      const problem = await pane.locator(".status.error").allTextContents();
      expect(problem).toEqual([]);
      expect(await sheetNames(page)).toContain("MRR from billing");

      // The cards equal the functions over the billing sheet's own matrix, for the span shown.
      const span = pane.getByTestId("period-span");
      const start = Number(await span.getAttribute("data-start"));
      const end = Number(await span.getAttribute("data-end"));
      const matrix = await sheetCells(page, "MRR from billing");
      const top = matrix.findIndex((row) => row.some((cell) => cell.value === "customer"));
      const idColumn = matrix[top]?.findIndex((cell) => cell.value === "customer") ?? -1;
      const bottom = top + matrix.slice(top).findIndex((row) => row[idColumn]?.value === null);
      const lastCustomerRow = (bottom > top ? bottom : matrix.length) - 1;
      const column = (p: number) => {
        const c = letters(idColumn + 1 + p);
        return `'MRR from billing'!${c}${top + 2}:${c}${lastCustomerRow + 1}`;
      };
      const [nrr, grr, logo] = await evaluateFormulas(page, [
        `=SAAS.NRR(${column(start)},${column(end)})`,
        `=SAAS.GRR(${column(start)},${column(end)})`,
        `=SAAS.LOGORETENTION(${column(start)},${column(end)})`,
      ]);
      const cards = await kpiValues(pane);
      expect(cards["nrr"]).toBe(nrr);
      expect(cards["grr"]).toBe(grr);
      expect(cards["logoRetention"]).toBe(logo);
      expect(typeof cards["nrrConstant"]).toBe("number");

      // The bridge adds up with the exchange-rate effect as its own line.
      const steps = await pane.$$eval('[data-testid="bridge-table"] tr', (rows) =>
        rows.map((row) => [
          (row as HTMLElement).dataset["step"],
          Number((row as HTMLElement).dataset["value"]),
        ])
      );
      const amounts = Object.fromEntries(steps) as Record<string, number>;
      expect(Object.keys(amounts)).toContain("fxEffect");
      const moves = ["newMrr", "reactivation", "expansion", "contraction", "churn", "fxEffect"];
      const total = moves.reduce(
        (sum, step) => sum + (amounts[step] ?? 0),
        amounts["startMrr"] ?? 0
      );
      expect(total).toBeCloseTo(amounts["endMrr"] ?? NaN, 6);

      // A board pack over it: live formulas giving the same NRR, and the same exchange-rate line.
      const pack = await writeSheetWith(pane, "board-pack-button", "board-pack-status");
      const packCells = await sheetCells(page, pack);
      const nrrRow = packCells.find((row) =>
        String(row[1]?.formula ?? "").startsWith("=SAAS.NRR(")
      );
      expect(nrrRow?.[1]?.value).toBe(nrr);
      expect(await checksum(page, SOURCE_SHEETS)).toBe(before);
      expect(playground.problems).toEqual([]);
    }
  );
});
