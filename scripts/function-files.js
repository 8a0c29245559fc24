/* eslint-disable no-undef, @typescript-eslint/no-require-imports -- build step, runs in Node */
/**
 * Every family module holding custom functions (src/functions/*.ts but the entry and the
 * boundary): the metadata plugin reads each one's JSDoc and appends its associate calls.
 */
const fs = require("fs");
const path = require("path");

const NOT_FUNCTION_FAMILIES = new Set(["functions.ts", "toExcel.ts", "outsideExcel.ts"]);

/**
 * The order the families are listed in (functions.json, the pane's Functions tab, the help page):
 * retention first, as a reader looks for it; a family not named here follows, alphabetically.
 */
const FAMILY_ORDER = ["retention", "logos", "series", "lifetime", "currency", "surveys"];

function rank(file) {
  const at = FAMILY_ORDER.indexOf(path.basename(file, ".ts"));
  return at < 0 ? FAMILY_ORDER.length : at;
}

function functionFiles() {
  return fs
    .readdirSync(path.resolve(__dirname, "../src/functions"))
    .filter((file) => file.endsWith(".ts") && !NOT_FUNCTION_FAMILIES.has(file))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((file) => `./src/functions/${file}`);
}

module.exports = { functionFiles };
