/**
 * Keeping the workbook in the browser (IndexedDB), so that imported sheets, typed cells and the
 * task pane's board packs are there after a reload. Nothing leaves the browser. Saves are
 * debounced (a second after the last change) and read only the sheets that changed since the
 * last save; a workbook larger than the playground keeps is not saved, and says so.
 */
import type { PlaygroundChange, SheetSnapshot } from "../model/spreadsheet";

/** The workbook as kept. */
export interface KeptWorkbook {
  readonly format: 1;
  /** Names the workbook's document settings (the task pane's remembered mappings). */
  readonly workbookId: string;
  readonly activeSheet: string;
  readonly sheets: readonly SheetSnapshot[];
}

/** The most cells kept: beyond, saving would take seconds and the browser's room. */
export const MAX_KEPT_CELLS = 1_000_000;
const DATABASE = "retention-metrics-playground";
const STORE = "workbook";
const KEY = "current";
const DELAY_MS = 1000;

function request<T>(run: (store: IDBObjectStore) => IDBRequest<T>, mode: IDBTransactionMode) {
  return (db: IDBDatabase) =>
    new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const call = run(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(call.result);
      transaction.onerror = () => reject(transaction.error ?? call.error);
      transaction.onabort = () => reject(transaction.error ?? new Error("the save was aborted"));
    });
}

/** The browser's IndexedDB store of the kept workbook. */
export class KeptStore {
  private constructor(private readonly db: IDBDatabase) {}

  /** Opens the store; rejects where the browser keeps nothing (storage blocked). */
  static open(factory: IDBFactory = indexedDB): Promise<KeptStore> {
    return new Promise((resolve, reject) => {
      const opening = factory.open(DATABASE, 1);
      opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
      opening.onsuccess = () => resolve(new KeptStore(opening.result));
      opening.onerror = () => reject(opening.error ?? new Error("IndexedDB could not be opened"));
      opening.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
    });
  }

  async load(): Promise<KeptWorkbook | null> {
    const kept = await request((store) => store.get(KEY), "readonly")(this.db);
    const workbook = kept as KeptWorkbook | undefined;
    return workbook?.format === 1 && Array.isArray(workbook.sheets) ? workbook : null;
  }

  async save(workbook: KeptWorkbook): Promise<void> {
    await request((store) => store.put(workbook, KEY), "readwrite")(this.db);
  }

  async forget(): Promise<void> {
    await request((store) => store.delete(KEY), "readwrite")(this.db);
  }
}

/** What the keeper reads of the workbook. */
export interface KeptSource {
  sheetNames(): string[];
  sheetId(name: string): number;
  sheetName(sheet: number): string;
  readonly activeSheet: number;
  snapshotSheet(sheet: number): SheetSnapshot;
  sheetSize(sheet: number): { readonly rows: number; readonly columns: number };
  onChange(listener: (change: PlaygroundChange) => void): () => void;
}

export type KeepStatus =
  | { readonly kind: "saving" }
  | { readonly kind: "kept"; readonly cells: number }
  | { readonly kind: "tooLarge"; readonly cells: number }
  | { readonly kind: "failed"; readonly message: string };

/** Saves the workbook a second after it last changed, reading again only the sheets that changed. */
export class Keeper {
  private readonly cache = new Map<number, SheetSnapshot>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly source: KeptSource,
    private readonly store: Pick<KeptStore, "save">,
    private readonly workbookId: string,
    private readonly report: (status: KeepStatus) => void
  ) {
    source.onChange((change) => {
      if (change.kind === "selection" || change.kind === "history") return;
      if ("sheet" in change && change.kind !== "active") this.cache.delete(change.sheet);
      if (change.kind === "sheets") this.cache.clear();
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.report({ kind: "saving" });
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.saveNow();
    }, DELAY_MS);
  }

  /** Saves now (and waits for any save under way). */
  saveNow(): Promise<void> {
    this.saving = this.saving.then(() => this.save());
    return this.saving;
  }

  private async save(): Promise<void> {
    // Measured before anything is read: a sheet's cells are the rectangle its data reach.
    const ids = this.source.sheetNames().map((name) => this.source.sheetId(name));
    let cells = 0;
    for (const id of ids) {
      const { rows, columns } = this.source.sheetSize(id);
      cells += rows * columns;
    }
    if (cells > MAX_KEPT_CELLS) {
      this.report({ kind: "tooLarge", cells });
      return;
    }
    const sheets = ids.map((id) => {
      let snapshot = this.cache.get(id);
      if (!snapshot) this.cache.set(id, (snapshot = this.source.snapshotSheet(id)));
      return snapshot;
    });
    try {
      await this.store.save({
        format: 1,
        workbookId: this.workbookId,
        activeSheet: this.source.sheetName(this.source.activeSheet),
        sheets,
      });
      this.report({ kind: "kept", cells });
    } catch (error) {
      this.report({
        kind: "failed",
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
