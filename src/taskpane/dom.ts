/**
 * Building the pane's DOM. Text only ever goes in as text (textContent, attribute values): a
 * customer or a sheet may be called "<img onerror=…>", and it must show as those characters.
 */

export interface ElementOptions {
  readonly className?: string;
  readonly text?: string;
  /** Attributes, set as text. */
  readonly attrs?: Readonly<Record<string, string>>;
  /** data-* attributes (camelCase keys, as `dataset` takes them). */
  readonly data?: Readonly<Record<string, string>>;
  /** The data-testid the browser tests find the element by. */
  readonly testId?: string;
}

export type Child = Node | string | null | undefined | false;

/** An HTML element with its options and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: readonly Child[] = []
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  decorate(node, options);
  append(node, children);
  return node;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element; attribute values are set as text, like everything else. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string | number>> = {},
  children: readonly Child[] = []
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  append(node, children);
  return node;
}

function decorate(node: HTMLElement, options: ElementOptions): void {
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  for (const [name, value] of Object.entries(options.data ?? {})) node.dataset[name] = value;
  if (options.testId) node.dataset["testid"] = options.testId;
}

function append(node: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

let nextId = 0;

/** A page-unique id for label/aria wiring. */
export function uniqueId(prefix: string): string {
  nextId++;
  return `${prefix}-${nextId}`;
}

/**
 * Runs `action` on a click, but not on the second click of a double click: an action that adds a
 * sheet must add one sheet for one gesture, however fast the first one finished.
 */
export function onAction(button: HTMLElement, action: () => void): void {
  button.addEventListener("click", (event) => {
    if (event.detail > 1) return;
    action();
  });
}
