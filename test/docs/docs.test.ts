/**
 * The project's own documentation: the function reference is written from the functions' one
 * description (the JSDoc, through functions.json) and never drifts from it, and every link in
 * the README and docs/ resolves inside a clone of the repository.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  REFERENCE_FILE,
  functionReference,
  withReference,
} from "../../scripts/function-reference.mjs";
import { DIST } from "../support/bundle";

const ROOT = resolve(__dirname, "../..");
const DOCS = [
  join(ROOT, "README.md"),
  join(ROOT, "SECURITY.md"),
  ...readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => join(ROOT, "docs", name)),
];

describe("the function reference", () => {
  it("docs/functions.md lists every function as functions.json describes it (npm run docs)", () => {
    const metadata = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8"));
    const document = readFileSync(REFERENCE_FILE, "utf8");
    expect(document).toBe(withReference(document, functionReference(metadata)));
    for (const fn of metadata.functions as { name: string }[])
      expect(document).toContain(`### SAAS.${fn.name}(`);
  });

  it("the help page tells how a message names the cell", () => {
    expect(readFileSync(join(DIST, "help.html"), "utf8")).toContain("end_mrr C18");
    expect(readFileSync(join(DIST, "help.zh-CN.html"), "utf8")).toContain("期末收入 C18");
  });
});

describe("links", () => {
  for (const file of DOCS) {
    it(`${file.slice(ROOT.length + 1)}: every relative link resolves inside the repository`, () => {
      const text = readFileSync(file, "utf8");
      const links = Array.from(text.matchAll(/\]\(([^)\s]+)\)/g), (match) => match[1] as string);
      for (const link of links) {
        if (/^(https?:|mailto:|#)/.test(link)) continue;
        const target = resolve(dirname(file), link.split("#")[0] as string);
        expect(target.startsWith(ROOT + "/"), `${link} leaves the repository`).toBe(true);
        expect(existsSync(target), `${link} does not exist`).toBe(true);
      }
    });
  }
});
