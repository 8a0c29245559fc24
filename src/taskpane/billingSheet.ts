/**
 * The sheet a billing export becomes MRR on: live formulas over the export, which the analysis
 * then reads. Amounts converted into the reporting currency (SAAS.FX.CONVERT) when the export
 * holds several currencies, spread over the months each line pays for (SAAS.MRRMATRIX with
 * covers), and each customer's segment (SAAS.MRRMATRIX.SEGMENTS), side by side from row 4.
 * Edit the export and they recalculate; the board pack refers to them.
 */
import type { BillingModel } from "../analysis";
import { absoluteRange, cellAddress, localRange } from "../core/sheet/addresses";
import type { Translator } from "../i18n";
import type { CellInput } from "../workbook/port";
import type { SheetPlan } from "./boardPack";
import { saasCall } from "./saasFormula";

/** Row (0-based) of the spilling formulas; their titles are on the row above. */
export const BILLING_TOP = 3;

export interface BillingSheetLayout {
  /** Column of the converted amounts' spill; null without conversion. */
  readonly convertedColumn: number | null;
  /** Column of the matrix spill (its ids), the months to its right. */
  readonly matrixColumn: number;
  /** Column of the first segment spill, right after the matrix. */
  readonly segmentColumn: number;
  /** The block to read back: the matrix and the segment spills, as an address on the sheet. */
  readonly readBack: (sheetName: string) => string;
}

/** The export's billing sheet: its plan, and where each spill lands. */
export function planBillingSheet(
  model: BillingModel,
  source: string,
  messages: Translator
): { readonly plan: SheetPlan; readonly layout: BillingSheetLayout } {
  const { t } = messages;
  const { ranges } = model;
  const column = (index: number) =>
    absoluteRange(ranges.sheetName, ranges.firstRow, index, ranges.lastRow, index);
  const customers = column(ranges.customerColumn);
  const dates = column(ranges.dateColumn);
  const conversion = ranges.conversion;
  const spill = (text: string, rows: number, columns: number): CellInput => ({
    formula: `=${text}`,
    spill: { rows, columns },
  });

  const blocks: { at: string; rows: CellInput[][] }[] = [];
  const write = (row: number, at: number, rows: CellInput[][]) =>
    blocks.push({ at: cellAddress({ row, column: at }), rows });
  write(0, 0, [
    [t("billing.title")],
    [
      t(conversion === null ? "billing.note" : "billing.noteConverted", {
        source,
        currency: conversion?.reportingCurrency ?? "",
      }),
    ],
  ]);

  let amounts = column(ranges.amountColumn);
  let convertedColumn: number | null = null;
  const numberFormats: { address: string; format: string }[] = [];
  if (conversion !== null && ranges.currencyColumn !== null) {
    convertedColumn = 0;
    write(BILLING_TOP - 1, 0, [
      [t("billing.converted", { currency: conversion.reportingCurrency })],
    ]);
    write(BILLING_TOP, 0, [
      [
        spill(
          saasCall("FX.CONVERT", {
            amounts,
            currencies: column(ranges.currencyColumn),
            dates,
            rates: conversion.ratesAddress,
          }),
          model.lines,
          1
        ),
      ],
    ]);
    numberFormats.push({
      address: localRange(BILLING_TOP, 0, BILLING_TOP + model.lines - 1, 0),
      format: "#,##0.00",
    });
    amounts = absoluteRange(null, BILLING_TOP, 0, BILLING_TOP + model.lines - 1, 0);
  }
  const matrixColumn = convertedColumn === null ? 0 : 2;
  write(BILLING_TOP - 1, matrixColumn, [[t("billing.matrix")]]);
  write(BILLING_TOP, matrixColumn, [
    [
      spill(
        saasCall("MRRMATRIX", {
          customers,
          dates,
          amounts,
          period: '"month"',
          covers: ranges.coversColumn === null ? undefined : column(ranges.coversColumn),
        }),
        model.matrixRows,
        model.matrixColumns
      ),
    ],
  ]);
  if (model.matrixRows > 1 && model.matrixColumns > 1)
    numberFormats.push({
      address: localRange(
        BILLING_TOP + 1,
        matrixColumn + 1,
        BILLING_TOP + model.matrixRows - 1,
        matrixColumn + model.matrixColumns - 1
      ),
      format: "#,##0.00",
    });
  const segmentColumn = matrixColumn + model.matrixColumns;
  ranges.segmentColumns.forEach((segment, index) => {
    write(BILLING_TOP - 1, segmentColumn + index, [
      [t("billing.segment", { segment: segment.name })],
    ]);
    write(BILLING_TOP, segmentColumn + index, [
      [
        spill(
          saasCall("MRRMATRIX.SEGMENTS", {
            customers,
            dates,
            amounts,
            segments: column(segment.column),
          }),
          model.matrixRows,
          1
        ),
      ],
    ]);
  });
  const lastColumn = segmentColumn + ranges.segmentColumns.length - 1;
  return {
    plan: {
      wantedName: t("billing.sheetName"),
      blocks,
      numberFormats,
      colorScales: [],
      charts: [],
    },
    layout: {
      convertedColumn,
      matrixColumn,
      segmentColumn,
      readBack: (sheetName) =>
        absoluteRange(
          sheetName,
          BILLING_TOP,
          matrixColumn,
          BILLING_TOP + model.matrixRows - 1,
          Math.max(lastColumn, segmentColumn - 1)
        ).replace(/\$/g, ""),
    },
  };
}
