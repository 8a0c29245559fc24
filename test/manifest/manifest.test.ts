/**
 * The manifest, checked offline (the online validator needs Microsoft's service): well-formed
 * (xmllint), every resid defined, shared-runtime wiring consistent, https URLs only, the
 * namespace rules, the least permission, and icons that exist at the sizes named.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");
const MANIFEST = resolve(ROOT, "manifest.xml");
const xml = readFileSync(MANIFEST, "utf8");

function xmllint(...args: string[]): string {
  try {
    return execFileSync("xmllint", [...args, MANIFEST], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const failure = error as { code?: string; stderr?: string };
    if (failure.code === "ENOENT") throw new Error("xmllint is missing: install libxml2-utils (.ci/run does)");
    throw new Error(`xmllint ${args.join(" ")} failed: ${failure.stderr ?? String(error)}`);
  }
}

/** Values of an XPath over elements by local name (namespaces vary across the manifest). */
function values(xpath: string): string[] {
  let out: string;
  try {
    out = xmllint("--xpath", xpath);
  } catch (error) {
    if (String(error).includes("XPath set is empty")) return [];
    throw error;
  }
  return [...out.matchAll(/="([^"]*)"|>([^<]*)</g)].map((m) => m[1] ?? m[2] ?? "");
}

function one(xpath: string): string {
  return xmllint("--xpath", `string(${xpath})`).trim();
}

const el = (name: string) => `*[local-name()='${name}']`;

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(() => xmllint("--noout")).not.toThrow();
  });

  it("every resid refers to a defined resource, and resource ids are unique and ≤ 32 characters", () => {
    const defined = values(`//${el("Resources")}//*[@id]/@id`);
    expect(new Set(defined).size).toBe(defined.length);
    for (const id of defined) expect(id.length, id).toBeLessThanOrEqual(32);
    const used = values("//@resid");
    expect(used.length).toBeGreaterThan(10);
    for (const resid of used) expect(defined, `resid ${resid}`).toContain(resid);
  });

  it("uses only https URLs", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue="|<AppDomain>)([a-z]+:\/\/[^"<]+)/g)].map((m) => m[1] ?? "");
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url, url).toMatch(/^https:\/\//);
    // Namespace names are identifiers, not locations; every other URL must be https.
    expect(xml.replace(/xmlns(:\w+)?="[^"]*"/g, "")).not.toMatch(/http:\/\//);
  });

  it("wires the shared runtime: one page for the functions and the task pane", () => {
    expect(values(`//${el("Requirements")}//${el("Set")}/@Name`)).toContain("SharedRuntime");
    const host = `//${el("VersionOverrides")}/${el("Hosts")}/${el("Host")}`;
    expect(one(`name(${host}/*[1])`)).toBe("Runtimes");
    const runtime = one(`${host}/${el("Runtimes")}/${el("Runtime")}/@resid`);
    expect(one(`${host}/${el("Runtimes")}/${el("Runtime")}/@lifetime`)).toBe("long");
    const functionsPoint = `${host}//${el("ExtensionPoint")}[@*[local-name()='type']='CustomFunctions']`;
    expect(one(`${functionsPoint}/${el("Page")}/${el("SourceLocation")}/@resid`)).toBe(runtime);
    expect(one(`${host}//${el("FunctionFile")}/@resid`)).toBe(runtime);
    expect(one(`${host}//${el("Action")}[@*[local-name()='type']='ShowTaskpane']/${el("SourceLocation")}/@resid`)).toBe(runtime);
    const urlOf = (resid: string) => one(`//${el("Url")}[@id='${resid}']/@DefaultValue`);
    expect(urlOf(runtime)).toMatch(/\/taskpane\.html$/);
    expect(urlOf(one(`${functionsPoint}/${el("Script")}/${el("SourceLocation")}/@resid`))).toMatch(/\/functions\.js$/);
    expect(urlOf(one(`${functionsPoint}/${el("Metadata")}/${el("SourceLocation")}/@resid`))).toMatch(/\/functions\.json$/);
  });

  it("declares the SAAS namespace within the rules (letters and digits, at most 32)", () => {
    const resid = one(`//${el("Namespace")}/@resid`);
    const namespace = one(`//${el("String")}[@id='${resid}']/@DefaultValue`);
    expect(namespace).toBe("SAAS");
    expect(namespace).toMatch(/^[A-Za-z][A-Za-z0-9]{0,31}$/);
  });

  it("asks for the least permission the task pane needs", () => {
    expect(one(`//${el("Permissions")}`)).toBe("ReadWriteDocument");
  });

  it("targets Excel with a ribbon button that opens the task pane", () => {
    expect(values(`/${el("OfficeApp")}/${el("Hosts")}/${el("Host")}/@Name`)).toEqual(["Workbook"]);
    expect(one(`//${el("Control")}/@*[local-name()='type']`)).toBe("Button");
  });

  it("names icons that exist at the sizes declared", () => {
    const images = values(`//${el("Image")}[@id]/@DefaultValue`);
    const icons = [...images, one(`//${el("IconUrl")}/@DefaultValue`), one(`//${el("HighResolutionIconUrl")}/@DefaultValue`)];
    for (const url of icons) {
      const match = /\/assets\/icon-(\d+)\.png$/.exec(url);
      expect(match, url).not.toBeNull();
      const file = resolve(ROOT, "assets", `icon-${match?.[1]}.png`);
      expect(existsSync(file), file).toBe(true);
      const png = readFileSync(file);
      expect(png.readUInt32BE(16)).toBe(Number(match?.[1]));
      expect(png.readUInt32BE(20)).toBe(Number(match?.[1]));
    }
  });

  it("is the manifest copied into dist/ by the build", () => {
    expect(readFileSync(resolve(ROOT, "dist/manifest.xml"), "utf8")).toBe(xml);
  });
});

describe("manifest.xml in Chinese (zh-CN)", () => {
  it("gives every Chinese Office the Chinese texts and metadata, as the pane and messages do", () => {
    const simplified = values(`//${el("Override")}[@Locale='zh-CN']/@Value`);
    expect(simplified.length).toBeGreaterThan(5);
    for (const locale of ["zh-TW", "zh-HK"])
      expect(values(`//${el("Override")}[@Locale='${locale}']/@Value`), locale).toEqual(simplified);
  });

  it("points Excel at the Chinese function metadata through a locale override", () => {
    const override = one(`//${el("Url")}[@id='Functions.Metadata.Url']/${el("Override")}[@Locale='zh-CN']/@Value`);
    expect(override).toMatch(/^https:\/\/.+\/functions\.zh-CN\.json$/);
  });

  it("names the add-in, its ribbon button and its description in Chinese", () => {
    expect(one(`/${el("OfficeApp")}/${el("DisplayName")}/${el("Override")}[@Locale='zh-CN']/@Value`)).toBe("留存指标");
    for (const id of ["GetStarted.Title", "CommandsGroup.Label", "TaskpaneButton.Label", "GetStarted.Description", "TaskpaneButton.Tooltip"]) {
      expect(one(`//${el("String")}[@id='${id}']/${el("Override")}[@Locale='zh-CN']/@Value`), id).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
