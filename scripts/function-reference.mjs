// The function reference of docs/functions.md, written from the functions.json the build makes
// from the JSDoc (the one description of each function), between two markers the prose around
// it keeps. `npm run docs` rewrites it; test/docs/docs.test.ts fails when it is out of date.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = new URL("..", import.meta.url);
export const REFERENCE_FILE = fileURLToPath(new URL("docs/functions.md", ROOT));
export const BEGIN = "<!-- function reference: written by npm run docs from dist/functions.json -->";
export const END = "<!-- end of function reference -->";

/** A function's signature as Excel's tooltip shows it: optional arguments in brackets. */
function signature(fn) {
  const params = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `SAAS.${fn.name}(${params.join(", ")})`;
}

/** Text in a Markdown table cell: pipes escaped, on one line. */
function cell(text) {
  return String(text ?? "").replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
}

/** The reference section for `metadata` (the parsed functions.json). */
export function functionReference(metadata) {
  const lines = [BEGIN, ""];
  lines.push("| Function | What it returns |", "| --- | --- |");
  for (const fn of metadata.functions) {
    lines.push(`| [\`SAAS.${fn.name}\`](#${anchor(fn)}) | ${cell(fn.description)} |`);
  }
  for (const fn of metadata.functions) {
    lines.push("", `### ${signature(fn)}`, "", cell(fn.description), "");
    lines.push("| Argument | Meaning |", "| --- | --- |");
    for (const p of fn.parameters) {
      lines.push(`| \`${p.name}\`${p.optional ? " (optional)" : ""} | ${cell(p.description)} |`);
    }
  }
  lines.push("", END);
  return lines.join("\n");
}

/** The anchor GitHub gives a "### SAAS.X(…)" heading. */
function anchor(fn) {
  return signature(fn)
    .toLowerCase()
    .replace(/[^\w\- ]/g, "")
    .replace(/ /g, "-");
}

/** docs/functions.md with its reference section replaced by `reference`. */
export function withReference(document, reference) {
  const begin = document.indexOf(BEGIN);
  const end = document.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`${REFERENCE_FILE} has no reference markers`);
  return document.slice(0, begin) + reference + document.slice(end + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const metadata = JSON.parse(readFileSync(new URL("dist/functions.json", ROOT), "utf8"));
  const document = readFileSync(REFERENCE_FILE, "utf8");
  writeFileSync(REFERENCE_FILE, withReference(document, functionReference(metadata)));
  console.log(`docs/functions.md: ${metadata.functions.length} functions`);
}
