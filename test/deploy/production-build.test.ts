/**
 * A release for a sample host, end to end and offline: `ADDIN_ORIGIN=https://metrics.example.com
 * npm run release` (the production build of `npm run build`, into a folder of its own so that the
 * dist/ the other tests read is left alone), then its one archive, opened and checked: the manifest
 * with every URL on the origin and pointing at a file of the archive, the version from
 * package.json and the add-in's stable Id; help URLs on the origin in both metadata files; the
 * task pane's Content-Security-Policy; and no "localhost" in any file, source maps included.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST } from "../support/bundle";

const ROOT = resolve(__dirname, "../..");
const ORIGIN = "https://metrics.example.com";
const OFFICE_CDN = "https://appsforoffice.microsoft.com";
const require = createRequire(import.meta.url);
const AdmZip = require("adm-zip") as new (file: string) => {
  getEntries(): { entryName: string; isDirectory: boolean; getData(): Buffer }[];
};

const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
};
const sourceManifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");

let out: string;
let archives: string[];
/** The archive's files, by path. */
const files = new Map<string, Buffer>();
const text = (path: string) => {
  const data = files.get(path);
  if (!data) throw new Error(`${path} is not in the archive`);
  return data.toString("utf8");
};

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), "release-"));
  const started = Date.now();
  const release = spawnSync(process.execPath, ["scripts/release.mjs", "--out", out], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ADDIN_ORIGIN: `${ORIGIN}/` },
    timeout: 240_000,
  });
  if (release.status !== 0)
    throw new Error(`npm run release failed:\n${release.stdout}\n${release.stderr}`);
  console.log(
    `release for ${ORIGIN}: built and archived in ${((Date.now() - started) / 1000).toFixed(1)} s`
  );
  archives = readdirSync(out);
  for (const entry of new AdmZip(join(out, archives[0] ?? "")).getEntries())
    if (!entry.isDirectory) files.set(entry.entryName, entry.getData());
}, 240_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe("npm run release", () => {
  it("writes one archive, named for the version and the host", () => {
    expect(archives).toEqual([`retention-metrics-${version}-metrics.example.com.zip`]);
  });

  it("holds the add-in's static files and the manifest, and nothing of the playground", () => {
    const names = [...files.keys()];
    for (const file of [
      "manifest.xml",
      "taskpane.html",
      "taskpane.js",
      "taskpane.css",
      "functions.js",
      "functions.json",
      "functions.zh-CN.json",
      "help.html",
      "help.zh-CN.html",
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
      "office-js/office.js",
    ])
      expect(names, file).toContain(file);
    expect(names.filter((name) => /playground|sample|LICENSE/i.test(name))).toEqual([]);
    for (const [name, data] of files)
      expect(data.toString("latin1"), name).not.toMatch(/hyperformula|handsontable/i);
  });
});

describe("the manifest of a build for a host", () => {
  const manifest = () => text("manifest.xml");
  /** Every URL the manifest gives Office, but the XML namespaces. */
  const urls = () =>
    [
      ...manifest()
        .replace(/xmlns(:\w+)?="[^"]*"/g, "")
        .matchAll(/(?:="|>)(https?:\/\/[^"<]+)/g),
    ].map((match) => match[1] ?? "");

  it("is well-formed XML (xmllint)", () => {
    const file = join(out, "manifest.xml");
    writeFileSync(file, manifest());
    expect(() => execFileSync("xmllint", ["--noout", file], { stdio: "pipe" })).not.toThrow();
  });

  it("puts every URL on the origin: source location, icons, support and help, runtime, function files", () => {
    const all = urls();
    // As many as the repository's manifest names the development server.
    expect(all.length).toBe(sourceManifest.split("https://localhost:3000").length - 1);
    expect(all.length).toBeGreaterThan(12);
    for (const url of all) expect(url === ORIGIN || url.startsWith(`${ORIGIN}/`), url).toBe(true);
    for (const file of [
      "taskpane.html",
      "functions.js",
      "functions.json",
      "functions.zh-CN.json",
      "help.html",
      "help.zh-CN.html",
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
    ])
      expect(all, file).toContain(`${ORIGIN}/${file}`);
    expect(manifest()).toMatch(
      new RegExp(`<SourceLocation DefaultValue="${ORIGIN}/taskpane.html"/>`)
    );
    expect(manifest()).toContain(`<AppDomain>${ORIGIN}</AppDomain>`);
  });

  it("names only files the archive holds", () => {
    for (const url of urls().filter((each) => each !== ORIGIN))
      expect(files.has(new URL(url).pathname.slice(1)), url).toBe(true);
  });

  it("is the repository's manifest with the origin moved: same Id, same structure", () => {
    const id = (xml: string) => /<Id>([^<]*)<\/Id>/.exec(xml)?.[1];
    expect(id(manifest())).toBe("6f3c1d9e-4b52-4a77-9c1e-2d8f5a7b3e41");
    expect(id(manifest())).toBe(id(sourceManifest));
    const withoutComments = (xml: string) => xml.replace(/<!--[\s\S]*?-->/g, "");
    expect(withoutComments(manifest())).toBe(
      withoutComments(sourceManifest)
        .split("https://localhost:3000")
        .join(ORIGIN)
        .replace(/<Version>[^<]*<\/Version>/, `<Version>${version}.0</Version>`)
    );
  });

  it(`says <Version>${version}.0</Version>, package.json's version`, () => {
    expect(/<Version>([^<]*)<\/Version>/.exec(manifest())?.[1]).toBe(`${version}.0`);
  });
});

describe("the function metadata of a build for a host", () => {
  type Metadata = { functions: { id: string; helpUrl: string }[] };
  const metadata = (file: string) => JSON.parse(text(file)) as Metadata;

  it("points every function's help at the origin, in English and in Chinese", () => {
    const english = metadata("functions.json").functions;
    const chinese = metadata("functions.zh-CN.json").functions;
    // Every function of the development build, none lost on the way to the host.
    const development = JSON.parse(
      readFileSync(resolve(__dirname, "../../dist/functions.json"), "utf8")
    ) as Metadata;
    expect(english.map((fn) => fn.id)).toEqual(development.functions.map((fn) => fn.id));
    expect(chinese.map((fn) => fn.id)).toEqual(english.map((fn) => fn.id));
    for (const fn of english) expect(fn.helpUrl).toBe(`${ORIGIN}/help.html#${fn.id}`);
    for (const fn of chinese) expect(fn.helpUrl).toBe(`${ORIGIN}/help.zh-CN.html#${fn.id}`);
  });

  it("differs from the development build's in the help URLs only", () => {
    const development = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as Metadata;
    const withoutHelp = (data: Metadata) => ({
      ...data,
      functions: data.functions.map((fn) => ({ ...fn, helpUrl: undefined })),
    });
    expect(withoutHelp(metadata("functions.json"))).toEqual(withoutHelp(development));
  });

  it("has a help page holding a section for every function", () => {
    for (const fn of metadata("functions.json").functions) {
      // The build minifies the pages: attribute quotes may go.
      const section = new RegExp(`<section id="?${fn.id.replace(/\./g, "\\.")}"?>`);
      expect(text("help.html")).toMatch(section);
      expect(text("help.zh-CN.html")).toMatch(section);
    }
  });
});

describe("the task pane of a build for a host", () => {
  const policy = () => {
    const meta = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"/i.exec(
      text("taskpane.html")
    );
    return new Map(
      (meta?.[1] ?? "")
        .split(";")
        .map((part) => part.trim().split(/\s+/))
        .filter((words) => words[0])
        .map(([name, ...sources]) => [name ?? "", sources])
    );
  };

  it("carries a Content-Security-Policy allowing its own origin and Office's CDN only", () => {
    const directives = policy();
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual(["'self'", OFFICE_CDN]);
    for (const [name, sources] of directives)
      for (const source of sources)
        expect(
          ["'self'", "'none'", "'unsafe-inline'", "data:", OFFICE_CDN],
          `${name} ${source}`
        ).toContain(source);
    expect(directives.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("loads office.js from Office's CDN, and everything else from its own origin", () => {
    const sources = [
      ...text("taskpane.html").matchAll(/\s(?:src|href)=(?:"([^"]+)"|([^\s>"]+))/g),
    ].map((match) => match[1] ?? match[2] ?? "");
    expect(sources).toContain(`${OFFICE_CDN}/lib/1/hosted/office.js`);
    for (const source of sources.filter((each) => !each.startsWith(OFFICE_CDN)))
      expect(source, source).not.toMatch(/^[a-z]+:|^\/\//i);
  });
});

describe("no file of a build for a host names the development server", () => {
  it("has no 'localhost' in any file: pages, scripts, metadata, manifest, office.js, source maps", () => {
    expect(files.size).toBeGreaterThan(15);
    for (const [name, data] of files)
      expect(data.toString("latin1"), name).not.toMatch(/localhost/i);
  });

  it("ships source maps of positions only, without the sources", () => {
    const maps = [...files.keys()].filter((name) => name.endsWith(".map"));
    expect(maps).toEqual(expect.arrayContaining(["functions.js.map", "taskpane.js.map"]));
    for (const name of maps) expect(JSON.parse(text(name)).sourcesContent, name).toBeUndefined();
  });
});
