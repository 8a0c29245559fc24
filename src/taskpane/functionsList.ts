/**
 * The custom functions as Excel lists them, from the same metadata Excel reads (functions.json,
 * or its translation functions.<language>.json where the build wrote one).
 */
import type { Language } from "../i18n";

export interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly { readonly name: string; readonly optional?: boolean }[];
}

/**
 * The metadata file for a language: the build translates it into Chinese only; English (and the
 * pseudo-locale, whose function descriptions Excel too would take from the default) is
 * functions.json itself.
 */
function metadataFile(language: Language): string {
  return language === "zh-CN" ? "functions.zh-CN.json" : "functions.json";
}

async function fetchFunctions(file: string): Promise<FunctionMetadata[]> {
  const response = await fetch(file);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  const { functions } = (await response.json()) as { functions: FunctionMetadata[] };
  return functions;
}

/** The functions in the pane's language, or in English where no translation was built. */
export async function loadFunctions(language: Language): Promise<FunctionMetadata[]> {
  if (metadataFile(language) !== metadataFile("en")) {
    try {
      return await fetchFunctions(metadataFile(language));
    } catch {
      // No translated metadata in this build: the English list is still the right list.
    }
  }
  return fetchFunctions(metadataFile("en"));
}

/** "=SAAS.NRR(start_mrr, end_mrr, [segments], [segment])". */
export function functionSignature(fn: FunctionMetadata): string {
  const params = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `=SAAS.${fn.name}(${params.join(", ")})`;
}
