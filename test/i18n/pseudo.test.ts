/**
 * The pseudo-locale (qps-ploc) finds text that skips the catalogue: every message the functions
 * give, run through the built bundle in a runtime whose display language is qps-ploc, is worded
 * in accented letters between ⟦ and ⟧. A plain ASCII word left over is one the code wrote itself.
 * (The task pane's own pseudo-locale run is in test/e2e.)
 */
import { describe, expect, it } from "vitest";
import { callInLanguage, loadBundle } from "../support/bundle";
import { cases } from "../reliability/catalogue";

/** Excel's own names for the data types a cell can hold, quoted in messages as Excel names them. */
const DATA_TYPES = ["Entity", "LinkedEntity", "FormattedNumber", "WebImage", "Double", "String", "Boolean"];

/** What may stay ASCII: argument names Excel shows, the user's own values, error values. */
function leftOver(message: string, argumentNames: ReadonlySet<string>): string[] {
  const stripped = message
    .replace(/"[^"]*"|“[^”]*”/g, " ") // quoted values from the user's cells
    .replace(/#[A-Z/0!?_]+[!?]?/g, " ") // error values
    .replace(/\b(?:SAAS\.[A-Z.]+|TRUE|FALSE|NaN|Infinity|[A-Z]{1,3}\d+)\b/g, " ")
    .replace(/\b\d{4}-\d{2}(?:-\d{2})?\b/g, " ");
  // A word of plain ASCII letters only is one the catalogue did not word (accented ones are).
  return (stripped.match(/[\p{L}_]+/gu) ?? []).filter(
    (word) =>
      /^[A-Za-z_]+$/.test(word) &&
      word.length > 1 &&
      !argumentNames.has(word) &&
      !DATA_TYPES.includes(word)
  );
}

describe("every function message in the pseudo-locale comes from the catalogue", () => {
  const { metadata } = loadBundle();
  const names = new Set(metadata.functions.flatMap((fn) => fn.parameters.map((p) => p.name)));
  const worded = cases.filter((c) => c.error === "#VALUE!" || c.error === "#N/A");

  it("the catalogue has hundreds of such messages to check", () => {
    expect(worded.length).toBeGreaterThan(200);
  });

  for (const c of worded) {
    it(`SAAS.${c.fn}: ${c.why}`, () => {
      const result = callInLanguage("qps-ploc", c.fn, ...c.args) as { error: string; message?: string };
      expect(result.error).toBe(c.error);
      const message = result.message ?? "";
      if (message === "upstream") return; // another function's own message, passed on as it was
      expect(message.startsWith("⟦") && message.endsWith("⟧"), message).toBe(true);
      expect(leftOver(message, names), message).toEqual([]);
    });
  }
});
