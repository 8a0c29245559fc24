/**
 * The add-in's functions as the formula hints show them, in the page's language: functions.json
 * (English) or functions.zh-CN.json (Chinese), the metadata Excel reads in each language.
 */
import type { HintFunction } from "../grid/functionHints";

interface MetadataFunction {
  readonly name: string;
  readonly description?: string;
  readonly parameters: readonly { name: string; description?: string; optional?: boolean }[];
}

/** The first sentence of a description: what the list shows on one line. */
export function firstSentence(text: string): string {
  // A full stop followed by a space (or the end), or a Chinese full stop.
  const match = /^(.+?(?:\.(?=\s|$)|。))/u.exec(text.trim());
  return match?.[1] ?? text.trim();
}

export function hintFunctions(metadata: {
  readonly functions: readonly MetadataFunction[];
}): HintFunction[] {
  return metadata.functions.map((fn) => ({
    name: fn.name,
    description: firstSentence(fn.description ?? ""),
    parameters: fn.parameters.map(({ name, description, optional }) => ({
      name,
      description,
      optional,
    })),
  }));
}

/** The metadata file of a display language (beside the page, as Excel's manifest names them). */
export function metadataFile(language: string): string {
  return language.toLowerCase().startsWith("zh") ? "functions.zh-CN.json" : "functions.json";
}

/** The function help page in a language. */
export function helpPage(language: string): string {
  return language.toLowerCase().startsWith("zh") ? "help.zh-CN.html" : "help.html";
}

/** Loads the functions of each language once. */
export class Catalogue {
  private readonly loaded = new Map<string, HintFunction[]>();

  constructor(english: { readonly functions: readonly MetadataFunction[] }) {
    this.loaded.set("functions.json", hintFunctions(english));
  }

  /** The functions in `language`, once loaded (English until then). */
  functions(language: string): readonly HintFunction[] {
    return this.loaded.get(metadataFile(language)) ?? this.loaded.get("functions.json") ?? [];
  }

  async load(language: string): Promise<void> {
    const file = metadataFile(language);
    if (this.loaded.has(file)) return;
    const response = await fetch(file);
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    this.loaded.set(
      file,
      hintFunctions((await response.json()) as { functions: MetadataFunction[] })
    );
  }
}
