/**
 * The playground page (`npm start`, then http://localhost:3001): a stand-in for Excel in a plain
 * browser. It loads the add-in's own functions.js and functions.json, registers the functions
 * with HyperFormula, opens the workbook kept in this browser (or the seeded sample), draws it,
 * and docks the add-in's real task pane (taskpane.html, the page Excel loads) beside it in a
 * frame of the same origin. The pane finds the workbook under window[PLAYGROUND_GLOBAL] and works
 * on it through the same WorkbookPort as in Excel. Files are read and written in the page, and
 * the workbook is kept in the browser's IndexedDB: nothing is sent anywhere.
 *
 * URL parameters: `lang` (en-US, zh-CN), `sheet` (the sheet to show first), `seed`,
 * `customers`, `months` (e.g. ?customers=100000&months=36 for the benchmark's grid), `pane=0`
 * to start with the pane closed, `new=sample` or `new=empty` to start again.
 */
import { PLAYGROUND_GLOBAL, type PlaygroundHost } from "../workbook/host";
import { registerAddinFunctions } from "./engine";
import { loadAddinFunctions, setDisplayLanguage } from "./functionsHost";
import { createSpreadsheet } from "./grid";
import { Catalogue, helpPage } from "./page/catalogue";
import { addSheets, downloadXlsx, readFile } from "./page/files";
import { type KeepStatus, Keeper, KeptStore, MAX_KEPT_CELLS } from "./page/keep";
import { openWorkbook } from "./page/opening";
import { taskPaneFrame } from "./page/paneFrame";
import { buildToolbar } from "./page/toolbar";
import type { PlaygroundWorkbook } from "./workbook";

const LANGUAGE_KEY = "retentionMetricsPlayground:displayLanguage";
export const LANGUAGES: readonly { readonly code: string; readonly label: string }[] = [
  { code: "en-US", label: "English" },
  { code: "zh-CN", label: "中文" },
];
/**
 * Microsoft's pseudo-locale, for testers: `?lang=qps-ploc` shows every catalogue text accented
 * between ⟦ and ⟧, so text that skips the catalogue stands out in plain ASCII. Offered in the
 * switch only when asked for.
 */
const PSEUDO_LANGUAGE = { code: "qps-ploc", label: "Pseudo (qps-ploc)" } as const;

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

/** Lets the browser paint the status line before a long synchronous step. */
const nextFrame = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const count = (n: number) => n.toLocaleString("en-US");

function keepText(status: KeepStatus): { text: string; warning: boolean } {
  switch (status.kind) {
    case "saving":
      return { text: "Saving in this browser…", warning: false };
    case "kept":
      return { text: `Kept in this browser (${count(status.cells)} cells)`, warning: false };
    case "tooLarge":
      return {
        text: `Not kept: ${count(status.cells)} cells is more than the ${count(MAX_KEPT_CELLS)} this browser keeps. Export it as .xlsx to keep it.`,
        warning: true,
      };
    default:
      return { text: `Not kept: ${status.message}`, warning: true };
  }
}

/** The page's address with `new` set (to start again) and the sample choices left out. */
function startAgainAt(kind: "sample" | "empty"): string {
  const params = new URLSearchParams(location.search);
  for (const name of ["seed", "customers", "months", "examples", "sheet", "new"])
    params.delete(name);
  params.set("new", kind);
  return `${location.pathname}?${params.toString()}`;
}

async function main(): Promise<void> {
  const status = byId<HTMLElement>("playground-status");
  const say = (text: string, error = false) => {
    status.textContent = text;
    status.classList.toggle("error", error);
  };
  const params = new URLSearchParams(location.search);
  const wanted = params.get("lang") ?? storedLanguage() ?? "en-US";
  const offered = wanted === PSEUDO_LANGUAGE.code ? [...LANGUAGES, PSEUDO_LANGUAGE] : LANGUAGES;
  let language = offered.some(({ code }) => code === wanted) ? wanted : "en-US";
  setDisplayLanguage(window, language);

  say("Loading the add-in's functions (functions.js, functions.json)…");
  const { metadata, implementations } = await loadAddinFunctions();
  registerAddinFunctions(metadata, implementations);
  const catalogue = new Catalogue(metadata);
  const functionNames = metadata.functions.map((fn) => fn.name);

  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null; // storage blocked: settings stay in memory
  }
  const store = await KeptStore.open().catch(() => null);
  const opened = await openWorkbook(params, store, storage, async (text) => {
    say(text);
    await nextFrame();
  });
  if (params.has("new")) {
    params.delete("new"); // a reload opens what is kept from now on
    const rest = params.toString();
    history.replaceState(null, "", `${location.pathname}${rest ? `?${rest}` : ""}`);
  }
  const workbook: PlaygroundWorkbook = opened.workbook;

  // The task pane: the add-in's own page, in a frame of this origin, added once the workbook is
  // published so that its start-up finds it.
  const paneArea = byId<HTMLElement>("pane-area");
  const paneToggle = byId<HTMLButtonElement>("pane-toggle");
  const select = byId<HTMLSelectElement>("language");
  const help = byId<HTMLAnchorElement>("help-link");
  const sheetArea = byId<HTMLElement>("sheet-area");
  const spreadsheet = createSpreadsheet(sheetArea, workbook, {
    functions: () => catalogue.functions(language),
  });
  const mountPane = () => {
    paneArea.replaceChildren(); // a new frame each time: the pane starts again from the beginning
    taskPaneFrame(paneArea);
  };

  /** The one language switch: the header's. The pane asks for a change through the host. */
  const switchLanguage = (next: string) => {
    const code = next.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
    if (code === language) return;
    language = code;
    select.value = code;
    try {
      localStorage.setItem(LANGUAGE_KEY, language);
    } catch {
      // not remembered across visits: fine
    }
    setDisplayLanguage(window, language);
    publish();
    // The functions read the language for their messages: every formula is computed again.
    workbook.recalculate();
    document.documentElement.lang = language;
    help.href = helpPage(language);
    void catalogue.load(language).catch((error: unknown) => console.warn(error));
    if (!paneArea.hidden) mountPane(); // a new frame: the pane starts again in the new language
  };

  const publish = () => {
    const host: PlaygroundHost = {
      workbook,
      displayLanguage: language,
      setDisplayLanguage: (next) => setTimeout(() => switchLanguage(next), 0),
      insertFunction: (id) => {
        window.focus();
        spreadsheet.startFormula(`=SAAS.${id}(`);
      },
    };
    (window as unknown as Record<string, unknown>)[PLAYGROUND_GLOBAL] = host;
  };
  publish();

  const showPane = (shown: boolean) => {
    paneArea.hidden = !shown;
    paneToggle.setAttribute("aria-pressed", String(shown));
    if (shown && paneArea.childElementCount === 0) mountPane();
    spreadsheet.render();
  };
  paneToggle.addEventListener("click", () => showPane(paneArea.hidden));
  showPane(params.get("pane") !== "0");

  // Files in: the Open button, or a file dropped on the workbook.
  const importFiles = async (files: readonly File[]) => {
    try {
      const added: string[] = [];
      for (const file of files) {
        say(`Reading ${file.name}…`);
        await nextFrame();
        added.push(...addSheets(workbook, await readFile(file, functionNames)));
      }
      const first = added[0];
      if (first !== undefined) workbook.activate(workbook.sheetId(first));
      say(
        `Added ${added.map((name) => `“${name}”`).join(", ")}: select the data and analyse it in the task pane, or type =SAAS.`
      );
    } catch (error) {
      say(
        `Could not read the file: ${error instanceof Error ? error.message : String(error)}`,
        true
      );
    }
    spreadsheet.focus();
  };
  const toolbar = buildToolbar(byId("toolbar"), {
    open: (files) => void importFiles(files),
    exportXlsx: () => {
      say("Writing the .xlsx file…");
      downloadXlsx(workbook, "retention-metrics-playground.xlsx").then(
        () =>
          say(
            "Downloaded retention-metrics-playground.xlsx: =SAAS formulas kept, values saved with them."
          ),
        (error: unknown) =>
          say(
            `Could not write the file: ${error instanceof Error ? error.message : String(error)}`,
            true
          )
      );
    },
    undo: () => {
      workbook.undo();
      spreadsheet.render();
      spreadsheet.focus();
    },
    redo: () => {
      workbook.redo();
      spreadsheet.render();
      spreadsheet.focus();
    },
    format: (code) => {
      workbook.formatRange(workbook.selection, code);
      spreadsheet.render();
      spreadsheet.focus();
    },
    newSample: () => location.assign(startAgainAt("sample")),
    clear: () => location.assign(startAgainAt("empty")),
  });
  const showState = () => {
    toolbar.history(workbook.canUndo, workbook.canRedo);
    const { row, column } = workbook.selection;
    toolbar.showFormat(workbook.cell(workbook.activeSheet, row, column).numberFormat);
  };
  workbook.onChange((change) => {
    if (["history", "selection", "active", "formats", "cells"].includes(change.kind)) showState();
  });
  showState();
  sheetArea.addEventListener("dragover", (event) => {
    if (!event.dataTransfer?.types.includes("Files")) return;
    event.preventDefault();
    sheetArea.classList.add("dropping");
  });
  sheetArea.addEventListener("dragleave", (event) => {
    if (event.target === sheetArea || !sheetArea.contains(event.relatedTarget as Node)) {
      sheetArea.classList.remove("dropping");
    }
  });
  sheetArea.addEventListener("drop", (event) => {
    sheetArea.classList.remove("dropping");
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    event.preventDefault();
    void importFiles(files);
  });

  // Kept in this browser, a second after each change.
  if (store) {
    new Keeper(workbook, store, opened.workbookId, (state) => {
      const { text, warning } = keepText(state);
      toolbar.keepStatus(text, warning);
    });
    toolbar.keepStatus(
      opened.kept ? "Kept in this browser" : "Not changed yet: a change is kept in this browser"
    );
  } else {
    toolbar.keepStatus("Not kept: this browser does not let the page store data", true);
  }

  // The language switch.
  select.replaceChildren(
    ...offered.map(({ code, label }) => {
      const option = document.createElement("option");
      option.value = code;
      option.textContent = label;
      option.selected = code === language;
      return option;
    })
  );
  select.addEventListener("change", () => switchLanguage(select.value));
  document.documentElement.lang = language;
  help.href = helpPage(language);
  void catalogue.load(language).catch((error: unknown) => console.warn(error));

  say(opened.description);
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
