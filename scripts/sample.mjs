// `npm run sample`: writes the playground's sample sheets as CSV files to dist/sample/, from the
// same seeded generator the playground page runs (src/playground/sampleData.ts, which imports
// nothing so that TypeScript's transpiler can turn it into a module Node runs as it is).
//   npm run sample -- --seed 7 --customers 1000 --months 36
// The Examples sheet is formulas over the other sheets, not data: it lives in the playground only.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const require = createRequire(import.meta.url);
const ts = require("typescript");

/** The generator compiled to an ES module in a temporary file, then imported. */
export async function loadSampleModule() {
  const source = await readFile(
    new URL("../src/playground/sampleData.ts", import.meta.url),
    "utf8"
  );
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2020 },
  });
  const file = join(tmpdir(), `retention-metrics-sample-${process.pid}.mjs`);
  await writeFile(file, outputText);
  return import(pathToFileURL(file).href);
}

async function main() {
  const { values } = parseArgs({
    options: {
      seed: { type: "string" },
      customers: { type: "string" },
      months: { type: "string" },
      out: { type: "string", default: fileURLToPath(new URL("../dist/sample", import.meta.url)) },
    },
  });
  const number = (text) => (text === undefined ? undefined : Number(text));
  const { generateSample, toCsv } = await loadSampleModule();
  const sample = generateSample({
    seed: number(values.seed),
    customers: number(values.customers),
    months: number(values.months),
  });
  await mkdir(values.out, { recursive: true });
  const sheets = { MRR: sample.mrr, Ledger: sample.ledger, Survey: sample.survey };
  for (const [name, rows] of Object.entries(sheets)) {
    if (rows === null) continue;
    const file = join(values.out, `${name}.csv`);
    await writeFile(file, toCsv(rows));
    console.log(`${file}: ${rows.length - 1} rows`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
