/**
 * Finding the add-in's functions while typing a formula, as Excel's formula autocomplete does:
 * after `=SAAS.` a list of the functions with their one-line descriptions (arrows choose, Tab
 * or a click inserts, Escape closes), and inside a call's parentheses the signature with the current
 * argument's name and help. From functions.json in the page's language.
 */
import type { Make } from "./dom";

export interface HintParameter {
  readonly name: string;
  readonly description?: string;
  readonly optional?: boolean;
}

export interface HintFunction {
  /** The name after the namespace, e.g. "NRR.PARTS". */
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly HintParameter[];
}

/** Where the caret is in a formula: typing a function name, or inside a call's arguments. */
export type FormulaContext =
  | { readonly kind: "name"; readonly typed: string; readonly start: number }
  | { readonly kind: "argument"; readonly name: string; readonly index: number }
  | { readonly kind: "none" };

/**
 * What the caret is on in `text` (a formula) at `caret`.
 *
 * @example
 * formulaContext("=SAAS.NR", 8)              // { kind: "name", typed: "NR", start: 1 }
 * formulaContext("=SAAS.NRR(B2:B9, C", 18)   // { kind: "argument", name: "NRR", index: 1 }
 */
export function formulaContext(text: string, caret: number, namespace = "SAAS"): FormulaContext {
  if (!text.startsWith("=")) return { kind: "none" };
  const before = text.slice(0, caret);
  // Outside text in quotes only: blank out quoted parts, keeping positions.
  const plain = before.replace(/"(?:[^"]|"")*"?/g, (quoted) => " ".repeat(quoted.length));
  const typing = new RegExp(`(?:^|[^\\w.])(${namespace}\\.([\\w.]*))$`, "i").exec(plain);
  if (typing) {
    const whole = typing[1] as string;
    return {
      kind: "name",
      typed: (typing[2] as string).toUpperCase(),
      start: caret - whole.length,
    };
  }
  // The innermost open call before the caret, and how many of its arguments came before.
  let depth = 0;
  let commas = 0;
  for (let i = plain.length - 1; i >= 0; i--) {
    const character = plain[i];
    if (character === ")" || character === "}") depth++;
    else if (character === "{") depth--;
    else if (character === "(") {
      if (depth > 0) {
        depth--;
        continue;
      }
      const name = new RegExp(`(?:^|[^\\w.])${namespace}\\.([\\w.]+)\\s*$`, "i").exec(
        plain.slice(0, i)
      );
      return name
        ? { kind: "argument", name: (name[1] as string).toUpperCase(), index: commas }
        : { kind: "none" };
    } else if (character === "," && depth === 0) commas++;
  }
  return { kind: "none" };
}

/** The popup under the cell editor or the formula bar. */
export class FunctionHints {
  readonly box: HTMLDivElement;
  private choices: HintFunction[] = [];
  private chosen = 0;
  private input: HTMLInputElement | null = null;
  private context: FormulaContext = { kind: "none" };

  constructor(
    private readonly make: Make,
    /** The functions in the page's language (empty until loaded). */
    private readonly functions: () => readonly HintFunction[],
    private readonly namespace = "SAAS"
  ) {
    this.box = make("div", "function-hints");
    this.box.id = "function-hints";
    this.box.hidden = true;
    this.box.setAttribute("role", "listbox");
    this.box.addEventListener("mousedown", (event) => {
      event.preventDefault(); // keep the focus in the input
      const item = (event.target as HTMLElement).closest<HTMLElement>("[data-index]");
      if (item && this.input) {
        this.chosen = Number(item.dataset["index"]);
        this.insert(this.input);
      }
    });
  }

  get open(): boolean {
    return !this.box.hidden;
  }

  hide(): void {
    this.box.hidden = true;
    this.context = { kind: "none" };
  }

  /** Shows what fits the caret in `input` (after each keystroke), under `input`. */
  update(input: HTMLInputElement): void {
    this.input = input;
    const caret = input.selectionStart ?? input.value.length;
    this.context = formulaContext(input.value, caret, this.namespace);
    const all = this.functions();
    if (this.context.kind === "name") {
      const typed = this.context.typed;
      this.choices = all.filter((fn) => fn.name.toUpperCase().startsWith(typed));
      this.chosen = Math.min(this.chosen, Math.max(0, this.choices.length - 1));
      if (this.choices.length === 0) return this.hide();
      this.drawList();
    } else if (this.context.kind === "argument") {
      const { name, index } = this.context;
      const fn = all.find((each) => each.name.toUpperCase() === name);
      if (!fn) return this.hide();
      this.drawArgument(fn, index);
    } else {
      return this.hide();
    }
    this.place(input);
  }

  /** Keys while the list is open: arrows choose, Tab inserts, Escape closes. Returns whether the key was used. */
  key(event: KeyboardEvent, input: HTMLInputElement): boolean {
    if (!this.open) return false;
    if (event.key === "Escape") {
      this.hide();
      event.preventDefault();
      return true;
    }
    if (this.context.kind !== "name") return false;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.chosen = (this.chosen + step + this.choices.length) % this.choices.length;
      this.drawList();
      event.preventDefault();
      return true;
    }
    if (event.key === "Tab") {
      this.insert(input);
      event.preventDefault();
      return true;
    }
    return false;
  }

  /** Puts the chosen function's name and an opening parenthesis in place of what was typed. */
  private insert(input: HTMLInputElement): void {
    const fn = this.choices[this.chosen];
    if (!fn || this.context.kind !== "name") return;
    const caret = input.selectionStart ?? input.value.length;
    const text = `${this.namespace}.${fn.name}(`;
    input.value = input.value.slice(0, this.context.start) + text + input.value.slice(caret);
    const at = this.context.start + text.length;
    input.setSelectionRange(at, at);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    this.update(input);
  }

  private drawList(): void {
    this.box.replaceChildren(
      ...this.choices.map((fn, i) => {
        const item = this.make("div", `hint-item${i === this.chosen ? " chosen" : ""}`);
        item.dataset["index"] = String(i);
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", String(i === this.chosen));
        item.append(
          this.make("code", undefined, `${this.namespace}.${fn.name}`),
          this.make("span", undefined, fn.description)
        );
        return item;
      })
    );
    this.box.dataset["kind"] = "list";
    this.box.hidden = false;
    this.box.querySelector(".chosen")?.scrollIntoView({ block: "nearest" });
  }

  private drawArgument(fn: HintFunction, index: number): void {
    const line = this.make("div", "hint-signature");
    line.append(`${this.namespace}.${fn.name}(`);
    fn.parameters.forEach((parameter, i) => {
      if (i > 0) line.append(", ");
      const label = parameter.optional ? `[${parameter.name}]` : parameter.name;
      line.append(i === index ? this.make("b", undefined, label) : label);
    });
    line.append(")");
    const current = fn.parameters[index];
    const help = this.make(
      "div",
      "hint-help",
      current
        ? `${current.name}: ${current.description ?? ""}`
        : fn.parameters.length === 0
          ? fn.description
          : ""
    );
    this.box.replaceChildren(line, help);
    this.box.dataset["kind"] = "argument";
    this.box.hidden = false;
  }

  private place(input: HTMLInputElement): void {
    const host = this.box.offsetParent ?? this.box.parentElement;
    if (!host) return;
    const from = input.getBoundingClientRect();
    const origin = host.getBoundingClientRect();
    // Under the input, moved left where it would run past the workbook's right edge.
    const room = origin.width - this.box.offsetWidth - 4;
    const left = Math.max(0, Math.min(from.left - origin.left, room));
    this.box.style.left = `${left}px`;
    // Under the input, or over it where there is no room under it.
    const below = from.bottom - origin.top + 2;
    const above = from.top - origin.top - this.box.offsetHeight - 2;
    const fits = below + this.box.offsetHeight <= origin.height || above < 0;
    this.box.style.top = `${fits ? below : above}px`;
  }
}
