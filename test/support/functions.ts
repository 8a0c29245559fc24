/**
 * The functions as their metadata describes them, for tests that cover a family at once: the
 * revenue functions taking segments, and a call's arguments placed by name, so no test carries
 * its own list of argument positions.
 */
import { loadBundle } from "./bundle";

/** The aggregate revenue functions: start_mrr and end_mrr first, segments among the rest. */
export function revenueFunctionsWithSegments(): string[] {
  return loadBundle()
    .metadata.functions.filter(
      (fn) =>
        fn.parameters[0]?.name === "start_mrr" &&
        fn.parameters[1]?.name === "end_mrr" &&
        fn.parameters.some((p) => p.name === "segments")
    )
    .map((fn) => fn.id);
}

/** The arguments of a call to `id` placed by name; the others left out (null, as Excel passes them). */
export function argsByName(id: string, args: Readonly<Record<string, unknown>>): unknown[] {
  const fn = loadBundle().metadata.functions.find((f) => f.id === id);
  if (fn === undefined) throw new Error(`no function ${id}`);
  const names = fn.parameters.map((p) => p.name);
  for (const name of Object.keys(args))
    if (!names.includes(name)) throw new Error(`${id} has no argument ${name}`);
  const placed = names.map((name) => (name in args ? args[name] : null));
  while (placed.length > 0 && placed[placed.length - 1] === null) placed.pop();
  return placed;
}
