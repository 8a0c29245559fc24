/**
 * The arrows between src/workbook and src/playground point one way: the playground (its model,
 * grid and page) uses the workbook room's port and interfaces, never the reverse. A file under
 * src/workbook that imports from src/playground, or HyperFormula, fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");
const WORKBOOK = join(ROOT, "src/workbook");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every module a file imports or re-exports, as written (static and dynamic imports). */
function importedModules(source: string): string[] {
  const found: string[] = [];
  const pattern =
    /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;
  for (const match of source.matchAll(pattern)) found.push(match[1] ?? match[2] ?? match[3] ?? "");
  return found;
}

describe("src/workbook never imports the playground", () => {
  const files = sourceFiles(WORKBOOK);

  it("finds the workbook room's files and their imports", () => {
    expect(files.map((file) => relative(ROOT, file))).toContain("src/workbook/playground.ts");
    const imports = importedModules(readFileSync(join(WORKBOOK, "playground.ts"), "utf8"));
    expect(imports).toContain("./port");
  });

  it("recognises an import of the playground when one is written", () => {
    const written = `import { x } from "../playground/model/spreadsheet";\nimport type { HyperFormula } from "hyperformula";`;
    expect(importedModules(written)).toEqual(["../playground/model/spreadsheet", "hyperformula"]);
  });

  it.each(files.map((file) => [relative(ROOT, file), file] as const))(
    "%s imports nothing from src/playground nor HyperFormula",
    (_, file) => {
      const outside = importedModules(readFileSync(file, "utf8")).filter((module) => {
        if (module === "hyperformula" || module.startsWith("hyperformula/")) return true;
        if (!module.startsWith(".")) return false;
        const target = resolve(join(file, ".."), module);
        return relative(join(ROOT, "src/playground"), target).split(/[\\/]/)[0] !== "..";
      });
      expect(outside).toEqual([]);
    }
  );
});
