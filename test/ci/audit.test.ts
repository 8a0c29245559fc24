/**
 * The dependency audit's decision (scripts/audit.mjs), over `npm audit --json` runs recorded on
 * this project's machine (test/fixtures/npm-audit/, each says how it was made): it fails on a high
 * or critical advisory that `npm audit fix` can fix, lists the rest with what npm offers, says in
 * capitals when the registry could not answer (and exits 2 if asked to require it), and fails on
 * any other trouble. No network here: the fixtures are the npm runs.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { type AuditRun, judgeAudit } from "../../scripts/audit.mjs";

const FIXTURES = resolve(__dirname, "../fixtures/npm-audit");

function recorded(name: string): AuditRun {
  const { status, stdout, stderr } = JSON.parse(readFileSync(`${FIXTURES}/${name}.json`, "utf8"));
  return { status, stdout, stderr };
}

/** The installed versions the recordings were made with (package-lock.json at the time). */
const installed = (name: string) =>
  ({
    "webpack-dev-server": "5.2.7",
    "webpack-cli": "6.0.1",
    "office-addin-manifest": "3.0.0",
    "office-addin-mock": "4.0.0",
  })[name];

const judge = (name: string, options = {}) => judgeAudit(recorded(name), { installed, ...options });
const text = (verdict: { lines: string[]; summary: string }) =>
  [...verdict.lines, verdict.summary].join("\n");

describe("npm audit of the whole tree: what fails", () => {
  it("passes a clean report, saying it audited the whole tree", () => {
    const verdict = judge("clean");
    expect(verdict).toMatchObject({ verdict: "clean", exitCode: 0 });
    expect(text(verdict)).toMatch(
      /whole tree \(752 packages, development tools included\): 0 critical, 0 high/
    );
  });

  it("fails on a high advisory that `npm audit fix` fixes within the declared ranges", () => {
    const verdict = judge("advisories-mixed");
    expect(verdict).toMatchObject({ verdict: "fail", exitCode: 1 });
    const failing = verdict.lines.slice(
      verdict.lines.findIndex((line) => line.startsWith("FAILING")),
      verdict.lines.findIndex((line) => line.startsWith("Listed"))
    );
    expect(failing.join("\n")).toContain("fast-check <4.11.0  GHSA-test-fxck-0001");
    expect(failing.join("\n")).toContain("`npm audit fix`");
    expect(failing.join("\n")).not.toMatch(/webpack-cli|http-proxy|adm-zip/);
    expect(verdict.summary).toBe(
      "dependency audit FAILED: 1 high or critical advisory with a fix (fast-check GHSA-test-fxck-0001)"
    );
  });

  it("lists, without failing, a critical whose only fix is a new major, naming it", () => {
    const listed = text(judge("advisories-mixed"));
    expect(listed).toMatch(
      /critical\s+webpack-cli <7\.0\.0 {2}GHSA-test-wcli-0002.*\n.*npm offers webpack-cli 7\.3\.1 \(a new major; the majors are pinned\)/
    );
  });

  it("lists, without failing, a high with no fixed version, and calls npm's downgrade a downgrade", () => {
    const verdict = judge("advisories-without-fix");
    expect(verdict).toMatchObject({ verdict: "pass", exitCode: 0 });
    expect(text(verdict)).toMatch(
      /high\s+http-proxy <=1\.18\.1 {2}GHSA-test-hprx-0003.*\n.*npm offers webpack-dev-server 1\.14\.1, an older major than the installed 5\.2\.7 \(a downgrade\); reached through http-proxy-middleware/
    );
    expect(text(verdict)).toMatch(/moderate\s+adm-zip >=0\.5\.9 <0\.6\.1 {2}GHSA-vwc7-r8mq-g2x9/);
    expect(verdict.summary).toBe(
      "dependency audit passed: 2 advisories listed, none high or critical with a fix"
    );
  });

  it("lists an advisory once, at the package that has it, not at every package it reaches", () => {
    const lines = judge("advisories-without-fix").lines.filter((line) => /GHSA-/.test(line));
    expect(lines).toHaveLength(2);
  });
});

describe("npm audit: when the registry cannot answer", () => {
  it.each([
    ["registry-405", /405 Method Not Allowed/],
    ["registry-503", /503 Service Unavailable/],
    ["registry-not-found", /ENOTFOUND/],
    ["registry-refused", /ECONNREFUSED/],
    ["registry-timeout", /network timeout/],
  ])("%s: says in capitals that nothing was checked, and exits 0", (name, why) => {
    const verdict = judge(name);
    expect(verdict).toMatchObject({ verdict: "unchecked", exitCode: 0 });
    expect(verdict.lines.join("\n")).toMatch(/THE REGISTRY COULD NOT ANSWER/);
    expect(verdict.lines.join("\n")).toMatch(/WERE NOT CHECKED/);
    expect(verdict.summary).toMatch(why);
    expect(verdict.summary).toMatch(/^dependency audit NOT CHECKED/);
  });

  it("exits 2 instead when the registry is required", () => {
    expect(judge("registry-405", { requireRegistry: true })).toMatchObject({
      verdict: "unchecked",
      exitCode: 2,
    });
  });

  it("counts npm audit running out of time as not checked", () => {
    const timedOut = Object.assign(new Error("spawnSync npm ETIMEDOUT"), { code: "ETIMEDOUT" });
    expect(
      judgeAudit({ status: null, stdout: "", stderr: "", error: timedOut }, { installed })
    ).toMatchObject({
      verdict: "unchecked",
    });
  });
});

describe("npm audit: any other trouble fails", () => {
  it("fails without a lockfile (the project's problem, not the registry's)", () => {
    const verdict = judge("no-lockfile");
    expect(verdict).toMatchObject({ verdict: "error", exitCode: 1 });
    expect(verdict.summary).toMatch(/ENOLOCK/);
  });

  it("fails on output that is not a report", () => {
    expect(
      judgeAudit({ status: 1, stdout: "Segmentation fault", stderr: "" }, { installed })
    ).toMatchObject({ verdict: "error", exitCode: 1 });
  });

  it("fails when npm cannot be started", () => {
    const missing = Object.assign(new Error("spawnSync npm ENOENT"), { code: "ENOENT" });
    expect(
      judgeAudit({ status: null, stdout: "", stderr: "", error: missing }, { installed })
    ).toMatchObject({
      verdict: "error",
      exitCode: 1,
    });
  });
});
