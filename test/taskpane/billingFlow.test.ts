/**
 * A billing export through the pane, in a real spreadsheet engine (the playground's, with the
 * built functions): recognised with its period ends and currencies, the rates range suggested,
 * a sheet of live SAAS.FX.CONVERT and SAAS.MRRMATRIX formulas written, and the analysis made
 * from what those formulas give — hand-checked MRR, and KPI cards equal to SAAS.NRR over the
 * sheet's own matrix.
 */
import { describe, expect, it } from "vitest";
import { isValue } from "../../src/analysis";
import { buildEngine, registerAddinFunctions } from "../../src/playground/engine";
import type { PlaygroundSheet } from "../../src/playground/model/spreadsheet";
import { PlaygroundWorkbook } from "../../src/playground/workbook";
import { PaneController } from "../../src/taskpane/controller";
import { loadBundle } from "../support/bundle";

const bundle = loadBundle();
registerAddinFunctions(bundle.metadata, bundle.implementations);

const HEADER = ["Customer ID", "Period Start", "Period End", "Plan", "Amount", "Currency"];
/** Acme yearly in USD; Beta monthly in EUR with a credit note; Cobalt quarterly in GBP. */
const EXPORT: PlaygroundSheet = {
  name: "Billing",
  rows: [
    HEADER,
    ["cus_A", "2024-01-10", "2025-01-10", "Pro", 1200, "USD"],
    ["cus_B", "2024-01-03", "2024-02-03", "Basic", 100, "EUR"],
    ["cus_B", "2024-02-03", "2024-03-03", "Basic", 100, "EUR"],
    ["cus_B", "2024-02-05", "2024-03-03", "Basic", -100, "EUR"],
    ["cus_C", "2024-01-15", "2024-04-15", "Team", 300, "GBP"],
    ["cus_C", "2024-04-15", "2024-07-15", "Team", 300, "GBP"],
  ],
};
const RATES: PlaygroundSheet = {
  name: "Rates",
  rows: [
    ["Currency", "Date", "Rate"],
    ["USD", "2023-12-01", 1],
    ["EUR", "2023-12-01", 1.1],
    ["EUR", "2024-02-01", 1.2],
    ["GBP", "2023-12-01", 1.25],
  ],
};

function paneOver(workbook: PlaygroundWorkbook): PaneController {
  return new PaneController({
    workbook,
    host: "playground",
    platform: null,
    officeError: null,
    language: "en",
    locale: "en-US",
    loadFunctions: async () => [],
  });
}

describe("a billing export through the pane", () => {
  it("is recognised, asks for nothing it can find, and is analysed from live formulas", async () => {
    const workbook = PlaygroundWorkbook.create([EXPORT, RATES], buildEngine);
    workbook.select(
      { row: 0, column: 0, rowCount: 7, columnCount: 6 },
      workbook.sheetId("Billing")
    );
    const pane = paneOver(workbook);
    await pane.analyseSelection();
    const pending = pane.state.pending;
    expect(pending?.mapping).toMatchObject({
      kind: "ledger",
      coversColumn: 2,
      currencyColumn: 5,
      // Three currencies: USD to report in, and the Rates sheet it found, already in the mapping.
      conversion: { reportingCurrency: "USD", ratesAddress: "Rates!A1:C5" },
    });
    expect(pending?.suggestedRates).toBe("Rates!A1:C5");
    if (pending?.mapping.kind !== "ledger") throw new Error("not a ledger");

    // Without a rates range: said, nothing written.
    pane.changeMapping({
      ...pending.mapping,
      conversion: { reportingCurrency: "USD", ratesAddress: "" },
    });
    await pane.confirmMapping();
    expect(pane.translator.say(pane.state.message?.messages[0] as never)).toMatch(
      /^The export holds 3 currencies \(EUR, GBP, USD\)/
    );
    expect(workbook.sheetNames()).toEqual(["Billing", "Rates"]);

    pane.changeMapping({
      ...pending.mapping,
      conversion: { reportingCurrency: "USD", ratesAddress: "Rates!A1:C5" },
    });
    await pane.confirmMapping();
    expect(pane.state.message).toBeNull();
    expect(workbook.sheetNames()).toEqual(["Billing", "Rates", "MRR from billing"]);
    const model = pane.state.revenue?.model;
    expect(model?.periods.slice(0, 7)).toEqual([
      "2024-01-01",
      "2024-02-01",
      "2024-03-01",
      "2024-04-01",
      "2024-05-01",
      "2024-06-01",
      "2024-07-01",
    ]);
    // By hand: Acme 1200/12 = 100 a month all year; Beta 100 EUR at 1.1 in January, its February
    // charge credited (0: churned); Cobalt 300 GBP a quarter at 1.25 = 125 a month, renewed.
    const mrr = (period: number) =>
      [...(model?.columns[period]?.amounts.values ?? [])].map((v) => Math.round(v * 1e9) / 1e9);
    expect(mrr(0)).toEqual([100, 110, 125]);
    expect(mrr(1)).toEqual([100, 0, 125]);
    expect(mrr(4)).toEqual([100, 0, 125]);

    // The cards equal SAAS.NRR over the sheet's own matrix, Jan → Feb.
    pane.choosePeriod({ kind: "between", start: 0, end: 1 });
    const nrr = pane.revenueAnalysis()?.kpis.find((kpi) => kpi.id === "nrr")?.figure;
    const sheet = workbook.sheetId("MRR from billing");
    const formula = workbook.engine.calculateFormula("=SAAS.NRR(D5:D7,E5:E7)", sheet);
    expect(nrr !== undefined && isValue(nrr) && nrr.value).toBeCloseTo(formula as number, 12);
    expect(formula as number).toBeCloseTo(225 / 335, 12);
    expect(pane.state.revenue?.model.ranges).toMatchObject({
      kind: "grid",
      sheetName: "MRR from billing",
    });
  });

  it("a covers value the functions refuse is named by its cell on the export, before anything is written", async () => {
    const rows = EXPORT.rows.map((row) => [...row]);
    rows[3] = ["cus_B", "2024-02-03", "2024-01-03", "Basic", 100, "EUR"]; // ends before it starts
    const workbook = PlaygroundWorkbook.create([{ name: "Billing", rows }, RATES], buildEngine);
    workbook.select(
      { row: 0, column: 0, rowCount: 7, columnCount: 6 },
      workbook.sheetId("Billing")
    );
    const pane = paneOver(workbook);
    await pane.analyseSelection();
    const mapping = pane.state.pending?.mapping;
    if (mapping?.kind !== "ledger") throw new Error("not a ledger");
    pane.changeMapping({
      ...mapping,
      conversion: { reportingCurrency: "USD", ratesAddress: "Rates!A1:C5" },
    });
    await pane.confirmMapping();
    expect(pane.translator.say(pane.state.message?.messages[0] as never)).toContain("Billing!C4");
    expect(workbook.sheetNames()).toEqual(["Billing", "Rates"]);
  });
});

describe("reading the billing sheet back while Excel computes it", () => {
  async function flowWith(busyReads: number, timeoutMs: number) {
    const workbook = PlaygroundWorkbook.create([EXPORT, RATES], buildEngine);
    workbook.select(
      { row: 0, column: 0, rowCount: 7, columnCount: 6 },
      workbook.sheetId("Billing")
    );
    const read = workbook.readValues.bind(workbook);
    let busy = busyReads;
    workbook.readValues = async (address, options) => {
      if (address.includes("MRR from billing") && busy-- > 0) return [["#BUSY!", ""]];
      return read(address, options);
    };
    const { analyseBillingExport } = await import("../../src/taskpane/billingFlow");
    const pane = paneOver(workbook);
    await pane.analyseSelection();
    const mapping = pane.state.pending?.mapping;
    const readSource = pane.state.pending?.read;
    if (mapping?.kind !== "ledger" || readSource === undefined) throw new Error("not a ledger");
    const slept: number[] = [];
    const result = await analyseBillingExport(
      workbook,
      readSource,
      { ...mapping, conversion: { reportingCurrency: "USD", ratesAddress: "Rates!A1:C5" } },
      pane.translator,
      { timeoutMs, sleep: async (ms) => void slept.push(ms) }
    );
    return { result, slept, pane };
  }

  it("waits while a cell shows #BUSY!, then analyses the computed values", async () => {
    const { result, slept } = await flowWith(3, 60_000);
    expect(result.ok).toBe(true);
    expect(slept).toEqual([500, 500, 500]);
  });

  it("says which cell was still computing when the time is up", async () => {
    const { result, pane } = await flowWith(1000, 2000);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(pane.translator.say(result.problem)).toBe(
      `The formulas on MRR from billing did not finish computing within 2 seconds ('MRR from billing'!C4 still shows "#BUSY!"). Wait for Excel to finish, then analyse again.`
    );
  });
});

describe("the board pack over a billing export in several currencies", () => {
  it("shows constant-currency NRR beside the reported one, and the exchange-rate effect as its own bridge line", async () => {
    // Beta keeps paying 100 EUR; the euro goes from 1.10 to 1.20 in February: +10 USD that is
    // the currency's move, not Beta's expansion.
    const rows = EXPORT.rows.filter((_, r) => r !== 4);
    const workbook = PlaygroundWorkbook.create([{ name: "Billing", rows }, RATES], buildEngine);
    workbook.select(
      { row: 0, column: 0, rowCount: rows.length, columnCount: 6 },
      workbook.sheetId("Billing")
    );
    const pane = paneOver(workbook);
    await pane.analyseSelection();
    const mapping = pane.state.pending?.mapping;
    if (mapping?.kind !== "ledger") throw new Error("not a ledger");
    pane.changeMapping({
      ...mapping,
      conversion: { reportingCurrency: "USD", ratesAddress: "Rates!A1:C5" },
    });
    await pane.confirmMapping();
    pane.choosePeriod({ kind: "between", start: 0, end: 1 });
    // The pane says the same as the pack: the euro's move is not Beta's expansion.
    const analysis = pane.revenueAnalysis();
    expect(analysis?.bridge).toMatchObject({ ok: true, value: { expansion: 0, startMrr: 335 } });
    if (analysis?.bridge.ok) expect(analysis.bridge.value.fxEffect).toBeCloseTo(10, 9);
    expect(analysis?.constantNrr).toEqual({ value: 1 });
    await pane.writeBoardPack();
    const name = pane.state.packStatus?.sheetName;
    if (name === undefined) throw new Error(JSON.stringify(pane.state.packStatus));
    const values = workbook.engine.getSheetValues(workbook.sheetId(name));
    const row = (label: string) => values.find((cells) => cells[0] === label) ?? [];
    const t = pane.translator.t;
    expect(row(t("kpi.nrr"))[1] as number).toBeCloseTo(345 / 335, 12);
    expect(row(t("pack.nrrConstant"))[1] as number).toBeCloseTo(1, 12);
    expect(row(t("bridge.fxEffect"))[1] as number).toBeCloseTo(10, 9);
    expect(row(t("bridge.expansion"))[1] as number).toBeCloseTo(0, 9);
    const bridge = ["startMrr", "newMrr", "reactivation", "expansion", "contraction", "churn"].map(
      (step) => row(t(`bridge.${step}` as never))[1] as number
    );
    const end = row(t("bridge.endMrr"))[1] as number;
    expect(bridge[0]).toBeCloseTo(335, 9);
    expect(end).toBeCloseTo(345, 9);
    expect(
      bridge.reduce((a, b) => a + b, 0) + (row(t("bridge.fxEffect"))[1] as number)
    ).toBeCloseTo(end, 9);
  });
});
