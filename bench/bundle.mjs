// Loads the built dist/functions.js with a stand-in CustomFunctions, as Excel loads it, so the
// benchmark times the same binding code Excel calls. The bundle runs in this realm, as it does
// in Excel's page: data from another vm context costs several times more to read, which would
// measure the harness, not the add-in.
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const DIST = fileURLToPath(new URL("../dist/", import.meta.url));

export class StandInError {
  constructor(code, message) {
    this.code = code;
    this.message = message;
  }
}

export function loadFunctions() {
  const script = `${DIST}functions.js`;
  if (!existsSync(script)) throw new Error("dist/functions.js is missing: run `npm run build` first");
  const implementations = new Map();
  const CustomFunctions = {
    associate: (id, fn) => implementations.set(id, fn),
    Error: StandInError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
    },
  };
  globalThis.CustomFunctions = CustomFunctions;
  vm.runInThisContext(readFileSync(script, "utf8"), { filename: script });
  const metadata = JSON.parse(readFileSync(`${DIST}functions.json`, "utf8"));
  return { implementations, metadata };
}

/** Calls a function as Excel does: omitted optionals null, an invocation object appended. */
export function caller(implementations, metadata) {
  return (id, ...args) => {
    const fn = metadata.functions.find((f) => f.id === id);
    const padded = [...args];
    while (padded.length < fn.parameters.length) padded.push(null);
    const result = implementations.get(id)(...padded, { functionName: `SAAS.${id}` });
    return result;
  };
}
