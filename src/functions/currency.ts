/**
 * Custom functions for currencies: thin bindings over src/core (currency.ts).
 * Definitions: docs/metrics.md (From billing lines to MRR, Currencies); signatures: docs/functions.md.
 */
import { convertCurrencies } from "../core";
import { toExcel } from "./toExcel";

/**
 * Converts amounts into the reporting currency, each at its currency's latest rate on or before its date (the service-period start), or all at the rates in force on as_of (constant currency). Spills in the shape of amounts. A blank currency, or one whose rates are all 1, is the reporting currency; a currency without a rate on or before the date is #N/A.
 * @customfunction FX.CONVERT
 * @helpurl https://localhost:3000/help.html#FX.CONVERT
 * @requiresAddress
 * @requiresParameterAddresses
 * @param amounts Amounts to convert (one column); credits may be negative, a blank stays blank. A header row is skipped and kept at the top of the spill, so it lines up with the ledger.
 * @param currencies Currency code of each amount (EUR, usd: case and surrounding spaces ignored), in the same rows as amounts, or one code for all. A blank is the reporting currency.
 * @param dates Date of each amount (the start of the service it pays for), in the same rows as amounts, or one date for all.
 * @param rates A table of three columns: currency, date, rate in reporting-currency units per unit of that currency (EUR at 1.08 in a USD report). Give the reporting currency at 1, or leave its code blank.
 * @param [as_of] Optional: a date whose rates convert every amount (constant-currency figures), instead of each amount's own date.
 * @returns The converted amounts, in the shape of amounts.
 */
export function fxConvert(
  amounts: any[][],
  currencies: any[][],
  dates: any[][],
  rates: any[][],
  as_of?: any,
  invocation?: CustomFunctions.Invocation
): any[][] {
  return toExcel("FX.CONVERT", invocation, () =>
    convertCurrencies(amounts, currencies, dates, rates, as_of)
  );
}
