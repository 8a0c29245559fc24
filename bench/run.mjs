// `npm run bench`: seeded data, each case timed several times after a warm-up, medians and
// ratios printed side by side with their targets, figures written to bench/results.json.
// A benchmark, not a test: `npm test` never runs it. Run with --expose-gc (the npm script does)
// so memory can be measured.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import os from "node:os";
import { performance } from "node:perf_hooks";
import HyperFormulaPackage from "hyperformula";
import { caller, loadFunctions } from "./bundle.mjs";
import { ledgerColumns, ledgerWithServicePeriods, mrrMatrixBlock, npsScores, revenueColumns, segmentColumn } from "./data.mjs";
import { benchLedger, metricsInChild } from "./warehouse.mjs";

const { HyperFormula } = HyperFormulaPackage;
const require = createRequire(import.meta.url);

/** Excel's column letters for a 1-based column number. */
function columnLetters(column) {
  let letters = "";
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters;
}
const quick = process.argv.includes("--quick"); // a smoke run: smaller data, same code paths
// `--case 3` (repeatable) runs only those cases.
const only = process.argv.flatMap((arg, i) => (arg === "--case" ? [Number(process.argv[i + 1])] : []));
const wanted = (number) => only.length === 0 || only.includes(number);
const scale = quick ? 0.05 : 1;
const n = (count) => Math.max(1000, Math.round(count * scale));

const { implementations, metadata } = loadFunctions();
const call = caller(implementations, metadata);
const gc = globalThis.gc ?? (() => undefined);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Median wall time in ms of `fn` over `runs` runs after `warmup` runs. The heap is collected once
 * before the warm-up, so a case does not pay for the garbage of the one before; the runs then pay
 * for every collection their own allocations cause. (A forced collection before every run would
 * cost the next run more than it saves: it discards the warmed-up state.)
 */
function time(fn, { runs = 9, warmup = 3 } = {}) {
  gc();
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/**
 * A function and its bare loop timed side by side: after a warm-up of both, each run times the
 * bare loop and then the function, so both see the same state of a shared machine, and the ratio
 * is the median of the runs' own ratios (a slow moment of the machine no longer lands on one side
 * only). Times are the medians of each.
 */
function sideBySide(fn, bare, { runs = 11, warmup = 3 } = {}) {
  gc();
  for (let i = 0; i < warmup; i++) {
    bare();
    fn();
  }
  const bareSamples = [];
  const samples = [];
  const ratios = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    bare();
    const t1 = performance.now();
    fn();
    const t2 = performance.now();
    bareSamples.push(t1 - t0);
    samples.push(t2 - t1);
    ratios.push((t2 - t1) / (t1 - t0));
  }
  return { ms: median(samples), bareMs: median(bareSamples), ratio: median(ratios) };
}

function memoryNow() {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Bytes held by what `build` returns, measured across a full collection. */
function sizeOf(build) {
  gc();
  const before = memoryNow();
  const value = build();
  gc();
  return { value, bytes: memoryNow() - before };
}

/** Bytes allocated while `fn` runs (garbage not yet collected included): an upper bound of its peak. */
function allocatedBy(fn) {
  gc();
  const before = memoryNow();
  const result = fn();
  const bytes = memoryNow() - before;
  return { result, bytes };
}

function expectNumber(value, label) {
  const cell = Array.isArray(value) ? value[0]?.[0] : value;
  if (typeof cell !== "number" && !Array.isArray(value)) throw new Error(`${label} returned ${JSON.stringify(value)}`);
}

// Bare passes: the limit a metric cannot beat, reading the same Excel-shaped arrays.
function bareSumTwoColumns(start, end) {
  let s = 0;
  let e = 0;
  for (let i = 0; i < start.length; i++) {
    const a = start[i][0];
    const b = end[i][0];
    if (typeof a === "number") s += a;
    if (typeof b === "number") e += b;
  }
  return s + e;
}

function barePassGrid(rows) {
  let total = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "number") total += v;
    }
  }
  return total;
}

const results = [];
function record(name, figures) {
  results.push({ name, ...figures });
  const parts = Object.entries(figures).map(([k, v]) => `${k}=${typeof v === "number" ? +v.toFixed(3) : v}`);
  console.log(`  ${name}: ${parts.join("  ")}`);
}

console.log(`Retention Metrics benchmark${quick ? " (quick)" : ""}: ${os.cpus()[0]?.model ?? "cpu"} × ${os.cpus().length}, Node ${process.version}\n`);

// 1. NRR, GRR, MRRBRIDGE over 1,000,000 customers vs a bare loop summing the two columns.
if (wanted(1)) {
  const customers = n(1_000_000);
  const { value: columns, bytes: inputBytes } = sizeOf(() => revenueColumns(customers));
  const { start, end } = columns;
  for (const id of ["NRR", "GRR", "MRRBRIDGE"]) {
    expectNumber(call(id, start, end), id);
    const { ms, bareMs, ratio } = sideBySide(() => call(id, start, end), () => bareSumTwoColumns(start, end));
    record(`1. ${id} × ${customers.toLocaleString("en")} customers`, { ms, bareMs, ratio, target: "≤ 3× bare", ok: ratio <= 3 });
  }
  const { bytes } = allocatedBy(() => call("NRR", start, end));
  record("1. NRR peak extra memory", {
    extraMB: bytes / 2 ** 20,
    inputMB: inputBytes / 2 ** 20,
    ratio: bytes / inputBytes,
    target: "≤ 2× input",
    ok: bytes <= 2 * inputBytes,
  });
}

// 2. The same three over 100,000 customers vs HyperFormula evaluating the plain formulas.
if (wanted(2)) {
  const customers = n(100_000);
  const { start, end } = revenueColumns(customers, 11);
  // Ours first, before the spreadsheet's large heap exists, so neither pays for the other's garbage.
  const ours = Object.fromEntries(["NRR", "GRR", "MRRBRIDGE"].map((id) => [id, time(() => call(id, start, end))]));
  const sheet = start.map((row, i) => [row[0], end[i][0]]);
  const hf = HyperFormula.buildFromSheets(
    { Data: sheet, F: [[null]] },
    { licenseKey: "gpl-v3", useArrayArithmetic: true, maxRows: 1_048_576 },
  );
  const f = hf.getSheetId("F");
  const A = `Data!A1:A${customers}`;
  const B = `Data!B1:B${customers}`;
  // What an analyst would write for the same figures (the bridge's six lines; no history).
  const plain = {
    NRR: [`=SUMPRODUCT((${A}>0)*${B})/SUM(${A})`],
    GRR: [`=SUMPRODUCT((${A}>0)*((${B}<${A})*${B}+(${B}>=${A})*${A}))/SUM(${A})`],
    MRRBRIDGE: [
      `=SUM(${A})`,
      `=SUMPRODUCT((${A}=0)*${B})`,
      `=SUMPRODUCT((${A}>0)*(${B}>${A})*(${B}-${A}))`,
      `=-SUMPRODUCT((${A}>0)*(${B}<${A})*(${B}>0)*(${A}-${B}))`,
      `=-SUMPRODUCT((${A}>0)*(${B}=0)*${A})`,
      `=SUM(${B})`,
    ],
  };
  for (const [id, formulas] of Object.entries(plain)) {
    const spreadsheet = time(
      () => {
        formulas.forEach((formula, row) => hf.setCellContents({ sheet: f, row, col: 0 }, formula));
        formulas.forEach((_, row) => hf.setCellContents({ sheet: f, row, col: 0 }, null));
      },
      { runs: 3, warmup: 1 },
    );
    record(`2. ${id} × ${customers.toLocaleString("en")} vs plain formulas in HyperFormula`, {
      ms: ours[id],
      formulasMs: spreadsheet,
      speedup: spreadsheet / ours[id],
      target: "≥ 20× faster",
      ok: spreadsheet / ours[id] >= 20,
    });
  }
  hf.destroy();
}

// 3. COHORT over 100,000 customers × 60 months.
if (wanted(3)) {
  const customers = n(100_000);
  const block = mrrMatrixBlock(customers, 60);
  const { ms, bareMs, ratio } = sideBySide(() => call("COHORT", block), () => barePassGrid(block), { runs: 5 });
  record(`3. COHORT ${customers.toLocaleString("en")} × 60 months`, {
    ms,
    bareMs,
    ratio,
    target: "≤ 1 s and ≤ 5× bare",
    ok: ms <= 1000 && ratio <= 5,
  });
}

// 4. MRRMATRIX over a 1,000,000-row ledger.
if (wanted(4)) {
  const entries = n(1_000_000);
  const { customers, dates, amounts } = ledgerColumns(entries);
  const ms = time(() => call("MRRMATRIX", customers, dates, amounts), { runs: 3, warmup: 1 });
  record(`4. MRRMATRIX ${entries.toLocaleString("en")}-row ledger`, { ms, target: "≤ 2 s", ok: ms <= 2000 });
}

// 8. MRRMATRIX with service periods (covers) over a 1,000,000-line ledger vs the plain sum path
//    over the same ledger: spreading, run rates and end-of-period MRR within 3× of summing.
if (wanted(8)) {
  const entries = n(1_000_000);
  const { customers, dates, amounts, covers } = ledgerWithServicePeriods(entries);
  const spread = call("MRRMATRIX", customers, dates, amounts, null, covers);
  if (!Array.isArray(spread) || spread[0]?.[0] !== "customer") throw new Error(`MRRMATRIX with covers returned ${JSON.stringify(spread)?.slice(0, 200)}`);
  const plainMs = time(() => call("MRRMATRIX", customers, dates, amounts), { runs: 3, warmup: 1 });
  const ms = time(() => call("MRRMATRIX", customers, dates, amounts, null, covers), { runs: 3, warmup: 1 });
  record(`8. MRRMATRIX with covers, ${entries.toLocaleString("en")}-line ledger`, {
    ms,
    plainMs,
    ratio: ms / plainMs,
    periods: spread[0].length - 1,
    target: "≤ 3× the plain sum path",
    ok: ms / plainMs <= 3,
  });
}

// 5. NPS family over 1,000,000 responses vs a bare pass.
if (wanted(5)) {
  const responses = n(1_000_000);
  const scores = npsScores(responses);
  for (const id of ["NPS", "NPS.BREAKDOWN", "NPS.MOE"].filter((id) => implementations.has(id))) {
    const { ms, bareMs, ratio } = sideBySide(() => call(id, scores), () => barePassGrid(scores));
    record(`5. ${id} × ${responses.toLocaleString("en")} responses`, { ms, bareMs, ratio, target: "≤ 3× bare", ok: ratio <= 3 });
  }
}

// 6. Segment table of NRR, 50 segments over 1,000,000 customers.
if (wanted(6)) {
  const customers = n(1_000_000);
  const { start, end } = revenueColumns(customers, 21);
  const segments = segmentColumn(customers, 50);
  const table = call("NRR", start, end, segments);
  if (!Array.isArray(table) || table.length !== 51) throw new Error("the segment table should have 50 rows and Total");
  const { ms, bareMs, ratio } = sideBySide(
    () => call("NRR", start, end, segments),
    () => bareSumTwoColumns(start, end) + barePassGrid(segments)
  );
  record(`6. NRR by 50 segments × ${customers.toLocaleString("en")}`, { ms, bareMs, ratio, target: "≤ 4× bare", ok: ratio <= 4 });
}

// 7. The task pane's analyse step over the playground's 100,000 × 36 grid, through the playground
//    adapter: read in blocks, detect the layout, check every cell, compute the KPIs, bridge, trend,
//    segments and cohort table for the last month. The code is the pane's (src/analysis), compiled
//    to CommonJS in bench/.build by `npm run bench` (tsc -p bench/tsconfig.json).
if (wanted(7)) {
  const build = (file) => require(`./.build/src/${file}`);
  const analysisModule = build("analysis/index.js");
  const { PlaygroundWorkbook } = build("playground/workbook.js");
  const { generateSample } = build("playground/sampleData.js");
  const { buildEngine } = build("playground/engine.js");
  const customers = n(100_000);
  const sample = generateSample({ customers, months: 36, surveyResponses: 0, ledger: false });
  const workbook = PlaygroundWorkbook.create([{ name: "MRR", rows: sample.mrr }], buildEngine);
  const columns = sample.mrr[0].length;
  const address = `MRR!A1:${columnLetters(columns)}${sample.mrr.length}`;
  let figures;
  const analyse = async () => {
    let blocks = 0;
    const cells = await workbook.readValues(address, { onProgress: () => blocks++ });
    const source = { cells, sheetName: "MRR", rowIndex: 0, columnIndex: 0 };
    const guess = analysisModule.detectLayout(cells, { firstRowNumber: 1, firstColumnNumber: 1 });
    const mapping = analysisModule.mappingFromLayout(guess);
    const model = analysisModule.prepareRevenue(source, mapping);
    if (!model.ok) throw new Error(`the sample did not prepare: ${JSON.stringify(model.problem)}`);
    const periods = model.value.periods.length;
    figures = { blocks, analysis: analysisModule.analyseRevenue(model.value, { start: periods - 2, end: periods - 1 }) };
  };
  await analyse(); // warm-up
  const samples = [];
  for (let i = 0; i < 3; i++) {
    gc();
    const t0 = performance.now();
    await analyse();
    samples.push(performance.now() - t0);
  }
  // The read through the adapter: live memory after each block (collected), against the cells.
  gc();
  const beforeRead = memoryNow();
  let readLive = 0;
  const kept = await workbook.readValues(address, {
    onProgress: () => {
      gc();
      readLive = Math.max(readLive, memoryNow() - beforeRead);
    },
  });
  gc();
  const cellsMB = (memoryNow() - beforeRead) / 2 ** 20;
  const nrr = figures.analysis.kpis.find((k) => k.id === "nrr");
  record(`7. Task pane analyse, ${customers.toLocaleString("en")} × 36 playground grid`, {
    ms: median(samples),
    blocks: figures.blocks,
    cellsMB,
    readLiveMB: readLive / 2 ** 20,
    nrr: nrr?.figure?.value ?? "error",
    target: "report",
  });
  if (kept.length === 0) throw new Error("nothing read");

  // Its peak memory: the analysis (layout, checks, model, figures) in a process whose heap is
  // capped at the heap before the cells + k × the cells; it fails if it ever holds more alive.
  const script = fileURLToPath(new URL("./analysis-memory.mjs", import.meta.url));
  const runCapped = (capMB) => {
    const flags = ["--expose-gc", "--max-semi-space-size=1"];
    if (capMB !== undefined) flags.push(`--max-old-space-size=${capMB}`);
    const child = spawnSync(process.execPath, [...flags, script, String(customers), "36"], {
      encoding: "utf8",
      maxBuffer: 1 << 24,
    });
    const line = child.stdout.trim().split("\n").pop() ?? "";
    return {
      ok: child.status === 0 && line.startsWith("{"),
      made: child.stderr.includes("cells made"),
      result: line.startsWith("{") ? JSON.parse(line) : null,
    };
  };
  const free = runCapped(undefined);
  if (!free.ok) throw new Error("the analysis did not run uncapped");
  const { before, input } = free.result;
  const capFor = (multiple) => Math.ceil((before + multiple * input) / 2 ** 20);
  let smallest = null;
  for (const multiple of [1.5, 2, 2.5, 3]) {
    const run = runCapped(capFor(multiple));
    if (run.ok) {
      smallest = multiple;
      break;
    }
    if (!run.made) continue; // the cells themselves did not fit under this cap: inconclusive
  }
  record(`7b. Task pane analysis peak memory, ${customers.toLocaleString("en")} × 36 (capped heap)`, {
    inputMB: input / 2 ** 20,
    ms: free.result.ms,
    runsWithin: smallest === null ? "more than 3×" : `${smallest}× the input (heap cap ${capFor(smallest)} MB)`,
    target: "peak ≤ 3× the input",
    ok: smallest !== null && smallest <= 3,
  });
}

// 9. A board pack over a 20,000-customer billing ledger with a segment column, in the playground:
//    the pane's own flow (analyse, confirm, write) through the playground adapter, HyperFormula
//    computing every =SAAS formula it writes (the MRRMATRIX spill, each customer's segment, the
//    KPIs, bridge, trend and segment tables). Each customer's segment comes from one spill
//    (SAAS.MRRMATRIX.SEGMENTS), not a lookup per customer, so the time grows with the ledger.
if (wanted(9)) {
  const build = (file) => require(`./.build/src/${file}`);
  // The build's constants, as webpack defines them for the bundles.
  globalThis.__FUNCTION_PARAMETERS__ = Object.fromEntries(
    metadata.functions.map((fn) => [fn.id, fn.parameters.map((p) => p.name)])
  );
  globalThis.__ZH_CN_PARAMETER_NAMES__ = {};
  const { PaneController } = build("taskpane/controller.js");
  const { PlaygroundWorkbook } = build("playground/workbook.js");
  const { generateSample } = build("playground/sampleData.js");
  const { buildEngine, registerAddinFunctions } = build("playground/engine.js");
  registerAddinFunctions(metadata, implementations);
  const packFor = async (customers) => {
    const sample = generateSample({ customers, months: 24, surveyResponses: 0, ledger: true });
    const segmentOf = new Map(sample.mrr.slice(1).map((row) => [row[0], row[1]]));
    const ledger = sample.ledger.map((row, r) => [...row, r === 0 ? "Segment" : segmentOf.get(row[0])]);
    const workbook = PlaygroundWorkbook.create([{ name: "Ledger", rows: ledger }], buildEngine);
    workbook.select({ row: 0, column: 0, rowCount: ledger.length, columnCount: 4 });
    const controller = new PaneController({
      workbook,
      host: "playground",
      platform: null,
      officeError: null,
      language: "en",
      locale: "en-US",
      loadFunctions: async () => [],
    });
    await controller.analyseSelection();
    const mapping = controller.state.pending?.mapping;
    if (mapping?.kind !== "ledger" || mapping.segmentColumns.length !== 1)
      throw new Error(`the ledger was not recognised: ${JSON.stringify(controller.state.message ?? mapping)}`);
    await controller.confirmMapping();
    const t0 = performance.now();
    await controller.writeBoardPack();
    const ms = performance.now() - t0;
    const sheet = controller.state.packStatus?.sheetName;
    if (!sheet) throw new Error(`no board pack: ${JSON.stringify(controller.state.packStatus)}`);
    // The pack's NRR cell, computed by HyperFormula, equals the pane's card.
    const values = workbook.engine.getSheetValues(workbook.sheetId(sheet));
    const formulas = workbook.engine.getSheetFormulas(workbook.sheetId(sheet));
    const at = formulas.findIndex((row) => String(row?.[1] ?? "").startsWith("=SAAS.NRR("));
    const card = controller.revenueAnalysis()?.kpis.find((kpi) => kpi.id === "nrr")?.figure?.value;
    if (at < 0 || Math.abs(values[at][1] - card) > 1e-12)
      throw new Error(`the pack's NRR ${values[at]?.[1]} is not the card's ${card}`);
    return { ms, lines: ledger.length - 1 };
  };
  const customers = n(20_000);
  const small = await packFor(Math.max(1000, Math.round(customers / 4)));
  const large = await packFor(customers);
  record(`9. Board pack over a ${customers.toLocaleString("en")}-customer ledger with segments (playground)`, {
    ms: large.ms,
    lines: large.lines,
    quarterMs: small.ms,
    growth: large.ms / small.ms,
    target: "≤ 5 s, about linear (4× the customers, not 16× the time)",
    ok: large.ms <= 5000 && large.ms / small.ms < 8,
  });
}

// 10. A ledger bigger than a sheet (docs/warehouse.md): 10,000,000 billing lines with service
//     periods, credits, five plans and returning customers, made by DuckDB as a CSV file, through
//     `npm run metrics` on DuckDB (the SQL definitions) and through the calculation core in Node
//     (--engine core), each in a child process that reports its time and peak memory (maxRSS);
//     both must give the same Total to the cent.
if (wanted(10)) {
  const lines = quick ? 500_000 : 10_000_000;
  const ledger = await benchLedger(lines);
  const args = ["--from", "2025-01", "--to", "2025-12", "--segment", "plan"];
  const sql = metricsInChild(ledger.path, args);
  if (!sql.ok) throw new Error(`npm run metrics on DuckDB failed: ${sql.error}`);
  const core = metricsInChild(ledger.path, [...args, "--engine", "core"], { heapMB: 16_384 });
  if (core.ok) {
    for (const key of ["startMrr", "newMrr", "reactivationMrr", "expansionMrr", "contractionMrr", "churnedMrr", "endMrr"]) {
      if (Math.abs(sql.total[key] - core.total[key]) >= 0.005)
        throw new Error(`the engines disagree on ${key}: ${sql.total[key]} (SQL) vs ${core.total[key]} (core)`);
    }
  }
  const label = `${lines.toLocaleString("en")}-line ledger (${(ledger.bytes / 2 ** 20).toFixed(0)} MB CSV, ${sql.customers.toLocaleString("en")} customers)`;
  record(`10. npm run metrics on DuckDB, ${label}`, {
    ms: sql.ms,
    peakMB: sql.maxRssMB,
    madeMs: ledger.madeMs,
    nrr: sql.total.nrr,
    target: "≤ 60 s and ≤ 4 GB",
    ok: sql.ms <= 60_000 && sql.maxRssMB <= 4096,
  });
  record(`10. The calculation core in Node (--engine core), same ledger`, {
    ...(core.ok ? { ms: core.ms, peakMB: core.maxRssMB, sameTotal: true } : { failed: core.error }),
    target: "report",
  });
}

const failed = results.filter((r) => r.ok === false);
writeFileSync(
  new URL("./results.json", import.meta.url),
  JSON.stringify({ date: new Date().toISOString(), machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version }, quick, results }, null, 2),
);
console.log(`\n${results.length - failed.length} of ${results.length} targets met; figures in bench/results.json`);
if (failed.length) {
  console.log(`missed: ${failed.map((r) => r.name).join("; ")}`);
  process.exitCode = 1;
}
