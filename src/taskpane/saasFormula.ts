/**
 * =SAAS.* formulas written by argument name, in the order the function's metadata gives (put in
 * by the build from the JSDoc, the one description of each function), so the pane never carries
 * a second, hand-kept list of argument positions that could drift from the functions'.
 */

/** Each function's parameter names in order (webpack's DefinePlugin; vitest's define). */
declare const __FUNCTION_PARAMETERS__: Readonly<Record<string, readonly string[]>>;

/**
 * `SAAS.<id>(…)` with each argument at its parameter's place. Trailing arguments left out are
 * dropped; one left out before a given one is refused (the formula would shift its meaning),
 * as is a name the function does not have.
 *
 * @example saasCall("MRRCHURN", { start_mrr: "A2:A9", end_mrr: "B2:B9", include_contraction: "TRUE()",
 *   segments: "C2:C9" }) === "SAAS.MRRCHURN(A2:A9,B2:B9,TRUE(),C2:C9)"
 */
export function saasCall(id: string, args: Readonly<Record<string, string | undefined>>): string {
  const parameters = __FUNCTION_PARAMETERS__[id];
  if (parameters === undefined) throw new Error(`SAAS.${id} is not a function of the add-in`);
  for (const name of Object.keys(args)) {
    if (!parameters.includes(name)) throw new Error(`SAAS.${id} has no argument ${name}`);
  }
  const given = parameters.map((name) => args[name]);
  let last = given.length - 1;
  while (last >= 0 && given[last] === undefined) last--;
  const written = given.slice(0, last + 1);
  const missing = written.indexOf(undefined);
  if (missing >= 0) {
    throw new Error(
      `SAAS.${id} needs ${parameters[missing] as string} before the arguments after it`
    );
  }
  return `SAAS.${id}(${written.join(",")})`;
}
