/**
 * Loads the add-in's own dist/functions.js into the playground page the way Excel's runtime
 * does: the page offers a `CustomFunctions` global (associate, Error, ErrorCode) before the
 * script runs, and the bundle's `CustomFunctions.associate` calls hand it the implementations.
 * functions.json, the metadata Excel reads, gives the signatures.
 */
import type { ErrorValue } from "../core/sheet/cells";
import type { CustomFunctionImplementation, CustomFunctionMetadata } from "./hyperformulaFunctions";

/** CustomFunctions.ErrorCode: the values are the error values a cell shows. */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const satisfies Record<string, ErrorValue>;

/** CustomFunctions.Error: an error value and, for #VALUE! and #N/A, the message Excel shows. */
export class CustomFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

export interface AddinFunctions {
  readonly metadata: { readonly functions: readonly CustomFunctionMetadata[] };
  readonly implementations: ReadonlyMap<string, CustomFunctionImplementation>;
}

function loadScript(doc: Document, src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    doc.head.append(script);
  });
}

/** Installs the stand-in, runs functions.js and reads functions.json (both next to the page). */
export async function loadAddinFunctions(
  win: Window & typeof globalThis = window
): Promise<AddinFunctions> {
  const implementations = new Map<string, CustomFunctionImplementation>();
  const associate = (
    idOrMap: string | Record<string, CustomFunctionImplementation>,
    fn?: CustomFunctionImplementation
  ) => {
    if (typeof idOrMap === "string") {
      if (fn) implementations.set(idOrMap.toUpperCase(), fn);
    } else {
      for (const [id, each] of Object.entries(idOrMap)) implementations.set(id.toUpperCase(), each);
    }
  };
  // Set before functions.js runs: its outsideExcel module only fills in a missing CustomFunctions.
  (win as unknown as Record<string, unknown>)["CustomFunctions"] = {
    associate,
    Error: CustomFunctionError,
    ErrorCode: ERROR_CODES,
  };
  const [response] = await Promise.all([
    win.fetch("functions.json"),
    loadScript(win.document, "functions.js"),
  ]);
  if (!response.ok) throw new Error(`functions.json: HTTP ${response.status}`);
  const metadata = (await response.json()) as AddinFunctions["metadata"];
  return { metadata, implementations };
}

/**
 * The display language the functions read for their messages (Office.context.displayLanguage in
 * Excel). The playground page has no office.js of its own, so it offers that one property; the
 * task pane, in its own frame, loads the real office.js.
 */
export function setDisplayLanguage(win: Window, language: string): void {
  const host = win as unknown as { Office?: { context?: { displayLanguage?: string } } };
  if (host.Office === undefined) host.Office = { context: {} };
  if (host.Office.context === undefined) host.Office.context = {};
  host.Office.context.displayLanguage = language;
}
