// Case 10 of `npm run bench` (docs/warehouse.md, "Scale"): a generated billing ledger of
// 10,000,000 lines, made by DuckDB itself as a CSV file, through `npm run metrics` on DuckDB and
// through the calculation core in Node (`--engine core`), each in a child process of its own whose
// peak memory (maxRSS) and time it reports.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/**
 * The ledger, in SQL: customers whose plan, price, start, length of life and billing (monthly,
 * yearly, quarterly as a word or as 3, monthly with service end dates, weekly) come from a hash of
 * their number, 12% of them returning after six months away, prices rising 5% a year, about one
 * charge in forty followed by a credit note for half of it. Whole customers are kept, in the order
 * of their number, until there are `lines` lines (the last one's latest lines cut), and the ledger
 * is written in date order. 2022–2025, with yearly invoices paying into 2026.
 */
function ledgerSql(customers, lines, path) {
  return `COPY (
  WITH customers AS (
    SELECT c,
      (hash(c, 1) % 48)::BIGINT AS first_month,
      (12 + hash(c, 2) % 96)::BIGINT AS span,
      (hash(c, 3) % 100)::BIGINT AS kind,
      ['SMB', 'Mid-market', 'Enterprise', 'Startup', 'Partner'][1 + (hash(c, 4) % 5)::BIGINT] AS plan,
      round(10 + (hash(c, 5) % 200000) / 100.0, 2) AS price,
      hash(c, 6) % 100 < 12 AS returns
    FROM range(${customers}) t(c)
  ), active AS (
    SELECT c.*, m FROM customers c, range(first_month, least(first_month + span, 48)) r(m)
    UNION ALL
    SELECT c.*, m FROM customers c, range(first_month + span + 6, least(first_month + span + 18, 48)) r(m)
    WHERE returns
  ), charges AS (
    SELECT c, plan, kind, m,
      CAST(DATE '2022-01-01' + to_months(m::INTEGER) + to_days((hash(c, 7) % 28)::INTEGER) AS DATE) AS d,
      price * (1 + (m - first_month) // 12 * 0.05) AS monthly
    FROM active
  ), lines AS (
    SELECT c, plan, d, round(monthly, 2) AS amount, 'month' AS covers FROM charges WHERE kind < 45
    UNION ALL
    SELECT c, plan, d, round(monthly * 12 * 0.9, 2), 'year' FROM charges
    WHERE kind BETWEEN 45 AND 54 AND m % 12 = (hash(c, 7) % 12)::BIGINT
    UNION ALL
    SELECT c, plan, d, round(monthly * 3, 2), CASE WHEN c % 2 = 0 THEN 'quarter' ELSE '3' END FROM charges
    WHERE kind BETWEEN 55 AND 64 AND m % 3 = 0
    UNION ALL
    SELECT c, plan, d, round(monthly, 2), strftime(d + INTERVAL 1 MONTH - INTERVAL 1 DAY, '%Y-%m-%d') FROM charges
    WHERE kind BETWEEN 65 AND 74
    UNION ALL
    SELECT c, plan, CAST(d + to_days((7 * w)::INTEGER) AS DATE), round(monthly * 12 / 52, 2), 'week'
    FROM charges, range(4) r(w) WHERE kind >= 75
  ), with_credits AS (
    SELECT c, plan, d, amount, covers, 0 AS credit FROM lines
    UNION ALL
    SELECT c, plan, d, -round(amount / 2, 2), covers, 1 FROM lines WHERE hash(c, d, amount) % 40 = 0
  ), numbered AS (
    SELECT *, ROW_NUMBER() OVER (ORDER BY c, d, credit) AS n FROM with_credits
  )
  SELECT 'C' || lpad(c::VARCHAR, 7, '0') AS customer, strftime(d, '%Y-%m-%d') AS invoice_date, amount,
    covers, plan
  FROM numbered
  WHERE n <= ${lines}
  ORDER BY d, c, credit
) TO '${path}' (HEADER, DELIMITER ',')`;
}

/**
 * The ledger file for `lines` lines, made once and kept in the system's temporary directory
 * (a second run reuses it): its path, size and how long it took to make.
 */
export async function benchLedger(lines) {
  // About 36.6 lines a customer, so that `lines` are made; customers × 59 months stays under the
  // core's 20,000,000 cells, so the core can take the same ledger.
  const customers = Math.ceil(lines / 35);
  const folder = join(os.tmpdir(), "retention-metrics-bench");
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `ledger-${lines}.csv`);
  const stamp = `${path}.json`;
  const recipe = ledgerSql(customers, lines, path);
  if (existsSync(path) && existsSync(stamp) && readFileSync(stamp, "utf8") === JSON.stringify({ recipe })) {
    return { path, bytes: statSync(path).size, madeMs: 0 };
  }
  const { DuckDBInstance } = require("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const t0 = performance.now();
  await connection.run(recipe);
  const madeMs = performance.now() - t0;
  connection.closeSync();
  instance.closeSync();
  writeFileSync(stamp, JSON.stringify({ recipe }));
  return { path, bytes: statSync(path).size, madeMs };
}

/**
 * `npm run metrics` on `path` with `args`, in a child process (bench/metrics-child.cjs) that reports
 * its own time and peak memory: Node's heap and DuckDB's native memory alike count in its maxRSS.
 */
export function metricsInChild(path, args, { heapMB } = {}) {
  const child = fileURLToPath(new URL("./metrics-child.cjs", import.meta.url));
  const flags = heapMB === undefined ? [] : [`--max-old-space-size=${heapMB}`];
  const run = spawnSync(process.execPath, [...flags, child, path, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const last = run.stdout.trim().split("\n").pop() ?? "";
  if (run.status !== 0 || !last.startsWith("{")) {
    return { ok: false, error: `${run.stderr.trim().split("\n").slice(-3).join(" ")} (exit ${run.status}${run.signal ? `, ${run.signal}` : ""})` };
  }
  return { ok: true, ...JSON.parse(last) };
}
