/**
 * The workbook's document settings (what the task pane remembers in a workbook, as Excel keeps
 * them in the document): in memory, and in a storage (the page's localStorage) under the
 * workbook's id when one is given, so that a reload of the same workbook finds them.
 */

const STORAGE_PREFIX = "retentionMetricsPlayground:";

export type SettingsStorage = Pick<Storage, "getItem" | "setItem">;

export class DocumentSettings {
  private readonly memory = new Map<string, string>();

  constructor(
    private readonly storage: SettingsStorage | null,
    private readonly workbookId: string
  ) {}

  read(key: string): string | null {
    const kept = this.memory.get(key);
    if (kept !== undefined) return kept;
    try {
      return this.storage?.getItem(this.storageKey(key)) ?? null;
    } catch {
      return null; // storage blocked (private mode): memory only
    }
  }

  /** Keeps the text; throws when the storage refuses it (full, or blocked). */
  write(key: string, text: string): void {
    this.memory.set(key, text);
    this.storage?.setItem(this.storageKey(key), text);
  }

  private storageKey(key: string): string {
    return `${STORAGE_PREFIX}${this.workbookId}:${key}`;
  }
}
