/**
 * Ids and labels (customers, segments) compare as Excel's own lookups compare them
 * (docs/functions.md, Conventions, "Ids and labels"): text without regard to case or surrounding
 * spaces, and a number never equals text ("1" is not 1, as XLOOKUP and MATCH have it). The first
 * spelling met is the one shown, and a number stays a number. Every place that groups or matches
 * ids goes through lookupKey, so MRRMATRIX, the segment tables and the task pane cannot disagree.
 */

/** An id or a label as read from a cell; blank is "". */
export type LookupValue = string | number | boolean;

/**
 * The key two ids or labels are compared by.
 *
 * @example lookupKey(" Acme ") === lookupKey("ACME"); lookupKey(1) !== lookupKey("1")
 */
export function lookupKey(value: LookupValue): string {
  switch (typeof value) {
    case "string":
      return `s:${value.trim().toLowerCase()}`;
    case "number":
      return `n:${value + 0}`; // -0 is 0
    default:
      return value ? "b:true" : "b:false";
  }
}

/**
 * How an id or label is shown: text without its surrounding spaces, numbers and logical values
 * as they are.
 *
 * @example shownId("  Acme ") === "Acme"; shownId(1001) === 1001
 */
export function shownId(value: LookupValue): LookupValue {
  return typeof value === "string" ? value.trim() : value;
}

/**
 * Numbers ids or labels in order of first appearance, the first spelling kept: `indexOf` gives
 * each value its group (existing or new), `values` the shown spelling of each group.
 */
export interface IdIndex {
  indexOf(value: LookupValue): number;
  readonly values: readonly LookupValue[];
  /** The group of a value already seen, or -1. */
  find(value: LookupValue): number;
}

export function idIndex(): IdIndex {
  const groupByKey = new Map<string, number>();
  // A column repeats few values many times: each distinct raw value is keyed once.
  const groupByRaw = new Map<LookupValue, number>();
  const values: LookupValue[] = [];
  return {
    values,
    indexOf(value) {
      const known = groupByRaw.get(value);
      if (known !== undefined) return known;
      const key = lookupKey(value);
      let group = groupByKey.get(key);
      if (group === undefined) {
        group = values.length;
        groupByKey.set(key, group);
        values.push(shownId(value));
      }
      groupByRaw.set(value, group);
      return group;
    },
    find(value) {
      return groupByKey.get(lookupKey(value)) ?? -1;
    },
  };
}
