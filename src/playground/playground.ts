/**
 * The playground page (`npm start`, then http://localhost:3001): a stand-in for Excel in a plain
 * browser. It loads the add-in's own functions.js and functions.json, registers the functions
 * with HyperFormula, builds the seeded sample workbook, draws it, and docks the add-in's real
 * task pane (taskpane.html, the page Excel loads) beside it in a frame of the same origin. The
 * pane finds the workbook under window[PLAYGROUND_GLOBAL] and works on it through the same
 * WorkbookPort as in Excel.
 *
 * URL parameters: `lang` (en-US, zh-CN), `sheet` (the sheet to show first), `seed`,
 * `customers`, `months` (e.g. ?customers=100000&months=36 for the benchmark's grid), `pane=0`
 * to start with the pane closed.
 */
import { PLAYGROUND_GLOBAL, type PlaygroundHost } from "../workbook/host";
import type { PlaygroundWorkbook } from "./workbook";
import { registerAddinFunctions } from "./engine";
import { loadAddinFunctions, setDisplayLanguage } from "./functionsHost";
import { createSpreadsheet } from "./grid";
import { SHEET_NAMES } from "./sampleData";
import { buildSampleWorkbook } from "./sampleWorkbook";

const LANGUAGE_KEY = "retentionMetricsPlayground:displayLanguage";
export const LANGUAGES: readonly { readonly code: string; readonly label: string }[] = [
  { code: "en-US", label: "English" },
  { code: "zh-CN", label: "中文" },
];

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

function numberParameter(params: URLSearchParams, name: string): number | undefined {
  const text = params.get(name);
  if (text === null || text.trim() === "") return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`?${name}= must be a whole number above 0, not "${text}"`);
  return value;
}

/** Lets the browser paint the status line before a long synchronous step. */
const nextFrame = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function publish(workbook: PlaygroundWorkbook, displayLanguage: string): void {
  const host: PlaygroundHost = { workbook, displayLanguage };
  (window as unknown as Record<string, unknown>)[PLAYGROUND_GLOBAL] = host;
}

/**
 * A frame loading the task pane. office.js, outside Office and in a frame, sends its page to
 * about:blank ("The add-in is not hosted in plain browser top window") unless the page defines
 * `OsfOptOut`; with it, Office.onReady resolves with no host, as in a browser tab. The pane's
 * page is of this origin and shares this page's event loop, so the flag is set on it as soon as
 * its document exists: office.js checks only after it has fetched itself and its mapping table,
 * several network round trips later.
 */
function taskPaneFrame(area: HTMLElement): HTMLIFrameElement {
  const frame = document.createElement("iframe");
  frame.id = "taskpane-frame";
  frame.title = "Retention Metrics task pane";
  frame.src = "taskpane.html";
  area.append(frame);
  const channel = new MessageChannel();
  const giveUp = Date.now() + 20_000;
  channel.port1.onmessage = () => {
    const paneWindow = frame.contentWindow as unknown as Record<string, unknown> | null;
    let url = "";
    try {
      url = frame.contentDocument?.URL ?? "";
    } catch {
      return; // navigated elsewhere (not this origin): nothing to do
    }
    if (paneWindow && url.includes("taskpane.html")) {
      paneWindow["OsfOptOut"] = true;
      channel.port1.close();
    } else if (Date.now() < giveUp && frame.isConnected) {
      channel.port2.postMessage(null); // next task, without setTimeout's 4 ms clamp
    } else {
      channel.port1.close();
    }
  };
  channel.port2.postMessage(null);
  return frame;
}

async function main(): Promise<void> {
  const status = byId<HTMLElement>("playground-status");
  const params = new URLSearchParams(location.search);
  const languages = LANGUAGES.map((language) => language.code);
  const wanted = params.get("lang") ?? storedLanguage() ?? "en-US";
  let language = languages.includes(wanted) ? wanted : "en-US";
  setDisplayLanguage(window, language);

  status.textContent = "Loading the add-in's functions (functions.js, functions.json)…";
  const { metadata, implementations } = await loadAddinFunctions();
  registerAddinFunctions(metadata, implementations);

  const sampleOptions = {
    seed: numberParameter(params, "seed"),
    customers: numberParameter(params, "customers"),
    months: numberParameter(params, "months"),
    // ?examples=1 keeps the Examples sheet on a large sample too (slow to compute).
    ...(params.has("examples") ? { examples: params.get("examples") !== "0" } : {}),
  };
  const size = `${(sampleOptions.customers ?? 300).toLocaleString("en-US")} customers × ${sampleOptions.months ?? 24} months`;
  status.textContent = `Generating the sample workbook (${size})…`;
  await nextFrame();
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null; // storage blocked: settings stay in memory
  }
  const { workbook, examples } = buildSampleWorkbook(sampleOptions, { storage });
  const first = params.get("sheet");
  if (first !== null && workbook.sheetNames().includes(first))
    workbook.activate(workbook.sheetId(first));
  publish(workbook, language);

  const boldRows = new Map<string, ReadonlySet<number>>();
  for (const name of workbook.sheetNames()) boldRows.set(name, new Set([0]));
  if (examples) boldRows.set(SHEET_NAMES.examples, new Set(examples.headings));
  const sheetArea = byId<HTMLElement>("sheet-area");
  const spreadsheet = createSpreadsheet(sheetArea, workbook, { boldRows });

  // The task pane: the add-in's own page, in a frame of this origin, added once the workbook is
  // published so that its start-up finds it.
  const paneArea = byId<HTMLElement>("pane-area");
  const paneToggle = byId<HTMLButtonElement>("pane-toggle");
  const mountPane = () => {
    paneArea.replaceChildren(); // a new frame each time: the pane starts again from the beginning
    taskPaneFrame(paneArea);
  };
  const showPane = (shown: boolean) => {
    paneArea.hidden = !shown;
    paneToggle.setAttribute("aria-pressed", String(shown));
    if (shown && paneArea.childElementCount === 0) mountPane();
    spreadsheet.render();
  };
  paneToggle.addEventListener("click", () => showPane(paneArea.hidden));
  showPane(params.get("pane") !== "0");

  // The language switch: the pane reads displayLanguage when it starts, so it is reloaded; the
  // functions read it for their messages, so the workbook recalculates.
  const select = byId<HTMLSelectElement>("language");
  select.replaceChildren(
    ...LANGUAGES.map(({ code, label }) => {
      const option = document.createElement("option");
      option.value = code;
      option.textContent = label;
      option.selected = code === language;
      return option;
    })
  );
  select.addEventListener("change", () => {
    language = select.value;
    try {
      localStorage.setItem(LANGUAGE_KEY, language);
    } catch {
      // not remembered across visits: fine
    }
    setDisplayLanguage(window, language);
    publish(workbook, language);
    workbook.recalculate();
    document.documentElement.lang = language;
    if (!paneArea.hidden) mountPane(); // a new frame: the pane starts again in the new language
  });
  document.documentElement.lang = language;

  status.textContent = `Sample: ${size}, seed ${sampleOptions.seed ?? 42}`;
  document.body.dataset["ready"] = "true";
  spreadsheet.focus();
}

main().catch((error: unknown) => {
  const status = document.getElementById("playground-status");
  const text = error instanceof Error ? error.message : String(error);
  if (status) {
    status.textContent = `The playground could not start: ${text}`;
    status.classList.add("error");
  }
  console.error(error);
});
