/**
 * Formulas between the playground and an .xlsx file. In the file, Excel writes a custom
 * function of an add-in as `_xldudf_` and its name with dots as underscores
 * (`_xldudf_SAAS_NRR_PARTS(…)` for `=SAAS.NRR.PARTS(…)`), a spill reference `H2#` as
 * `_xlfn.ANCHORARRAY(H2)`, and functions newer than Excel 2007 with `_xlfn.`; without those
 * prefixes Excel would not recognise them when the file opens. Text in quotes is left alone.
 */

/** Functions Excel writes with `_xlfn.` (the ones HyperFormula and the playground know). */
const FUTURE_FUNCTIONS = [
  "CONCAT",
  "IFNA",
  "IFS",
  "MAXIFS",
  "MINIFS",
  "SWITCH",
  "TEXTJOIN",
  "XOR",
  "SEQUENCE",
  "FILTER",
  "SORT",
  "UNIQUE",
  "XLOOKUP",
  "XMATCH",
  "DAYS",
  "ISOWEEKNUM",
  "STDEV.S",
  "STDEV.P",
  "VAR.S",
  "VAR.P",
  "PERCENTILE.INC",
  "PERCENTILE.EXC",
  "NORM.S.DIST",
  "NORM.S.INV",
  "NORM.DIST",
  "NORM.INV",
];

/** Applies `rewrite` to the parts of a formula outside text in double quotes. */
function outsideText(formula: string, rewrite: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : rewrite(part)))
    .join("");
}

const escape = (text: string) => text.replace(/[.]/g, "\\.");

/**
 * A playground formula ("=SAAS.COHORT(H2#)") as an .xlsx file stores it
 * ("_xldudf_SAAS_COHORT(_xlfn.ANCHORARRAY(H2))"), without the leading "=".
 */
export function formulaForFile(formula: string, namespace = "SAAS"): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  const udf = new RegExp(`(?<![\\w.])${namespace}\\.([A-Za-z][\\w.]*)\\s*\\(`, "g");
  const future = new RegExp(`(?<![\\w.])(${FUTURE_FUNCTIONS.map(escape).join("|")})\\s*\\(`, "gi");
  const spill =
    /(?<![\p{L}\p{N}_.$])((?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!)?(\$?[A-Za-z]{1,3}\$?\d{1,7})#/gu;
  return outsideText(body, (part) =>
    part
      .replace(
        spill,
        (_, sheet: string | undefined, cell: string) => `_xlfn.ANCHORARRAY(${sheet ?? ""}${cell})`
      )
      .replace(future, (_, name: string) => `_xlfn.${name.toUpperCase()}(`)
      .replace(
        udf,
        (_, name: string) => `_xldudf_${namespace}_${name.toUpperCase().replace(/\./g, "_")}(`
      )
  );
}

/**
 * A formula read from an .xlsx file as the playground enters it ("=SAAS.NRR(B2:B9,C2:C9)"), when
 * it calls the add-in's functions; null for any other formula (its saved value is used).
 * `names` are the add-in's function names ("NRR.PARTS"), to put the dots back where they were.
 */
export function formulaFromFile(
  formula: string,
  names: readonly string[] = [],
  namespace = "SAAS"
): string | null {
  const udf = new RegExp(`(?:\\[\\d+\\]!)?_xldudf_${namespace}_([A-Za-z0-9_]+)\\s*\\(`, "g");
  if (!new RegExp(udf.source).test(formula)) return null;
  const byFileName = new Map(names.map((name) => [name.replace(/\./g, "_").toUpperCase(), name]));
  const body = outsideText(formula.startsWith("=") ? formula.slice(1) : formula, (part) =>
    part
      .replace(
        udf,
        (_, name: string) =>
          `${namespace}.${byFileName.get(name.toUpperCase()) ?? name.replace(/_/g, ".")}(`
      )
      .replace(/_xlfn\.ANCHORARRAY\(([^()]+)\)/g, "$1#")
      .replace(/_xlfn\.(?:_xlws\.)?/g, "")
  );
  return `=${body}`;
}
