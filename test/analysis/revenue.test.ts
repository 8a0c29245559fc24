/**
 * A ledger mapping read into months as SAAS.MRRMATRIX reads it, segments as SAAS.MRRMATRIX.SEGMENTS gives them (src/analysis/revenue.ts).
 */
import { ready } from "../support/prepared";
import { describe, expect, it } from "vitest";
import { isoDateToSerial } from "../../src/core";
import {
  type LedgerMapping,
  analyseRevenue,
  detectLayout,
  mappingFromLayout,
  prepareRevenue,
} from "../../src/analysis";

import { source, prepared, valueOf, kpis } from "./support";

describe("a ledger, summed into months as SAAS.MRRMATRIX sums it", () => {
  const LEDGER: unknown[][] = [
    ["Customer", "Date", "Amount", "Region"],
    ["Acme", isoDateToSerial("2024-01-10"), 100, "EU"],
    ["Acme", isoDateToSerial("2024-02-10"), 100, "EU"],
    ["Acme", "2024-02-20", 20, "EU"],
    ["Beta", "2024-01-15", 50, "US"],
    ["Beta", "2024-03-01", 50, "US"],
    ["Cyan", "2024-02-01", 70, "US"],
    ["Cyan", "2024-03-01", 70, "Mars"], // the first line's segment counts
  ];
  const model = prepared(LEDGER);

  it("builds the matrix: Acme 100, 120, 0; Beta 50, 0, 50; Cyan 0, 70, 70", () => {
    expect(model.kind).toBe("ledger");
    expect(model.periods).toEqual(["2024-01-01", "2024-02-01", "2024-03-01"]);
    // Feb's column of the spill, its header row of the period's date read as a header.
    expect(model.columns[1]?.amounts).toMatchObject({ rows: 3, headerRows: 1 });
    expect([...(model.columns[1]?.amounts.values ?? [])]).toEqual([120, 0, 70]);
    expect(model.ranges).toMatchObject({ kind: "ledger", matrixRows: 4, matrixColumns: 4 });
  });

  it("Feb → Mar: Acme churns 120, Beta comes back with 50, Cyan is flat", () => {
    const analysis = analyseRevenue(model, { start: 1, end: 2 });
    expect(kpis(analysis)["nrr"]).toBeCloseTo(70 / 190, 12);
    expect(kpis(analysis)["logoRetention"]).toBeCloseTo(1 / 2, 12);
    expect(kpis(analysis)["quickRatio"]).toBeCloseTo(50 / 120, 12);
    expect(ready(analysis.bridge).reactivation).toBe(50);
    const [region] = analysis.segmentTables;
    expect(region?.rows.map((row) => [row.label, valueOf(row.figures.nrr)])).toEqual([
      ["EU", 0],
      ["US", 1],
      ["Total", 70 / 190],
    ]);
  });

  it("ids with wildcard characters or in another case are matched as the matrix matches them", () => {
    const cells = LEDGER.map((row, r) =>
      r === 1 ? ["Ac*me", ...row.slice(1)] : row[0] === "Acme" ? ["AC*ME ", ...row.slice(1)] : row
    );
    const model = prepared(cells);
    expect(model.segments[0]?.segmentation).toEqual(prepared(LEDGER).segments[0]?.segmentation);
    const analysis = analyseRevenue(model, { start: 1, end: 2 });
    expect(analysis.segmentTables[0]?.rows.map((row) => row.label)).toEqual(["EU", "US", "Total"]);
  });

  it("names a bad ledger cell by its row and column on the sheet", () => {
    const cells = LEDGER.map((row, r) => (r === 4 ? ["Beta", "soon", 50, "US"] : row));
    const mapping = mappingFromLayout(detectLayout(cells)) as LedgerMapping;
    const result = prepareRevenue(source(cells, "Ledger", 9, 2), mapping);
    expect(result).toEqual({
      ok: false,
      problem: {
        key: "problem.dateInvalid",
        params: { row: 14, column: "D", value: { cell: { kind: "text", text: "soon" } } },
      },
    });
  });
});
