/**
 * The one language rule of both bundles: the functions' messages and the task pane follow it
 * alike, so a user never reads an error in one language beside a pane in another.
 *
 * Any Chinese (zh-CN, zh-SG, zh-Hans, and zh-TW, zh-HK, zh-Hant too: the add-in has one Chinese
 * catalogue, Simplified, and the manifest gives every Chinese Office its function metadata) is
 * shown in Simplified Chinese; Microsoft's pseudo-locale qps-ploc in the marked pseudo-language
 * that tests use to find text that skips the catalogue; anything else in English.
 */
export type Language = "en" | "zh-CN" | "qps-ploc";

/** The languages a user can choose in the pane (the pseudo-locale is for tests only). */
export const LANGUAGES: readonly Language[] = ["en", "zh-CN"];

/**
 * The language for a BCP 47 tag, or null when no tag is given.
 *
 * @example languageOf("zh-TW") === "zh-CN"; languageOf("en-GB") === "en"; languageOf("") === null
 */
export function languageOf(tag: string | null | undefined): Language | null {
  if (typeof tag !== "string" || tag.trim() === "") return null;
  const trimmed = tag.trim();
  if (/^zh\b/i.test(trimmed)) return "zh-CN";
  if (/^qps-ploc$/i.test(trimmed)) return "qps-ploc";
  return "en";
}

/** The locale each language formats numbers and dates in when the host names no region. */
export const DEFAULT_LOCALE: Readonly<Record<Language, string>> = {
  en: "en-US",
  "zh-CN": "zh-CN",
  "qps-ploc": "en-US",
};

export interface LanguageSources {
  /** The user's choice in the pane's switch, remembered on this device. */
  readonly chosen?: string | null;
  /** The playground's display language. */
  readonly playground?: string | null;
  /** Office.context.displayLanguage. */
  readonly office?: string | null;
  /** navigator.language. */
  readonly browser?: string | null;
}

/**
 * The pane's language and the locale to format in. The first source that names a language
 * wins; a source's region is kept for formatting when it is of the chosen language (en-GB dates
 * for an English pane in a British Office).
 *
 * @example chooseLanguage({ office: "zh-CN", browser: "en-US" }) → { language: "zh-CN", locale: "zh-CN" }
 */
export function chooseLanguage(sources: LanguageSources): { language: Language; locale: string } {
  const ordered = [sources.chosen, sources.playground, sources.office, sources.browser];
  let language: Language = "en";
  for (const tag of ordered) {
    const found = languageOf(tag);
    if (found !== null) {
      language = found;
      break;
    }
  }
  // A region is kept only from a tag of the pane's own language: French dates in an English
  // sentence would read oddly, so a fr-FR host formats an English pane as en-US.
  const primary = language === "zh-CN" ? "zh" : "en";
  const regional = [sources.playground, sources.office, sources.browser].find(
    (tag) =>
      typeof tag === "string" &&
      tag.trim().split(/[-_]/)[0]?.toLowerCase() === primary &&
      isSupportedLocale(tag.trim())
  );
  return { language, locale: regional?.trim() ?? DEFAULT_LOCALE[language] };
}

function isSupportedLocale(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false; // not a well-formed tag: the language's default locale instead
  }
}
