/**
 * `npm run metrics` as a user runs it (src/cli/metrics.ts, main): the report, the CSV files for
 * Excel (the aggregates fed to SAAS.NRR.PARTS and SAAS.GRR.PARTS through the built bundle),
 * Parquet input, the columns found by their headers, the errors that name column, row and value,
 * and --sql in every dialect, the DuckDB one run as printed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ledgerColumns } from "../../src/cli/columns";
import { UsageError } from "../../src/cli/ledgerRun";
import { main } from "../../src/cli/metrics";
import { periodFromText } from "../../src/cli/periods";
import { SILENT, progressOn } from "../../src/cli/progress";
import { DIALECT_NAMES, dialectNamed, printedScript } from "../../src/sql";
import { callAsExcel } from "../support/bundle";
import { csvOfSheet, csvText, expectSqlAgreesWithCore } from "../support/warehouse";

let folder: string;
const file = (name: string) => join(folder, name);

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "retention-cli-"));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function metrics(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    progress: SILENT,
  });
  return { code, stdout, stderr };
}

/**
 * A small book, January to December 2024: Acme flat on a yearly plan (200 a month), Globex
 * expanding (300 → 450), Initech gone (600 for 2024-01-15 to 2024-03-31: 76 days, 2 months of
 * 300), Umbrella weekly (108.33 → 130), Hooli new on a quarter (300), Stark contracting
 * (1,000 → 800), Wayne back after a gap (100 → 100: flat, it paid in January).
 */
const LEDGER = [
  ["Account", "Invoice date", "Amount", "Service end", "Plan"],
  ["Acme", "2024-01-10", 2400, "year", "SMB"],
  ["Globex", "2024-01-03", 300, "month", "Ent"],
  ["Globex", "2024-02-03", 300, "month", "Ent"],
  ["Globex", "2024-12-03", 450, "month", "Ent"],
  ["Initech", "2024-01-15", 600, "2024-03-31", "Ent"],
  ["Umbrella", "2024-01-01", 25, "week", "SMB"],
  ["Umbrella", "2024-12-01", 30, "week", "SMB"],
  ["Hooli", "2024-12-20", 900, "quarter", "smb"],
  ["Stark", "2024-01-05", 1000, "month", ""],
  ["Stark", "2024-12-05", 800, "month", ""],
  ["Wayne", "2024-01-02", 100, "month", "Ent"],
  ["Wayne", "2024-12-02", 100, "month", "Ent"],
];

describe("npm run metrics", () => {
  it("prints the bridge and NRR, GRR, logo retention, MRR churn per segment and in total", async () => {
    writeFileSync(file("ledger.csv"), csvText(LEDGER));
    const { code, stdout, stderr } = await metrics(file("ledger.csv"), "--from", "2024-01", "--to", "2024-12", "--segment", "plan");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain('MRR from service periods (column "Service end"); segments by "Plan"');
    expect(stdout).toMatch(/MRR bridge\s+Starting MRR\s+New\s+Reactivation\s+Expansion\s+Contraction\s+Churn\s+Ending MRR/);
    // January: Acme 200, Globex 300, Initech 300, Umbrella 108.33, Stark 1,000, Wayne 100
    expect(stdout).toMatch(/Total\s+2,008\.33/);
    expect(stdout).toMatch(/^SMB .*\n^Ent .*\n^\(blank\) .*\n^Total /m);
    expect(stdout).toMatch(/Retention\s+NRR\s+GRR\s+Logo retention\s+MRR churn/);
  });

  it("writes the aggregates in the argument order of SAAS.NRR.PARTS and SAAS.GRR.PARTS", async () => {
    writeFileSync(file("ledger.csv"), csvText(LEDGER));
    const out = file("aggregates.csv");
    const { code } = await metrics(file("ledger.csv"), "--from", "2024-01", "--to", "2024-12", "--segment", "Plan", "--aggregates", out);
    expect(code).toBe(0);
    const [header, ...rows] = readFileSync(out, "utf8").trim().split("\r\n").map((line) => line.split(","));
    expect(header?.slice(0, 5)).toEqual(["segment", "start_mrr", "expansion_mrr", "contraction_mrr", "churned_mrr"]);
    const column = (name: string) => (header as string[]).indexOf(name);
    expect(rows.map((row) => row[0])).toEqual(["SMB", "Ent", "(blank)", "Total"]);
    for (const row of rows) {
      const [start, expansion, contraction, churn] = row.slice(1, 5).map(Number) as [number, number, number, number];
      const nrr = row[column("nrr")] as string;
      const grr = row[column("grr")] as string;
      if (nrr === "#DIV/0!") continue;
      // What an analyst writes in the board pack over the CSV's cells: =SAAS.NRR.PARTS(B2, C2, D2, E2)
      expect(callAsExcel("NRR.PARTS", start, expansion, contraction, churn)).toBeCloseTo(Number(nrr), 12);
      expect(callAsExcel("GRR.PARTS", start, contraction, churn)).toBeCloseTo(Number(grr), 12);
    }
  });

  it("writes the matrix as SAAS.MRRMATRIX spills it, the cohort table as SAAS.COHORT, the movements as SAAS.MOVEMENT", async () => {
    writeFileSync(file("ledger.csv"), csvText(LEDGER));
    const { code } = await metrics(
      file("ledger.csv"), "--from", "2024-01", "--to", "2024-12", "--segment", "Plan",
      "--matrix", file("matrix.csv"), "--cohorts", file("cohorts.csv"), "--cohort-mode", "logo",
      "--movements", file("movements.csv")
    );
    expect(code).toBe(0);
    const matrix = readFileSync(file("matrix.csv"), "utf8").split("\r\n");
    expect(matrix[0]).toMatch(/^customer,segment,2024-01-01,2024-02-01,.*,2025-02-01$/);
    expect(matrix[1]).toBe(`Acme,SMB,${Array(12).fill(200).join(",")},0,0`);
    const cohorts = readFileSync(file("cohorts.csv"), "utf8").split("\r\n");
    expect(cohorts[0]).toMatch(/^cohort \(logo\),0,1,2,/);
    expect(cohorts[1]).toMatch(/^2024-01-01,1,/);
    const movements = readFileSync(file("movements.csv"), "utf8").split("\r\n");
    expect(movements[0]).toBe("customer,segment,start_mrr,end_mrr,movement");
    expect(movements.slice(1, 8).map((line) => line.split(",").at(-1))).toEqual([
      "flat",
      "expansion",
      "churn",
      "expansion",
      "new",
      "contraction",
      "flat",
    ]);
  });

  it("reads Parquet, typed columns and all, to the same figures as the CSV", async () => {
    writeFileSync(file("ledger.csv"), csvText(LEDGER));
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(`COPY (
      SELECT Account, CAST("Invoice date" AS DATE) AS "Invoice date", CAST(Amount AS DOUBLE) AS Amount,
        "Service end", Plan
      FROM read_csv('${file("ledger.csv")}', all_varchar = true)
    ) TO '${file("ledger.parquet")}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const csv = await metrics(file("ledger.csv"), "--from", "2024-01", "--to", "2024-12", "--segment", "Plan");
    const parquet = await metrics(file("ledger.parquet"), "--from", "2024-01", "--to", "2024-12", "--segment", "Plan");
    expect(parquet.code).toBe(0);
    expect(parquet.stdout.split("\n").slice(1)).toEqual(csv.stdout.split("\n").slice(1));
  });

  it("quarters and years hold the MRR of their last month", async () => {
    writeFileSync(file("ledger.csv"), csvText(LEDGER));
    const { code, stdout } = await metrics(file("ledger.csv"), "--from", "2024-Q1", "--to", "2024-Q4", "--period", "quarter");
    expect(code).toBe(0);
    expect(stdout).toContain("Compared: 2024-Q1 → 2024-Q4");
    // March, the quarter's last month: Acme 200 only (Initech's two months are January and February)
    expect(stdout).toMatch(/Total\s+200\.00/);
  });

  it("without a covers column says the figures are revenue billed, not MRR", async () => {
    writeFileSync(file("billed.csv"), csvText(LEDGER.map((row) => [row[0], row[1], row[2]] as (string | number)[])));
    const { code, stdout } = await metrics(file("billed.csv"), "--from", "2024-01", "--to", "2024-12");
    expect(code).toBe(0);
    expect(stdout).toContain("revenue billed per month, not MRR");
  });
});

describe("errors name the column, the row and the value, and exit with a code other than 0", () => {
  const cases: [string, (string | number)[][], RegExp][] = [
    ["a date that is not a date", [["Customer", "Date", "Amount"], ["Acme", "2024-01-10", 10], ["Beta", "2024-13-01", 5]], /Date row 3: "2024-13-01" is not a date/],
    ["an amount that is not a number", [["Customer", "Date", "Amount"], ["Acme", "2024-01-10", "1,200"]], /Amount row 2: "1,200" is not a number/],
    ["a blank customer", [["Customer", "Date", "Amount"], ["Acme", "2024-01-10", 10], [" ", "2024-01-11", 13]], /Customer row 3 is blank while its amount is 13/],
    ["a negative month total", [["Customer", "Date", "Amount", "Covers"], ["Acme", "2024-01-10", 10, "month"], ["Acme", "2024-01-20", -15, "month"]], /customer "Acme" has a negative total of -5 in the month starting 2024-01-01/],
    ["a covers value that is none of the kinds", [["Customer", "Date", "Amount", "Covers"], ["Acme", "2024-01-10", 10, "fortnight"]], /Covers row 2: "fortnight" is not a service end date, a whole number of months from 1 to 600, or one of "week", "month", "quarter", "year"/],
    ["a service end before the line's date", [["Customer", "Date", "Amount", "Covers"], ["Acme", "2024-01-10", 10, "2024-01-01"]], /Covers row 2: the service end 2024-01-01 is not after the line's date 2024-01-10/],
  ];
  for (const [what, rows, message] of cases) {
    it(`${what}: exit 1, the same words from the SQL and from the core`, async () => {
      writeFileSync(file("bad.csv"), csvText(rows));
      for (const engine of ["duckdb", "core"]) {
        const { code, stderr, stdout } = await metrics(file("bad.csv"), "--from", "2024-01", "--to", "2024-02", "--engine", engine);
        expect(code, engine).toBe(1);
        expect(stderr, engine).toMatch(message);
        expect(stdout).toBe("");
      }
    });
  }

  it("a missing column: exit 2, naming the columns there are and the option to name one", async () => {
    writeFileSync(file("nocolumn.csv"), csvText([["Client", "Date", "Plan"], ["Acme", "2024-01-10", "x"]]));
    const { code, stderr } = await metrics(file("nocolumn.csv"), "--from", "2024-01", "--to", "2024-02");
    expect(code).toBe(2);
    expect(stderr).toMatch(/no amount column that its header names \("Client", "Date", "Plan"\); name it with --amount <column>/);
  });

  it("a column named on the command line that the ledger lacks, a bad period, a start after the end: exit 2", async () => {
    writeFileSync(file("ledger.csv"), csvText(LEDGER));
    expect((await metrics(file("ledger.csv"), "--from", "2024-01", "--to", "2024-12", "--segment", "region")).stderr).toMatch(
      /--segment region: the ledger has no such column; its columns are "Account", "Invoice date"/
    );
    expect((await metrics(file("ledger.csv"), "--from", "Jan 2024", "--to", "2024-12")).code).toBe(2);
    expect((await metrics(file("ledger.csv"), "--from", "2024-12", "--to", "2024-01")).stderr).toMatch(/is after --to/);
    expect((await metrics(file("ledger.csv"))).stderr).toMatch(/--from and --to are needed/);
  });

  it("a file that is not there: exit 1 with DuckDB's words", async () => {
    const { code, stderr } = await metrics(file("missing.csv"), "--from", "2024-01", "--to", "2024-02");
    expect(code).toBe(1);
    expect(stderr).toMatch(/missing\.csv/);
  });
});

describe("the columns, found by the words of the task pane's headers or named", () => {
  it("finds customer, date, amount and what a line covers; a service end date is not the line's date", () => {
    expect(ledgerColumns(["Service end date", "Customer ID", "Invoice date", "Amount paid", "Plan"], {})).toEqual({
      customer: "Customer ID",
      date: "Invoice date",
      amount: "Amount paid",
      covers: "Service end date",
    });
    expect(ledgerColumns(["Account", "Date (UTC)", "Amount", "Period End", "Plan"], { segment: "PLAN" })).toEqual({
      customer: "Account",
      date: "Date (UTC)",
      amount: "Amount",
      covers: "Period End",
      segment: "Plan",
    });
  });

  it("reads headers written as files and warehouses write them: invoice_date, customerId", () => {
    expect(ledgerColumns(["customerId", "invoice_date", "net_amount", "service_end", "plan"], {})).toEqual({
      customer: "customerId",
      date: "invoice_date",
      amount: "net_amount",
      covers: "service_end",
    });
  });

  it("a column named on the command line wins; --covers none leaves out what lines cover", () => {
    expect(ledgerColumns(["who", "when", "how much", "covers"], { customer: "who", date: "when", amount: "how much", noCovers: true })).toEqual({
      customer: "who",
      date: "when",
      amount: "how much",
    });
    expect(() => ledgerColumns(["who", "when"], {})).toThrow(UsageError);
  });

  it("periods as written on the command line", () => {
    expect(periodFromText("2025-01", "month", "--from")).toBe("2025-01-01");
    expect(periodFromText("2025-02-17", "month", "--from")).toBe("2025-02-01");
    expect(periodFromText("2025-Q2", "quarter", "--from")).toBe("2025-04-01");
    expect(periodFromText("2025-05", "quarter", "--from")).toBe("2025-04-01");
    expect(periodFromText("2025", "year", "--from")).toBe("2025-01-01");
    expect(() => periodFromText("2025", "month", "--from")).toThrow(/--from 2025: not a month; write it like 2025-01/);
  });
});

describe("--sql prints the definitions for a warehouse", () => {
  const options = { unit: "month" as const, servicePeriods: true, segments: true, startPeriod: "2024-01-01", endPeriod: "2024-12-01" };

  it("in every dialect, without the constructs the dialects disagree on (GREATEST, LEAST, QUALIFY)", () => {
    for (const name of DIALECT_NAMES) {
      const script = printedScript(options, dialectNamed(name)!);
      const statements = script.replace(/--.*$/gm, "");
      expect(statements, name).not.toMatch(/\b(GREATEST|LEAST|QUALIFY)\b/i);
      for (const relation of ["rm_customers", "rm_lines", "rm_month_mrr", "rm_periods", "rm_movements", "rm_cohort_cells"]) {
        expect(script, `${name} ${relation}`).toContain(relation);
      }
    }
    expect(printedScript(options, dialectNamed("bigquery")!)).toContain("DATE_DIFF(");
    expect(printedScript(options, dialectNamed("snowflake")!)).toContain("DATEDIFF(day,");
    expect(printedScript(options, dialectNamed("spark")!)).toContain("CREATE OR REPLACE TEMPORARY VIEW");
    expect(printedScript(options, dialectNamed("bigquery")!)).toContain("Written from the BigQuery manual, not run here");
  });

  it("the DuckDB script, run as printed over ledger_lines, gives the figures npm run metrics prints", async () => {
    writeFileSync(file("ledger.csv"), csvText(LEDGER));
    const printed = await metrics("--sql", "duckdb", file("ledger.csv"), "--from", "2024-01", "--to", "2024-12", "--segment", "Plan");
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain(`read_csv('${file("ledger.csv")}')`);
    const script = printedScript(options, dialectNamed("duckdb")!);
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(`CREATE TEMP TABLE ledger_lines AS
      SELECT ROW_NUMBER() OVER () + 1 AS line_no, Account AS customer, CAST("Invoice date" AS DATE) AS service_date,
        CAST(Amount AS DOUBLE) AS amount, CAST("Service end" AS VARCHAR) AS covers, Plan AS segment
      FROM read_csv('${file("ledger.csv")}', all_varchar = true)`);
    const statements = script.split(/;\n/).filter((s) => s.replace(/--.*$/gm, "").trim() !== "");
    let aggregates: Record<string, unknown>[] = [];
    for (const statement of statements) {
      const reader = await connection.runAndReadAll(statement);
      if (statement.includes("-- aggregates:")) aggregates = reader.getRowObjectsJson() as Record<string, unknown>[];
    }
    connection.closeSync();
    instance.closeSync();
    expect(aggregates.map((row) => row.segment)).toEqual(["SMB", "Ent", "(blank)", "Total"]);
    const run = await metrics(file("ledger.csv"), "--from", "2024-01", "--to", "2024-12", "--segment", "Plan", "--aggregates", file("run.csv"));
    expect(run.code).toBe(0);
    const written = readFileSync(file("run.csv"), "utf8").trim().split("\r\n").slice(1).map((line) => line.split(","));
    expect(written.map((row) => Number(row[1]))).toEqual(aggregates.map((row) => row.start_mrr));
    expect(written.map((row) => Number(row[7]))).toEqual(aggregates.map((row) => row.end_mrr));
  });

  it("an unknown dialect is a usage error", async () => {
    const { code, stderr } = await metrics("--sql", "oracle", "--from", "2024-01", "--to", "2024-02");
    expect(code).toBe(2);
    expect(stderr).toMatch(/--sql oracle: use one of duckdb, bigquery, snowflake, spark/);
  });
});

describe("the hook for a workbook's billing sheet (test/support/warehouse.ts)", () => {
  it("a sheet's rows, dates as serials, agree through the SQL and the core", async () => {
    // 45306 = 2024-01-15, 45337 = 2024-02-15, 45672 = 2025-01-15
    const rows = [
      ["Customer", "Invoice date", "Amount", "Service end", "Plan"],
      ["Acme", 45306, 1200, 45672, "SMB"],
      ["Globex", 45306, 100, "month", "Ent"],
      ["Globex", 45337, 120, "month", "Ent"],
    ];
    const csv = csvOfSheet(rows, [1, 3]);
    expect(csv.split("\n")[1]).toBe("Acme,2024-01-15,1200,2025-01-15,SMB");
    const answer = await expectSqlAgreesWithCore(csv, { from: "2024-01-01", to: "2024-02-01", unit: "month", segment: "Plan" });
    expect(answer.refused).toBe(false);
  });
});

describe("progress on long runs", () => {
  it("says nothing for a short step; names a long one while it runs and gives its time", async () => {
    vi.useFakeTimers();
    try {
      let written = "";
      const stream = { isTTY: false, write: (text: string) => ((written += text), true) } as unknown as NodeJS.WriteStream;
      const progress = progressOn(stream);
      const quick = progress.step("quick", () => new Promise<void>((done) => setTimeout(done, 200)));
      await vi.advanceTimersByTimeAsync(200);
      await quick;
      expect(written).toBe("");
      const slow = progress.step("spreading lines over months", () => new Promise<void>((done) => setTimeout(done, 2_600)));
      await vi.advanceTimersByTimeAsync(2_600);
      await slow;
      expect(written).toBe("spreading lines over months…\nspreading lines over months: 2.6 s\n");
    } finally {
      vi.useRealTimers();
    }
  });
});
