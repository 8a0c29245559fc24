/* eslint-disable no-undef, @typescript-eslint/no-require-imports -- build step, runs in Node */
/**
 * Every family module holding custom functions (src/functions/*.ts but the entry and the
 * boundary): the metadata plugin reads each one's JSDoc and appends its associate calls.
 */
const fs = require("fs");
const path = require("path");

const NOT_FUNCTION_FAMILIES = new Set(["functions.ts", "toExcel.ts", "outsideExcel.ts"]);

function functionFiles() {
  return fs
    .readdirSync(path.resolve(__dirname, "../src/functions"))
    .filter((file) => file.endsWith(".ts") && !NOT_FUNCTION_FAMILIES.has(file))
    .sort()
    .map((file) => `./src/functions/${file}`);
}

module.exports = { functionFiles };
