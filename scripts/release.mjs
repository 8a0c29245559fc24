// `ADDIN_ORIGIN=https://metrics.example.com npm run release`: builds the add-in for that origin
// (the same production build as `npm run build`) and writes one archive,
// release/retention-metrics-<version>-<host>.zip, holding the files to put at the root of the
// host (manifest.xml among them, for the Microsoft 365 admin center). docs/deploy.md says what to
// do with it. Refuses to run without ADDIN_ORIGIN, or with one that is not an https origin.
//
//   npm run release -- [--out folder]      (release/ by default)
//
// A zip, because it is what hosts and admins take everywhere (Windows opens it, Azure and most
// static hosts deploy it as it is); written with adm-zip, already in the tree for Microsoft's
// manifest tools. Each file keeps the build's time as its date: hosts derive ETag and
// Last-Modified from it, and a fixed date could make a host answer "not modified" for a changed
// functions.js after an upgrade.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const require = createRequire(import.meta.url);
const AdmZip = require("adm-zip");
const { parseAddinOrigin } = require("./addin-origin.js");

const ROOT = fileURLToPath(new URL("..", import.meta.url));

function fail(message) {
  console.error(`\nnpm run release: ${message}\n`);
  process.exit(1);
}

/** Every file under `folder`, as paths relative to it with "/" separators, sorted. */
function filesUnder(folder) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) found.push(relative(folder, path).split(sep).join("/"));
    }
  };
  walk(folder);
  return found.sort();
}

const { values } = parseArgs({
  options: { out: { type: "string", default: join(ROOT, "release") } },
});

if (process.env.ADDIN_ORIGIN === undefined)
  fail(
    "set ADDIN_ORIGIN to the https origin that will serve the add-in, e.g.\n  ADDIN_ORIGIN=https://metrics.example.com npm run release"
  );
const origin = parseAddinOrigin(process.env.ADDIN_ORIGIN, "npm run release");
if (origin instanceof Error) fail(origin.message);

const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const host = new URL(origin).host.replace(/:/g, "_");
const name = `retention-metrics-${version}-${host}`;
const build = mkdtempSync(join(tmpdir(), `${name}-`));

try {
  console.log(`Building Retention Metrics for Excel ${version} for ${origin} …`);
  const webpack = spawnSync(
    process.execPath,
    [
      require.resolve("webpack-cli/bin/cli.js"),
      "--mode",
      "production",
      "--output-path",
      build,
      "--stats",
      "errors-warnings",
    ],
    { cwd: ROOT, env: { ...process.env, ADDIN_ORIGIN: origin }, stdio: "inherit" }
  );
  if (webpack.status !== 0) {
    console.error(
      `\nnpm run release: the build for ${origin} failed (see above); no archive written\n`
    );
    process.exitCode = 1;
  } else {
    writeArchive();
  }
} finally {
  rmSync(build, { recursive: true, force: true });
}

function writeArchive() {
  const files = filesUnder(build);
  const zip = new AdmZip();
  for (const file of files) zip.addFile(file, readFileSync(join(build, file)));
  mkdirSync(values.out, { recursive: true });
  const archive = resolve(values.out, `${name}.zip`);
  zip.writeZip(archive);

  console.log(`\n${archive} (${statSync(archive).size.toLocaleString("en")} bytes):`);
  for (const file of files)
    console.log(
      `  ${file.padEnd(36)} ${statSync(join(build, file)).size.toLocaleString("en").padStart(9)}`
    );
  console.log(`
Put these files at the root of ${origin} (with the headers in docs/deploy.md), check that
${origin}/taskpane.html opens, then give manifest.xml to the Microsoft 365 admin center.`);
}
