/**
 * The task pane. For now it shows that the add-in is loaded and lists the custom functions from
 * the same functions.json that Excel reads. Cell and metadata text is only ever set as text.
 */
import { type HostInfo, startOffice } from "./officeHost";

interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly { readonly name: string; readonly optional?: boolean }[];
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function describeHost(info: HostInfo): string {
  if (info.host) return `Connected to ${info.host}${info.platform ? ` (${info.platform})` : ""}.`;
  return "Running outside Office: the functions below are what Excel gets once the add-in is sideloaded.";
}

function signature(fn: FunctionMetadata): string {
  const params = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `=SAAS.${fn.name}(${params.join(", ")})`;
}

async function listFunctions(list: HTMLElement): Promise<void> {
  const response = await fetch("functions.json");
  if (!response.ok) throw new Error(`functions.json: HTTP ${response.status}`);
  const { functions } = (await response.json()) as { functions: FunctionMetadata[] };
  list.replaceChildren(
    ...functions.map((fn) => {
      const item = element("li");
      item.dataset["functionId"] = fn.id;
      item.append(element("code", signature(fn)), element("p", fn.description));
      return item;
    })
  );
}

async function start(): Promise<void> {
  const status = document.getElementById("host-status") as HTMLElement;
  const list = document.getElementById("function-list") as HTMLElement;
  try {
    status.textContent = describeHost(await startOffice());
    status.dataset["ready"] = "true";
  } catch (error) {
    status.textContent = `Office.js could not start: ${error instanceof Error ? error.message : String(error)}`;
    status.classList.add("error");
  }
  try {
    await listFunctions(list);
  } catch (error) {
    list.replaceChildren(
      element(
        "li",
        `Could not list the functions (${error instanceof Error ? error.message : String(error)}).`
      )
    );
  }
}

void start();
