/**
 * The pieces of a build for a host (scripts/addin-origin.js) and the commands around it: which
 * ADDIN_ORIGIN values are accepted (an https origin, normalised) and which stop the build with a
 * message; the manifest's <Version> from package.json and its URLs on the origin; help URLs moved
 * in the function metadata; the last step that fails a build still naming localhost; and
 * `npm run release` refusing to run without an origin.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import webpack from "webpack";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");
const require = createRequire(import.meta.url);

interface Metadata {
  functions: { id: string; helpUrl?: string }[];
}
const origin = require("../../scripts/addin-origin.js") as {
  DEV_ORIGIN: string;
  parseAddinOrigin(text: string | undefined, command?: string): string | Error;
  manifestVersion(version: string): string;
  manifestFor(xml: string, options: { origin: string; version: string }): string;
  metadataOnOrigin(metadata: Metadata, origin: string): Metadata;
  AddinOriginPlugin: new (options: { origin: string }) => webpack.WebpackPluginInstance;
};

const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
};
const scratch = mkdtempSync(join(tmpdir(), "addin-origin-"));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("ADDIN_ORIGIN: an https origin, nothing else", () => {
  it.each([
    ["https://metrics.example.com", "https://metrics.example.com"],
    ["a trailing slash is dropped", "https://metrics.example.com/", "https://metrics.example.com"],
    ["the host is lower-cased", "https://Metrics.Example.COM", "https://metrics.example.com"],
    [
      "the default port is dropped",
      "https://metrics.example.com:443",
      "https://metrics.example.com",
    ],
    ["another port stays", "https://metrics.example.com:8443", "https://metrics.example.com:8443"],
    ["an IP address", "https://10.1.2.3:8443", "https://10.1.2.3:8443"],
    [
      "a host name in Unicode becomes punycode",
      "https://bücher.example",
      "https://xn--bcher-kva.example",
    ],
  ])("accepts %s", (...args) => {
    const [text, expected] = args.length === 2 ? [args[0], args[1]] : [args[1], args[2]];
    expect(origin.parseAddinOrigin(text)).toBe(expected);
  });

  it.each([
    ["", /empty/],
    ["http://metrics.example.com", /must start with https:\/\//],
    ["metrics.example.com", /must start with https:\/\//],
    ["ftp://metrics.example.com", /must start with https:\/\//],
    ["https://metrics.example.com/addin", /holds a path/],
    ["https://metrics.example.com/addin/", /holds a path/],
    ["https://metrics.example.com//", /holds a path/],
    ["https://metrics.example.com/?v=2", /query or a fragment/],
    ["https://metrics.example.com#help", /query or a fragment/],
    ["https://user:secret@metrics.example.com", /credentials/],
    ["https://metrics.example.com ", /spaces, quotes/],
    [" https://metrics.example.com", /spaces, quotes/],
    ['https://metrics.example.com"', /spaces, quotes/],
    ["https://metrics.example.com>", /spaces, quotes/],
    ["https://metrics.example.com\\", /spaces, quotes/],
    ["https://metrics.example.com:99999", /not a valid URL/],
    ["https://", /holds a path|not a valid URL/],
    ["https://localhost:3000", /names this machine/],
    ["https://addin.localhost", /names this machine/],
  ])("refuses %j with a reason", (text, why) => {
    const refusal = origin.parseAddinOrigin(text);
    expect(refusal).toBeInstanceOf(Error);
    expect((refusal as Error).message).toMatch(why);
    expect((refusal as Error).message).toMatch(
      /For example: ADDIN_ORIGIN=https:\/\/metrics\.example\.com npm run build/
    );
  });
});

describe("the manifest a build writes", () => {
  it("takes <Version> from package.json, as the four parts Office wants", () => {
    expect(origin.manifestVersion("0.1.0")).toBe("0.1.0.0");
    expect(origin.manifestVersion("12.3.45")).toBe("12.3.45.0");
    for (const bad of ["1.2", "1.2.3-beta.1", "1.2.3+build", "10000.0.0", "v1.2.3"])
      expect(() => origin.manifestVersion(bad), bad).toThrow(/cannot be a manifest <Version>/);
  });

  it("keeps manifest.xml's own <Version> equal to package.json's (npm version updates both)", () => {
    expect(/<Version>([^<]*)<\/Version>/.exec(manifest)?.[1]).toBe(origin.manifestVersion(version));
  });

  it("for the development server: the manifest as it is, with the version", () => {
    expect(origin.manifestFor(manifest, { origin: origin.DEV_ORIGIN, version: "9.8.7.0" })).toBe(
      manifest.replace(/<Version>[^<]*<\/Version>/, "<Version>9.8.7.0</Version>")
    );
  });

  it("for a host: every URL on it, its Id kept, no localhost, still well-formed XML", () => {
    const built = origin.manifestFor(manifest, {
      origin: "https://metrics.example.com",
      version: "0.1.0.0",
    });
    expect(built).not.toMatch(/localhost/i);
    expect(built.split("https://metrics.example.com/").length).toBe(
      manifest.split(`${origin.DEV_ORIGIN}/`).length
    );
    expect(/<Id>([^<]*)<\/Id>/.exec(built)?.[1]).toBe(/<Id>([^<]*)<\/Id>/.exec(manifest)?.[1]);
    expect(built).toContain("<AppDomain>https://metrics.example.com</AppDomain>");
    const file = join(scratch, "manifest.xml");
    writeFileSync(file, built);
    expect(() => execFileSync("xmllint", ["--noout", file], { stdio: "pipe" })).not.toThrow();
  });
});

describe("function metadata for a host", () => {
  it("moves every helpUrl to the origin, keeping the page and the anchor", () => {
    const moved = origin.metadataOnOrigin(
      {
        functions: [
          { id: "NRR", helpUrl: `${origin.DEV_ORIGIN}/help.html#NRR` },
          { id: "NPS", helpUrl: `${origin.DEV_ORIGIN}/help.zh-CN.html#NPS` },
        ],
      },
      "https://metrics.example.com"
    );
    expect(moved.functions.map((fn) => fn.helpUrl)).toEqual([
      "https://metrics.example.com/help.html#NRR",
      "https://metrics.example.com/help.zh-CN.html#NPS",
    ]);
  });

  it("refuses a helpUrl that is not on the development server (it could not be moved)", () => {
    expect(() =>
      origin.metadataOnOrigin(
        { functions: [{ id: "NRR", helpUrl: "https://elsewhere.example/help.html#NRR" }] },
        "https://metrics.example.com"
      )
    ).toThrow(/NRR: @helpurl .* is not on https:\/\/localhost:3000/);
  });
});

describe("the last step of a build for a host", () => {
  it("fails the build when any file, a source map included, still names localhost", async () => {
    writeFileSync(
      join(scratch, "entry.js"),
      'console.log("see https://localhost:3000/help.html");\n'
    );
    const stats = await new Promise<webpack.Stats>((done, failed) =>
      webpack(
        {
          mode: "production",
          context: scratch,
          entry: { functions: "./entry.js" },
          output: { path: join(scratch, "out"), filename: "[name].js" },
          devtool: "source-map",
          plugins: [new origin.AddinOriginPlugin({ origin: "https://metrics.example.com" })],
          infrastructureLogging: { level: "none" },
        },
        (error, result) => (error || !result ? failed(error) : done(result))
      )
    );
    expect(stats.hasErrors()).toBe(true);
    const message = stats.compilation.errors.map((error) => error.message).join("\n");
    expect(message).toMatch(
      /built for https:\/\/metrics\.example\.com, yet these files still name localhost: functions\.js, functions\.js\.map/
    );
  });
});

describe("the commands refuse a missing or bad origin before building", () => {
  const run = (args: string[], env: Record<string, string | undefined>) => {
    const environment = { ...process.env, ...env };
    for (const [name, value] of Object.entries(environment))
      if (value === undefined) delete environment[name];
    return spawnSync(process.execPath, args, {
      cwd: ROOT,
      encoding: "utf8",
      env: environment,
      timeout: 60_000,
    });
  };

  it("ADDIN_ORIGIN=http://… npm run build: exit 1, the reason, nothing written", () => {
    const out = join(scratch, "refused");
    const webpackCli = require.resolve("webpack-cli/bin/cli.js");
    const build = run([webpackCli, "--mode", "production", "--output-path", out], {
      ADDIN_ORIGIN: "http://metrics.example.com",
    });
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(
      /ADDIN_ORIGIN "http:\/\/metrics\.example\.com" cannot be used: it must start with https:\/\//
    );
    expect(existsSync(out)).toBe(false);
  });

  it("npm run release without ADDIN_ORIGIN: exit 1, saying how to run it", () => {
    const release = run(["scripts/release.mjs", "--out", join(scratch, "release")], {
      ADDIN_ORIGIN: undefined,
    });
    expect(release.status).toBe(1);
    expect(release.stderr).toMatch(
      /set ADDIN_ORIGIN to the https origin .*\n.*ADDIN_ORIGIN=https:\/\/metrics\.example\.com npm run release/
    );
    expect(existsSync(join(scratch, "release"))).toBe(false);
  });

  it("npm run release with a path in ADDIN_ORIGIN: exit 1, the reason", () => {
    const release = run(["scripts/release.mjs", "--out", join(scratch, "release")], {
      ADDIN_ORIGIN: "https://metrics.example.com/retention",
    });
    expect(release.status).toBe(1);
    expect(release.stderr).toMatch(/holds a path/);
  });
});
