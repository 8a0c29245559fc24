/**
 * Which workbook the task pane works on. In Excel it is the Excel adapter; in the playground the
 * page that hosts the pane (in an iframe of the same origin) publishes its own WorkbookPort under
 * PLAYGROUND_GLOBAL, so the very same pane bundle runs against the in-browser workbook.
 */
import type { WorkbookPort } from "./port";

/** The global the playground page sets on its window for the pane iframe to find. */
export const PLAYGROUND_GLOBAL = "retentionMetricsPlayground";

export interface PlaygroundHost {
  /** The playground's workbook, implementing what the Excel adapter implements. */
  readonly workbook: WorkbookPort;
  /** The display language the playground's switch asks for, e.g. "en-US" or "zh-CN". */
  readonly displayLanguage?: string;
  /**
   * Sets the playground's display language (its header switch is the one source: the page
   * switches, and starts the pane again in that language). Absent outside the playground.
   */
  readonly setDisplayLanguage?: (language: string) => void;
  /**
   * Starts a formula calling the add-in's function `id` ("NRR") in the selected cell, for the
   * user to complete. Absent outside the playground.
   */
  readonly insertFunction?: (id: string) => void;
}

/** The playground host of a pane running in an iframe of the playground page, if any. */
export function findPlaygroundHost(pane: Window): PlaygroundHost | undefined {
  try {
    const parent = pane.parent;
    if (!parent || parent === pane) return undefined;
    const host = (parent as unknown as Record<string, unknown>)[PLAYGROUND_GLOBAL];
    return typeof host === "object" && host !== null && "workbook" in host
      ? (host as PlaygroundHost)
      : undefined;
  } catch {
    return undefined; // a parent of another origin: not the playground
  }
}
