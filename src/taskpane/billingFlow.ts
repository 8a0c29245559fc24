/**
 * A billing export analysed the way a finance user would check it: the export checked by the
 * functions' own readers, a new sheet of live SAAS.FX.CONVERT and SAAS.MRRMATRIX formulas written
 * over it, and the analysis made from what those formulas give once computed, so that every
 * figure the pane shows is one a formula on the sheet shows too.
 */
import {
  type LedgerMapping,
  type Prepared,
  type RevenueModel,
  billingGridMapping,
  billingProblems,
  constantCurrencyColumns,
  conversionNeeded,
  prepareBilling,
  prepareRevenue,
} from "../analysis";
import type { CellGrid } from "../core";
import { cellAddress, quoteSheetName } from "../core/sheet/addresses";
import type { Translator } from "../i18n";
import type { CellValue, WorkbookPort } from "../workbook/port";
import { BILLING_TOP, planBillingSheet } from "./billingSheet";
import type { ReadSource } from "./sources";
import { writeSheetPlan } from "./writePlan";

/** How long the billing sheet's formulas may take to compute in Excel before the pane says so. */
export const BILLING_COMPUTE_TIMEOUT_MS = 60_000;
const POLL_MS = 500;

/** What a cell shows while Excel is still computing a custom function. */
const PENDING = new Set(["#BUSY!", "#GETTING_DATA"]);

export interface BillingAnalysis {
  readonly model: RevenueModel;
  /** The sheet the formulas were written on. */
  readonly sheetName: string;
}

export interface BillingFlowOptions {
  readonly timeoutMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Checks a billing export, writes its MRR sheet and analyses what the sheet computes. Throws only
 * what writing throws (SheetNotWritten, with the half-written sheet removed).
 */
export async function analyseBillingExport(
  port: WorkbookPort,
  read: ReadSource,
  mapping: LedgerMapping,
  messages: Translator,
  options: BillingFlowOptions = {}
): Promise<Prepared<BillingAnalysis>> {
  const needed = billingProblems(read.source, mapping);
  if (needed[0] !== undefined) return { ok: false, problem: needed[0] };
  let rates: CellGrid | null = null;
  const conversion = mapping.conversion;
  if (conversionNeeded(read.source, mapping) && conversion !== null) {
    try {
      rates = await port.readValues(conversion.ratesAddress);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        problem: {
          key: "problem.ratesUnreadable",
          params: { address: conversion.ratesAddress, message },
        },
      };
    }
  }
  const checked = prepareBilling(read.source, mapping, rates);
  if (!checked.ok) return checked;

  const { plan, layout } = planBillingSheet(checked.value, read.address, messages);
  const written = await writeSheetPlan(port, plan);
  const origin = { row: BILLING_TOP, column: layout.matrixColumn };
  const computed = await readComputed(
    port,
    layout.readBack(written.sheetName),
    written.sheetName,
    origin,
    options
  );
  if (!computed.ok) return computed;
  const cells = computed.value;
  const grid = billingGridMapping(cells, checked.value);
  if (!grid.ok) return grid;
  const model = prepareRevenue(
    {
      cells,
      sheetName: written.sheetName,
      rowIndex: BILLING_TOP,
      columnIndex: layout.matrixColumn,
    },
    grid.value
  );
  if (!model.ok) return model;
  const ranges = model.value.ranges;
  const constantCurrency =
    rates === null
      ? null
      : constantCurrencyColumns(read.source, mapping, rates, model.value.periods);
  return {
    ok: true,
    value: {
      model: {
        ...model.value,
        ranges: ranges.kind === "grid" ? { ...ranges, billing: checked.value.ranges } : ranges,
        constantCurrency,
      },
      sheetName: written.sheetName,
    },
  };
}

/**
 * The block once Excel has computed it: read again while any cell still shows that a custom
 * function is computing (#BUSY!), or the spill has not spilled yet, until the timeout.
 */
async function readComputed(
  port: WorkbookPort,
  address: string,
  sheetName: string,
  origin: { readonly row: number; readonly column: number },
  options: BillingFlowOptions
): Promise<Prepared<CellValue[][]>> {
  const timeoutMs = options.timeoutMs ?? BILLING_COMPUTE_TIMEOUT_MS;
  const sleep = options.sleep ?? pause;
  let waited = 0;
  for (;;) {
    const cells = await port.readValues(address);
    const pending = firstPending(cells);
    if (pending === null) return { ok: true, value: cells };
    if (waited >= timeoutMs)
      return {
        ok: false,
        problem: {
          key: "problem.billingNotComputed",
          params: {
            sheet: sheetName,
            seconds: Math.round(timeoutMs / 1000),
            cell: `${quoteSheetName(sheetName)}!${cellAddress({
              row: origin.row + pending.row,
              column: origin.column + pending.column,
            })}`,
            value: { quoted: pending.value },
          },
        },
      };
    await sleep(POLL_MS);
    waited += POLL_MS;
  }
}

/** The first cell still computing (#BUSY!), by its row and column in the block. */
function firstPending(cells: CellValue[][]): { row: number; column: number; value: string } | null {
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (typeof value === "string" && PENDING.has(value)) return { row: r, column: c, value };
    }
  }
  return null;
}
