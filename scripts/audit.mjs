// `npm run audit` (run by .ci/run): `npm audit` of the whole dependency tree, development tools
// included. The add-in ships no runtime dependency, so what can hurt is what builds, serves and
// tests it (webpack, the development servers, the Office tools) on a developer's machine or in CI.
//
// - Fails (exit 1) on a high or critical advisory that `npm audit fix` can fix without a major
//   update: there is no reason to keep it.
// - Lists every other advisory, with what npm offers: a fix that needs a new major (never taken
//   automatically, the majors are pinned; npm's semver-major "fix" is often a downgrade to an old
//   major that merely drops the vulnerable package), or no fix at all.
// - When the registry cannot answer (no network, a proxy refusing the audit endpoint, a timeout)
//   it says so in capitals and exits 0, so CI still runs where the audit cannot; nobody may mistake
//   that for a clean audit (`--require-registry` or AUDIT_REQUIRE_REGISTRY=1 make it exit 2).
//   Any other failure of npm audit (no lockfile, output that is not a report) exits 1.
//
//   npm run audit -- [--summary file.json] [--require-registry]
//
// The decision (judgeAudit) is tested against recorded `npm audit --json` runs in
// test/fixtures/npm-audit/.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const SEVERITIES = ["critical", "high", "moderate", "low", "info"];
const BLOCKING = new Set(["critical", "high"]);

/** Signs that the registry, not the project, is why there is no report. */
const NO_ANSWER =
  /audit endpoint returned an error|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|network timeout|socket hang up|\b[45]\d\d\b [A-Za-z]/;

/** The installed version of a top-level package, from package-lock.json (undefined when unknown). */
export function lockfileVersions(
  lockfile = fileURLToPath(new URL("../package-lock.json", import.meta.url))
) {
  let packages = {};
  try {
    packages = JSON.parse(readFileSync(lockfile, "utf8")).packages ?? {};
  } catch {
    // no lockfile: versions unknown, npm audit itself will say what is wrong
  }
  return (name) => packages[`node_modules/${name}`]?.version;
}

const major = (version) => Number(/^(\d+)\./.exec(String(version ?? ""))?.[1] ?? NaN);

/** What npm offers to fix one vulnerable package, in words, and whether it is a plain update. */
function fixOf(entry, installed) {
  const fix = entry.fixAvailable;
  if (fix === true)
    return { plain: true, words: "fix: `npm audit fix` (an update within the declared ranges)" };
  if (fix && typeof fix === "object" && !fix.isSemVerMajor)
    return { plain: true, words: `fix: \`npm audit fix\` (${fix.name} ${fix.version})` };
  if (fix && typeof fix === "object") {
    const now = installed(fix.name);
    const older = now !== undefined && major(fix.version) < major(now);
    return {
      plain: false,
      words: `no fix without a major change: npm offers ${fix.name} ${fix.version}${
        older
          ? `, an older major than the installed ${now} (a downgrade)`
          : " (a new major; the majors are pinned)"
      }`,
    };
  }
  return { plain: false, words: "no fixed version" };
}

/** The advisories of a report, one per advisory and vulnerable package, most severe first. */
function advisoriesOf(report, installed) {
  const found = [];
  for (const [name, entry] of Object.entries(report.vulnerabilities ?? {})) {
    for (const via of entry.via ?? []) {
      if (typeof via !== "object" || via === null) continue; // reached through another package
      const fix = fixOf(entry, installed);
      found.push({
        id: /GHSA-[\w-]+/.exec(via.url ?? "")?.[0] ?? String(via.source ?? "?"),
        url: via.url ?? "",
        title: via.title ?? "",
        severity: via.severity ?? entry.severity,
        name,
        range: via.range ?? entry.range ?? "",
        through: entry.effects ?? [],
        fix,
        blocking: BLOCKING.has(via.severity ?? entry.severity) && fix.plain,
      });
    }
  }
  const rank = (severity) => SEVERITIES.indexOf(severity);
  return found.sort((a, b) => rank(a.severity) - rank(b.severity) || a.name.localeCompare(b.name));
}

function describe(advisory) {
  const through = advisory.through.length ? `; reached through ${advisory.through.join(", ")}` : "";
  return [
    `  ${advisory.severity.padEnd(9)} ${advisory.name} ${advisory.range}  ${advisory.id}  ${advisory.title}`,
    `            ${advisory.fix.words}${through}`,
  ];
}

/**
 * The verdict on one `npm audit --json` run ({ status, stdout, stderr, error } as spawnSync gives
 * it): "clean", "pass" (advisories listed, none failing), "fail", "unchecked" (the registry could
 * not answer) or "error"; the lines to print, the exit code and a one-line summary.
 */
export function judgeAudit(run, { requireRegistry = false, installed = lockfileVersions() } = {}) {
  const stdout = String(run.stdout ?? "");
  const stderr = String(run.stderr ?? "");
  const unchecked = (why) => ({
    verdict: "unchecked",
    exitCode: requireRegistry ? 2 : 0,
    summary: `dependency audit NOT CHECKED: the registry could not answer (${why})`,
    lines: [
      `npm audit: THE REGISTRY COULD NOT ANSWER (${why}).`,
      "npm audit: DEPENDENCY ADVISORIES WERE NOT CHECKED IN THIS RUN. Run `npm run audit` where the registry's audit endpoint can be reached.",
    ],
  });
  const failed = (why) => ({
    verdict: "error",
    exitCode: 1,
    summary: `dependency audit FAILED to run (${why})`,
    lines: [`npm audit failed: ${why}`],
  });

  if (run.error) {
    if (run.error.code === "ETIMEDOUT") return unchecked("npm audit did not finish in time");
    return failed(run.error.message);
  }
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    const why = (stdout.trim() || stderr.trim() || "no output").split("\n")[0];
    return NO_ANSWER.test(stderr) ? unchecked(why) : failed(`its output is not a report (${why})`);
  }
  if (!report || typeof report.vulnerabilities !== "object" || !report.metadata) {
    const why =
      report?.message ||
      report?.error?.summary ||
      report?.error?.code ||
      stderr.trim().split("\n")[0] ||
      "no report";
    const code = report?.error?.code;
    if (!code && (NO_ANSWER.test(String(report?.message ?? "")) || NO_ANSWER.test(stderr)))
      return unchecked(why);
    return failed(code ? `${code}: ${why}` : why);
  }

  const counts = report.metadata.vulnerabilities ?? {};
  const packages = report.metadata.dependencies?.total ?? "?";
  const tally = SEVERITIES.map((severity) => `${counts[severity] ?? 0} ${severity}`).join(", ");
  const advisories = advisoriesOf(report, installed);
  const blocking = advisories.filter((advisory) => advisory.blocking);
  const listed = advisories.filter((advisory) => !advisory.blocking);
  const lines = [
    `npm audit of the whole tree (${packages} packages, development tools included): ${tally} (vulnerable packages)`,
  ];
  if (blocking.length) {
    lines.push(
      "",
      "FAILING: high or critical, fixable without a major update (run `npm audit fix`):"
    );
    for (const advisory of blocking) lines.push(...describe(advisory));
  }
  if (listed.length) {
    lines.push(
      "",
      "Listed, not failing (moderate or lower, or no fix without a major change: decide and record why):"
    );
    for (const advisory of listed) lines.push(...describe(advisory));
  }
  if (blocking.length)
    return {
      verdict: "fail",
      exitCode: 1,
      summary: `dependency audit FAILED: ${blocking.length} high or critical advisor${blocking.length === 1 ? "y" : "ies"} with a fix (${blocking.map((a) => `${a.name} ${a.id}`).join(", ")})`,
      lines,
    };
  return {
    verdict: advisories.length ? "pass" : "clean",
    exitCode: 0,
    summary: advisories.length
      ? `dependency audit passed: ${advisories.length} advisor${advisories.length === 1 ? "y" : "ies"} listed, none high or critical with a fix`
      : "dependency audit clean: no advisories",
    lines,
  };
}

function main() {
  const { values } = parseArgs({
    options: {
      summary: { type: "string" },
      "require-registry": { type: "boolean", default: false },
    },
  });
  const run = spawnSync("npm", ["audit", "--json"], {
    encoding: "utf8",
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const result = judgeAudit(run, {
    requireRegistry: values["require-registry"] || process.env.AUDIT_REQUIRE_REGISTRY === "1",
  });
  const print = result.exitCode === 0 ? console.log : console.error;
  for (const line of result.lines) print(line);
  print(`\n${result.summary}`);
  if (values.summary) {
    mkdirSync(dirname(values.summary), { recursive: true });
    writeFileSync(
      values.summary,
      `${JSON.stringify({ verdict: result.verdict, summary: result.summary }, null, 2)}\n`
    );
  }
  process.exit(result.exitCode);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
