/**
 * The ledger's columns from its header, by the words the task pane knows them by
 * (src/analysis/layout/words.ts), or as named on the command line (--customer, --date, --amount,
 * --covers, --segment). A file has only its header to go by here, so a column is found by its
 * name alone: the first header with the role's words, preferring one without another role's.
 */
import { AMOUNT_WORDS, COVERS_WORDS, CUSTOMER_WORDS, DATE_WORDS } from "../analysis/layout/words";
import { type LedgerColumns, type LedgerRequest, UsageError } from "./ledgerRun";

type Role = "customer" | "date" | "amount" | "covers";

const ROLE_WORDS: Readonly<Record<Role, RegExp>> = {
  customer: CUSTOMER_WORDS,
  date: DATE_WORDS,
  amount: AMOUNT_WORDS,
  covers: COVERS_WORDS,
};

/** The other roles' words a header should not have, best first (a date column is not "end date"). */
const RIVALS: Readonly<Record<Role, readonly Role[]>> = {
  covers: [],
  date: ["covers", "amount"],
  amount: ["date", "covers"],
  customer: ["date", "amount", "covers"],
};

/** The header `name` as the file spells it, matched without regard to case or spaces. */
function named(headers: readonly string[], name: string, option: string): string {
  const wanted = name.trim().toLowerCase();
  const found = headers.find((header) => header.trim().toLowerCase() === wanted);
  if (found === undefined) {
    throw new UsageError(
      `${option} ${name}: the ledger has no such column; its columns are ${listed(headers)}`
    );
  }
  return found;
}

function listed(headers: readonly string[]): string {
  return headers.map((header) => `"${header}"`).join(", ");
}

/**
 * A header as words: files and warehouses write invoice_date, invoice.date or invoiceDate where a
 * sheet has "Invoice date".
 *
 * @example headerWords("service_end_date") === "service end date"
 */
export function headerWords(header: string): string {
  return header.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_.]+/g, " ");
}

function says(header: string, role: Role): boolean {
  return ROLE_WORDS[role].test(headerWords(header));
}

/** The first header with `role`'s words that is not taken, preferring one without its rivals'. */
function byWords(headers: readonly string[], role: Role, taken: Set<string>): string | undefined {
  const candidates = headers.filter((header) => !taken.has(header) && says(header, role));
  const clean = candidates.find((header) => RIVALS[role].every((rival) => !says(header, rival)));
  return clean ?? candidates[0];
}

const OPTION: Readonly<Record<Role, string>> = {
  customer: "--customer",
  date: "--date",
  amount: "--amount",
  covers: "--covers",
};

/**
 * The columns of a ledger whose header is `headers`: those named in `wanted`, the others found by
 * their words. A missing customer, date or amount column is a UsageError naming the columns there
 * are and the option that names one; a missing covers column means revenue billed (no error).
 *
 * @example ledgerColumns(["Account", "Invoice date", "Amount", "Service end", "Plan"],
 *   { segment: "plan" }) → customer Account, date Invoice date, amount Amount, covers Service end,
 *   segment Plan
 */
export function ledgerColumns(
  headers: readonly string[],
  wanted: LedgerRequest["columns"]
): LedgerColumns {
  const taken = new Set<string>();
  const pick = (role: Role): string | undefined => {
    const given = wanted[role];
    const found =
      given !== undefined ? named(headers, given, OPTION[role]) : byWords(headers, role, taken);
    if (found !== undefined) taken.add(found);
    return found;
  };
  // Named columns first, so that words never take a column the command line gave another role.
  for (const role of ["customer", "date", "amount", "covers"] as const) {
    const given = wanted[role];
    if (given !== undefined) taken.add(named(headers, given, OPTION[role]));
  }
  const segment =
    wanted.segment === undefined ? undefined : named(headers, wanted.segment, "--segment");
  if (segment !== undefined) taken.add(segment);
  // covers before the date: a "service end date" column is what a line pays for, not its date.
  const covers = wanted.noCovers ? undefined : pick("covers");
  const date = pick("date");
  const amount = pick("amount");
  const customer = pick("customer");
  const missing = (role: Role, what: string): never => {
    throw new UsageError(
      `the ledger has no ${what} column that its header names (${listed(headers)}); name it with ${OPTION[role]} <column>`
    );
  };
  return {
    customer: customer ?? missing("customer", "customer"),
    date: date ?? missing("date", "date"),
    amount: amount ?? missing("amount", "amount"),
    ...(covers === undefined ? {} : { covers }),
    ...(segment === undefined ? {} : { segment }),
  };
}
