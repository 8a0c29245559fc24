// The task pane's analysis over a 100,000 × 36 MRR sheet, in a process of its own, so that its
// heap can be capped: `node --max-old-space-size=N` fails with "heap out of memory" when the
// analysis ever holds more than N MB alive, whatever the garbage collector's timing. Run by
// bench/run.mjs (case 7), which first runs it uncapped to learn the heap the cells take.
// Prints one line of JSON: the heap before the cells, the cells' own size, and the analysis.
import { createRequire } from "node:module";
import v8 from "node:v8";
import { mrrSheet } from "./data.mjs";

const require = createRequire(import.meta.url);
const analysis = require("./.build/src/analysis/index.js");
const customers = Number(process.argv[2] ?? 100_000);
const months = Number(process.argv[3] ?? 36);
const used = () => v8.getHeapStatistics().used_heap_size;

globalThis.gc?.();
const before = used();
const cells = mrrSheet(customers, months);
globalThis.gc?.();
const input = used() - before;
process.stderr.write("cells made\n");
const t0 = performance.now();
const source = { cells, sheetName: "MRR", rowIndex: 0, columnIndex: 0 };
const guess = analysis.detectLayout(cells, { firstRowNumber: 1, firstColumnNumber: 1 });
const model = analysis.prepareRevenue(source, analysis.mappingFromLayout(guess));
if (!model.ok) throw new Error(`the sheet did not prepare: ${JSON.stringify(model.problem)}`);
const periods = model.value.periods.length;
const result = analysis.analyseRevenue(model.value, { start: periods - 2, end: periods - 1 });
const ms = performance.now() - t0;
const nrr = result.kpis.find((kpi) => kpi.id === "nrr")?.figure?.value;
console.log(JSON.stringify({ before, input, ms, nrr, kept: cells.length }));
