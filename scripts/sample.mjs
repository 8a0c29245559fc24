// `npm run sample`: writes the playground's sample sheets as CSV files to dist/sample/, from the
// same seeded generator the playground page runs (src/playground/sampleData.ts and its two
// siblings, which import nothing but each other, so that TypeScript's transpiler can turn each
// into a module Node runs as it is).
//   npm run sample -- --seed 7 --customers 1000 --months 36
// The Examples sheet is formulas over the other sheets, not data: it lives in the playground only.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const require = createRequire(import.meta.url);
const ts = require("typescript");

const GENERATOR_FILES = ["sampleCommon", "sampleBilling", "sampleData"];

/** The generator compiled to ES modules in a temporary directory, then imported. */
export async function loadSampleModule() {
  const directory = await mkdtemp(join(tmpdir(), "retention-metrics-sample-"));
  for (const name of GENERATOR_FILES) {
    const source = await readFile(new URL(`../src/playground/${name}.ts`, import.meta.url), "utf8");
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2020 },
    });
    // Node finds a module by its whole file name: "./sampleCommon" is "./sampleCommon.mjs" here.
    const relinked = outputText.replace(/from "\.\/(\w+)"/g, 'from "./$1.mjs"');
    await writeFile(join(directory, `${name}.mjs`), relinked);
  }
  try {
    return await import(pathToFileURL(join(directory, "sampleData.mjs")).href);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
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
  const sheets = {
    MRR: sample.mrr,
    Ledger: sample.ledger,
    Billing: sample.billing?.lines ?? null,
    Rates: sample.billing?.rates ?? null,
    Survey: sample.survey,
  };
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
