/**
 * The task pane's start-up: office.js, then the workbook to work on (Excel's, the playground's,
 * or none), then the language, then the pane. Excel and the playground run the very same pane.
 */
import { ExcelWorkbook } from "../workbook/excel";
import { findPlaygroundHost } from "../workbook/host";
import type { WorkbookPort } from "../workbook/port";
import { type Language, chooseLanguage, languageOf } from "../i18n";
import {
  type HostInfo,
  OFFICE_START_TIMEOUT_MS,
  OfficeDidNotStart,
  startOffice,
} from "./officeHost";
import { type HostKind, type OfficeProblem, PaneController } from "./controller";
import { TaskPane } from "./pane";

/** The pane's own language choice, with the host language it was made over. */
const LANGUAGE_KEY = "retentionMetrics.paneLanguage";

interface StoredChoice {
  readonly language: Language;
  /** The host's display language when the user chose: a new host language wins again. */
  readonly over: string | null;
}

function storedChoice(hostLanguage: string | null): Language | null {
  try {
    const stored = JSON.parse(localStorage.getItem(LANGUAGE_KEY) ?? "null") as StoredChoice | null;
    if (stored === null || stored.over !== hostLanguage) return null;
    return languageOf(stored.language);
  } catch {
    return null; // storage blocked or garbled: the host's language applies
  }
}

function storeChoice(language: Language, hostLanguage: string | null): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, JSON.stringify({ language, over: hostLanguage }));
  } catch {
    // Storage blocked (a private window): the choice holds until the pane reloads.
  }
}

function officeDisplayLanguage(): string | null {
  try {
    return typeof Office !== "undefined" ? (Office.context?.displayLanguage ?? null) : null;
  } catch {
    return null; // office.js outside Office has no context
  }
}

async function start(): Promise<void> {
  let info: HostInfo | null = null;
  let officeError: OfficeProblem | null = null;
  try {
    info = await startOffice();
  } catch (error) {
    officeError =
      error instanceof OfficeDidNotStart
        ? error.officeJs === "local"
          ? { kind: "cdnUnreachable" }
          : { kind: "noAnswer", seconds: OFFICE_START_TIMEOUT_MS / 1000 }
        : { kind: "failed", message: error instanceof Error ? error.message : String(error) };
  }

  let workbook: WorkbookPort | null = null;
  let host: HostKind = "none";
  const playground = findPlaygroundHost(window);
  if (info?.host === "Excel") {
    workbook = new ExcelWorkbook();
    host = "excel";
  } else if (playground !== undefined) {
    workbook = playground.workbook;
    host = "playground";
  }

  const hostLanguage = playground?.displayLanguage ?? officeDisplayLanguage() ?? null;
  // In the playground the page's language switch is the one source: the pane follows it.
  const followsHost = playground?.setDisplayLanguage !== undefined;
  const { language, locale } = chooseLanguage({
    chosen: followsHost ? null : storedChoice(hostLanguage),
    playground: playground?.displayLanguage ?? null,
    office: officeDisplayLanguage(),
    browser: navigator.language,
  });

  const root = document.getElementById("app") ?? document.body;
  const controller = new PaneController({
    workbook,
    host,
    platform: info?.platform ?? null,
    officeError: host === "none" ? officeError : null,
    language,
    locale,
    onLanguageChosen: (chosen) =>
      followsHost ? playground?.setDisplayLanguage?.(chosen) : storeChoice(chosen, hostLanguage),
    insertFunction: playground?.insertFunction,
  });
  new TaskPane(root, controller).start();
}

void start();
