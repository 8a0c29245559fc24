/**
 * Words a message: fills a catalogue template with its parameters, each worded for the language.
 * The one renderer of both bundles: the functions' messages and the task pane's use it alike.
 *
 * Placeholders: `{name}` a parameter (plain text and numbers as they are; a structured value as
 * words.ts words it), `{name:format}` a number in a locale format, `{name:capital}` a parameter
 * that begins a sentence, and
 * `{@argument}` the name Excel shows for a function's argument ("start_mrr", or 期初收入 in Chinese).
 * A template may be a `{ one, other }` pair, chosen by the `count` parameter.
 */
import type { Message, MessageParam, MessageParams } from "../core";

export type Template = string | { readonly one: string; readonly other: string };

/** How a language words what the templates leave to it. */
export interface Wording {
  /** The template of a key, or undefined when the catalogue has none. */
  template(key: string): Template | undefined;
  /** A structured parameter (not text, not a number) in words. */
  param(
    value: Exclude<MessageParam, string | number>,
    render: (message: Message) => string
  ): string;
  /** The name Excel shows for an argument. */
  argumentName(name: string): string;
  /** `{name:format}`: a number formatted for the locale, or undefined for an unknown format. */
  number(value: number, format: string): string | undefined;
  /** Wraps every rendered template (the pseudo-locale marks catalogue text this way). */
  readonly mark?: (text: string) => string;
}

const PLACEHOLDER = /\{(@?[\w.]+)(?::(\w+))?\}/g;

/**
 * The placeholders of a template, as "name" or "name:format", in order.
 *
 * @example placeholdersOf("{a} of {b:percent} for {@start_mrr}") → ["a", "b:percent", "@start_mrr"]
 */
export function placeholdersOf(template: string): string[] {
  return Array.from(template.matchAll(PLACEHOLDER), (match) =>
    match[2] ? `${match[1]}:${match[2]}` : (match[1] as string)
  );
}

/** The template chosen for `params`: a `{ one, other }` pair by the count. */
export function chooseTemplate(template: Template, params: MessageParams): string {
  if (typeof template === "string") return template;
  return params["count"] === 1 ? template.one : template.other;
}

/**
 * The message in words. A key with no template is shown as the key itself, so a missing entry
 * is visible rather than silent (the catalogue tests fail on it first).
 */
export function renderMessage(message: Message, wording: Wording): string {
  const template = wording.template(message.key);
  if (template === undefined) return message.key;
  const text = chooseTemplate(template, message.params).replace(
    PLACEHOLDER,
    (whole, name: string, format: string | undefined) => {
      if (name.startsWith("@")) return wording.argumentName(name.slice(1));
      const value = message.params[name];
      if (value === undefined) return whole;
      if (typeof value === "number" && format !== undefined && format !== "capital")
        return wording.number(value, format) ?? plainNumber(value);
      const text =
        typeof value === "string"
          ? value
          : typeof value === "number"
            ? plainNumber(value)
            : wording.param(value, (inner) => renderMessage(inner, wording));
      // {name:capital}: a parameter that begins a sentence ("Column F is…").
      return format === "capital" ? text.charAt(0).toUpperCase() + text.slice(1) : text;
    }
  );
  return wording.mark ? wording.mark(text) : text;
}

/** A number as a message quotes it: as typed, NaN and infinities spelled out. */
export function plainNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "Infinity";
  if (value === -Infinity) return "-Infinity";
  return String(value + 0);
}
