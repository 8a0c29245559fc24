// A child process of bench case 10: the command line's own path (read the command line, open the
// ledger, compute the figures, word the report) on its arguments, then one JSON line with the time,
// the peak memory of this whole process (maxRSS: Node's heap and DuckDB's native memory alike),
// the ledger's size and the Total row, so that the two engines can be checked against each other.
const { performance } = require("node:perf_hooks");
const { openLedger, readCommandLine } = require("../.build/cli/src/cli/metrics.js");
const { reportText } = require("../.build/cli/src/cli/report.js");

(async () => {
  const t0 = performance.now();
  const line = readCommandLine(process.argv.slice(2));
  const run = await openLedger(line.request, line.engine);
  const opened = performance.now();
  const figures = await run.figures();
  const report = reportText(run.summary, figures);
  const ms = performance.now() - t0;
  run.close();
  const total = figures[figures.length - 1];
  console.log(
    JSON.stringify({
      ms,
      openMs: opened - t0,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      lines: run.summary.lines,
      customers: run.summary.customers,
      periods: [run.summary.firstPeriod, run.summary.lastPeriod],
      reportLines: report.split("\n").length,
      total,
    })
  );
})().catch((error) => {
  console.error(error.stack ?? String(error));
  process.exit(1);
});
