/**
 * A small Excel object model for the adapter's tests, made of office-addin-mock OfficeMockObjects.
 *
 * What office-addin-mock gives (checked in node_modules/office-addin-mock/src/officeMockObject.ts,
 * v4.0.0): `load(...)` marks properties, `sync()` makes loaded ones readable; reading a property
 * before that returns the text "Error, property was not loaded" or "Error, context.sync() was
 * not called" — it does not throw. So every object handed to the adapter is wrapped in a Proxy
 * that throws (and records a violation) on such a read: a read of an unloaded property fails the
 * test instead of passing a sentinel string along.
 *
 * The model adds what the mock library cannot know: sheets of cells, one context per
 * `Excel.run`, effects applied at `context.sync()` (writes, new sheets, charts), Excel's limits
 * (a payload error above a block size, null values above another), and a log of runs, syncs,
 * loads and block reads for the tests to assert on.
 */
import { OfficeMockObject } from "office-addin-mock";

const NOT_LOADED = "Error, property was not loaded";
const NOT_SYNCED = "Error, context.sync() was not called";

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  topLeft: string;
  bottomRight: string;
  firstSeriesFillCleared: boolean;
  legendVisible: boolean;
  /** Colours set on series, by index (fill for columns, line for lines). */
  seriesColors: Record<number, string>;
}

/** A style set on a range through Range.format, as recorded at sync. */
export interface FakeStyle {
  readonly address: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly color?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly align?: string;
  readonly underline?: string;
}

export interface FakeSheet {
  readonly id: string;
  name: string;
  /** Values by row; "" is blank. */
  cells: unknown[][];
  /** Formulas written, by "row,column". */
  readonly formulas: Map<string, string>;
  readonly numberFormats: Map<string, string>;
  /** Column widths set, in points, by 0-based column. */
  readonly columnWidths: Map<number, number>;
  readonly styles: FakeStyle[];
  pageLayout: { orientation: string; zoom: unknown } | null;
  /** The address given to pageLayout.setPrintArea, when it was called. */
  printArea: string | null;
  readonly colorScales: { address: string; criteria: unknown }[];
  readonly charts: FakeChart[];
}

export interface FakeExcelOptions {
  readonly sheets: readonly { readonly name: string; readonly cells: unknown[][] }[];
  readonly selection?: { readonly sheet: string; readonly address: string };
  readonly tables?: readonly {
    readonly name: string;
    readonly sheet: string;
    readonly address: string;
  }[];
  /** ExcelApi versions isSetSupported answers true for (default: up to 1.9). */
  readonly excelApi?: readonly string[];
  /** A request loading `values` of more rows than this fails with `limitError`. */
  readonly maxReadRows?: number;
  /** A request loading `values` of more rows than this succeeds with null values. */
  readonly nullValuesAboveRows?: number;
  /** A request writing more cells than this fails with `limitError`. */
  readonly maxWriteCells?: number;
  readonly limitError?: { readonly code: string; readonly message: string };
  /** Chart types whose creation fails at sync (after leaving a half-made chart behind). */
  readonly failingChartTypes?: readonly string[];
  readonly failSettingsSave?: boolean;
  /** Number formats fail at sync, as when the user edits a cell without delayForCellEdit. */
  readonly failNumberFormats?: boolean;
}

export interface BlockRead {
  readonly rows: number;
  readonly outcome: "ok" | "limit error" | "null values";
}

export interface FakeLog {
  runs: number;
  readonly runOptions: unknown[];
  syncs: number;
  /** Syncs per run, in run order. */
  readonly syncsPerRun: number[];
  /** Every load call: what object kind, what argument. */
  readonly loads: { kind: string; what: string }[];
  readonly blockReads: BlockRead[];
  readonly writes: { sheet: string; row: number; column: number; rows: number; columns: number }[];
  /** Reads of properties that were not loaded and synced. */
  readonly violations: string[];
}

interface Tracked {
  readonly raw: OfficeMockObject;
  readonly kind: string;
  /** Effects to apply when the context syncs (after the checks). */
  readonly onSync?: () => void;
  /** Checked before anything is applied: throws to fail the whole sync. */
  readonly check?: () => void;
}

/** While the mock library itself reads its properties, the strict proxies must not object. */
let insideMock = 0;

type Loose = Record<string, any>;

export class FakeExcel {
  readonly sheets: FakeSheet[];
  readonly log: FakeLog = {
    runs: 0,
    runOptions: [],
    syncs: 0,
    syncsPerRun: [],
    loads: [],
    blockReads: [],
    writes: [],
    violations: [],
  };
  readonly settings = new Map<string, unknown>();
  /** The sheet last activated through the API. */
  activeSheetId: string | null = null;
  private nextId = 1;

  constructor(readonly options: FakeExcelOptions) {
    this.sheets = options.sheets.map((sheet) =>
      this.newSheet(
        sheet.name,
        sheet.cells.map((row) => [...row])
      )
    );
  }

  /** The `Excel` global. */
  excelGlobal(): unknown {
    return new OfficeMockObject({
      run: (first: unknown, second?: unknown) => {
        const batch = (typeof first === "function" ? first : second) as (
          context: unknown
        ) => Promise<unknown>;
        this.log.runOptions.push(typeof first === "function" ? undefined : first);
        this.log.runs++;
        this.log.syncsPerRun.push(0);
        return batch(this.newContext());
      },
    });
  }

  /** The `Office` global: requirement sets, document settings and AsyncResultStatus. */
  officeGlobal(): unknown {
    const supported = new Set(
      this.options.excelApi ?? ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9"]
    );
    const office = new OfficeMockObject({
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) =>
            name === "ExcelApi" && supported.has(version),
        },
        document: {
          settings: {
            get: (key: string) => (this.settings.has(key) ? this.settings.get(key) : null),
            set: (key: string, value: unknown) =>
              void this.settings.set(key, structuredClone(value)),
            saveAsync: (callback: (result: unknown) => void) =>
              callback(
                this.options.failSettingsSave
                  ? { status: 1, error: { message: "The document is read-only." } }
                  : { status: 0, value: undefined }
              ),
          },
        },
      },
    }) as Loose;
    // Enums are plain values in office.js, not loadable properties.
    office["AsyncResultStatus"] = { Succeeded: 0, Failed: 1 };
    return office;
  }

  sheet(name: string): FakeSheet {
    const found = this.sheets.find((sheet) => sheet.name === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }

  /** A deep copy of every sheet's cells, to compare before and after. */
  snapshot(): Record<string, unknown[][]> {
    return Object.fromEntries(
      this.sheets.map((sheet) => [sheet.name, structuredClone(sheet.cells)])
    );
  }

  private newSheet(name: string, cells: unknown[][] = []): FakeSheet {
    return {
      id: `{sheet-${this.nextId++}}`,
      name,
      cells,
      formulas: new Map(),
      numberFormats: new Map(),
      columnWidths: new Map(),
      styles: [],
      pageLayout: null,
      printArea: null,
      colorScales: [],
      charts: [],
    };
  }

  // -------------------------------------------------------------------------------------------
  // One request context per Excel.run.

  private newContext(): unknown {
    const tracked: Tracked[] = [];
    /** Steps after the mock objects have synced (collection items, null values). */
    const afterSync: (() => void | Promise<void>)[] = [];
    /** What each range proxy covers, for the mock's own use (never read through the proxy). */
    const rangeAt = new WeakMap<
      object,
      { row: number; column: number; rowCount: number; columnCount: number }
    >();
    const runIndex = this.log.runs - 1;
    const fake = this;
    const track = (
      raw: OfficeMockObject,
      kind: string,
      hooks: Omit<Tracked, "raw" | "kind"> = {}
    ): Loose => {
      tracked.push({ raw, kind, ...hooks });
      return strict(raw, kind, this.log.violations);
    };
    /** A method's effect, applied at the next sync like every queued command. */
    const queue = (effect: () => void): void => {
      tracked.push({ raw: new OfficeMockObject({}), kind: "command", onSync: effect });
    };
    const recordingLoad = (kind: string) =>
      function (this: OfficeMockObject, what: string) {
        fake.log.loads.push({ kind, what });
        insideMock++;
        try {
          return OfficeMockObject.prototype.load.call(this, what);
        } finally {
          insideMock--;
        }
      };

    const sheetProxy = (sheet: FakeSheet | null, key: string): Loose => {
      const raw = new OfficeMockObject({
        id: sheet?.id ?? "",
        name: sheet?.name ?? "",
        load: recordingLoad("worksheet"),
        getRange: (address: string) => rangeProxy(sheet, localRange(address)),
        getRangeByIndexes: (row: number, column: number, rows: number, columns: number) =>
          rangeProxy(sheet, { row, column, rowCount: rows, columnCount: columns }),
        getUsedRangeOrNullObject: () => {
          const used = sheet ? usedBounds(sheet) : null;
          const proxy = rangeProxy(
            sheet,
            used ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 }
          );
          setPlain(proxy, "isNullObject", used === null);
          return proxy;
        },
        activate: () =>
          queue(() => {
            if (sheet) fake.activeSheetId = sheet.id;
          }),
        delete: () =>
          queue(() => {
            if (sheet) fake.sheets.splice(fake.sheets.indexOf(sheet), 1);
          }),
        pageLayout: {
          orientation: "",
          zoom: "",
          setPrintArea: (address: string) =>
            queue(() => {
              if (sheet) sheet.printArea = address;
            }),
        },
        charts: {
          add: (type: string, source: Loose, seriesBy: string) =>
            chartProxy(sheet, type, source, seriesBy),
          getItemOrNullObject: (name: string) => {
            const chart = sheet?.charts.find((c) => c.name === name);
            const remove = () => {
              if (sheet && chart) sheet.charts.splice(sheet.charts.indexOf(chart), 1);
            };
            const proxy = track(new OfficeMockObject({ delete: () => queue(remove) }), "chart");
            setPlain(proxy, "isNullObject", chart === undefined);
            return proxy;
          },
        },
      });
      return track(raw, "worksheet", {
        check: () => {
          if (sheet === null)
            throw officeError("ItemNotFound", `The requested resource doesn't exist (${key}).`);
        },
        onSync: () => {
          const layout = (raw as Loose)["pageLayout"] as Loose;
          const orientation = layout["orientation"];
          if (
            sheet !== null &&
            typeof orientation === "string" &&
            orientation !== "" &&
            !orientation.startsWith("Error,")
          )
            sheet.pageLayout = { orientation: String(layout["orientation"]), zoom: layout["zoom"] };
        },
      });
    };

    const rangeProxy = (
      sheet: FakeSheet | null,
      at: { row: number; column: number; rowCount: number; columnCount: number }
    ): Loose => {
      const bottomBorders: Loose[] = [];
      const cells = at.rowCount * at.columnCount;
      // Whole-column ranges are not copied: loading their values gives null, as Excel does over its limits.
      const values = sheet && cells <= 1_000_000 ? region(sheet, at) : [];
      const raw = new OfficeMockObject({
        address: `${sheet ? quoteSheet(sheet.name) : "?"}!${a1(at)}`,
        rowIndex: at.row,
        columnIndex: at.column,
        rowCount: at.rowCount,
        columnCount: at.columnCount,
        values,
        load: recordingLoad("range"),
        getTables: () => tablesProxy(sheet, at),
        format: {
          columnWidth: -1,
          wrapText: "",
          horizontalAlignment: "",
          font: { bold: "", italic: "", size: -1, color: "" },
          fill: { color: "" },
          borders: {
            getItem: (edge: string) => {
              const border = new OfficeMockObject({ style: "", color: "" }) as Loose;
              if (edge === "EdgeBottom") bottomBorders.push(border);
              return border;
            },
          },
        },
        conditionalFormats: {
          add: (type: string) => {
            const format = track(
              new OfficeMockObject({ type, colorScale: { placeholder: 0 } }),
              "conditional format",
              {
                onSync: () =>
                  sheet?.colorScales.push({
                    address: a1(at),
                    criteria: (format["colorScale"] as Loose)["criteria"],
                  }),
              }
            );
            return format;
          },
        },
      });
      let valuesRequested = false;
      const proxy = track(raw, "range", {
        check: () => {
          const written = (raw as Loose)["formulas"];
          const maxWrite = fake.options.maxWriteCells;
          if (Array.isArray(written) && maxWrite !== undefined && cells > maxWrite) {
            throw officeError(
              "RequestPayloadSizeLimitExceeded",
              "The request payload size has exceeded the limit."
            );
          }
          valuesRequested = isAwaitingSync(raw, "values");
          const maxRead = fake.options.maxReadRows;
          if (valuesRequested && maxRead !== undefined && at.rowCount > maxRead) {
            fake.log.blockReads.push({ rows: at.rowCount, outcome: "limit error" });
            const error = fake.options.limitError ?? {
              code: "ResponsePayloadSizeLimitExceeded",
              message: "The response payload size has exceeded the limit.",
            };
            throw officeError(error.code, error.message);
          }
        },
        onSync: () => {
          const loose = raw as Loose;
          const formulas = loose["formulas"];
          if (Array.isArray(formulas) && sheet) {
            writeRegion(sheet, at, formulas);
            fake.log.writes.push({
              sheet: sheet.name,
              row: at.row,
              column: at.column,
              rows: at.rowCount,
              columns: at.columnCount,
            });
          }
          const newValues = loose["values"];
          if (Array.isArray(newValues) && newValues !== values && sheet)
            writeRegion(sheet, at, newValues);
          recordFormat(sheet, at, loose["format"] as Loose, bottomBorders);
          const formats = loose["numberFormat"];
          if (Array.isArray(formats) && fake.options.failNumberFormats)
            throw officeError("InvalidOperation", "The workbook is busy: a cell is being edited.");
          if (Array.isArray(formats) && sheet) {
            (formats as unknown[][]).forEach((row, r) =>
              row.forEach((format, c) =>
                sheet.numberFormats.set(`${at.row + r},${at.column + c}`, String(format))
              )
            );
          }
          if (!valuesRequested) return;
          // A too-large read may come back with null values instead of an error.
          const nullAbove = fake.options.nullValuesAboveRows;
          const isNull = (nullAbove !== undefined && at.rowCount > nullAbove) || cells > 1_000_000;
          fake.log.blockReads.push({ rows: at.rowCount, outcome: isNull ? "null values" : "ok" });
          if (isNull) afterSync.push(() => void ((raw as Loose)["values"] = null));
        },
      });
      rangeAt.set(proxy, at);
      setPlain(proxy, "isNullObject", false);
      if (sheet) setPlain(proxy, "worksheet", sheetProxy(sheet, sheet.id));
      return proxy;
    };

    const chartProxy = (
      sheet: FakeSheet | null,
      type: string,
      source: Loose,
      seriesBy: string
    ): Loose => {
      const sourceAt = rangeAt.get(source);
      let position = { topLeft: "", bottomRight: "" };
      let fillCleared = false;
      const seriesColors: Record<number, string> = {};
      const lines: { index: number; series: Loose }[] = [];
      const raw = new OfficeMockObject({
        name: "",
        title: { text: "" },
        legend: { visible: true },
        setPosition: (topLeft: string, bottomRight: string) =>
          void (position = { topLeft, bottomRight }),
        series: {
          getItemAt: (index: number) => {
            const series = new OfficeMockObject({
              format: {
                fill: {
                  clear: () => void (fillCleared = true),
                  setSolidColor: (color: string) => void (seriesColors[index] = color),
                },
                line: { color: "" },
              },
            }) as Loose;
            lines.push({ index, series });
            return series;
          },
        },
        delete: () => undefined,
      }) as Loose;
      const record = (): FakeChart => ({
        name: String(raw["name"]),
        type,
        source: sourceAt ? a1(sourceAt) : "?",
        seriesBy,
        title: String((raw["title"] as Loose)["text"]),
        ...position,
        firstSeriesFillCleared: fillCleared,
        legendVisible: (raw["legend"] as Loose)["visible"] !== false,
        seriesColors: {
          ...seriesColors,
          ...Object.fromEntries(
            lines
              .map(({ index, series }) => [
                index,
                ((series["format"] as Loose)["line"] as Loose)["color"],
              ])
              .filter(([, color]) => color !== "")
          ),
        },
      });
      return track(raw as OfficeMockObject, "chart", {
        check: () => {
          if (fake.options.failingChartTypes?.includes(type)) {
            sheet?.charts.push(record()); // Excel may leave the half-made chart behind.
            throw officeError("GeneralException", "An internal error has occurred.");
          }
        },
        onSync: () => void sheet?.charts.push(record()),
      });
    };

    const tablesProxy = (sheet: FakeSheet | null, at: { row: number; column: number }): Loose => {
      const matching = (fake.options.tables ?? []).filter((table) => {
        if (table.sheet !== sheet?.name) return false;
        const box = localRange(table.address);
        return (
          at.row >= box.row &&
          at.row < box.row + box.rowCount &&
          at.column >= box.column &&
          at.column < box.column + box.columnCount
        );
      });
      return collectionProxy("tables", () =>
        matching.map((table) => {
          const raw = new OfficeMockObject({
            name: table.name,
            getRange: () => rangeProxy(sheet, localRange(table.address)),
          });
          return { raw, proxy: track(raw, "table") };
        })
      );
    };

    /** A collection whose `load("items/name")` makes `items` readable after the sync. */
    const collectionProxy = (
      kind: string,
      items: () => { raw: OfficeMockObject; proxy: Loose }[],
      extra: Loose = {}
    ): Loose => {
      let wanted: string | null = null;
      const raw = new OfficeMockObject({
        ...extra,
        load: (what: string) => {
          fake.log.loads.push({ kind, what });
          wanted = what;
        },
      }) as Loose;
      raw["items"] = NOT_LOADED;
      return track(raw as OfficeMockObject, kind, {
        onSync: () => {
          if (wanted === null) return;
          const property = wanted.replace(/^items\//, "");
          const list = items();
          insideMock++;
          try {
            for (const item of list) OfficeMockObject.prototype.load.call(item.raw, property);
          } finally {
            insideMock--;
          }
          afterSync.push(async () => {
            for (const item of list) await item.raw.sync();
            raw["items"] = list.map((item) => item.proxy);
          });
        },
      });
    };

    const pendingSheets: FakeSheet[] = [];
    const worksheets = collectionProxy(
      "worksheets",
      () =>
        fake.sheets.map((sheet) => {
          const raw = new OfficeMockObject({ name: sheet.name, id: sheet.id });
          return { raw, proxy: strict(raw, "worksheet", fake.log.violations) };
        }),
      {
        getItem: (key: string) => sheetProxy(fake.findSheet(key), key),
        getActiveWorksheet: () =>
          sheetProxy(
            fake.findSheet(fake.options.selection?.sheet ?? fake.sheets[0]?.name ?? ""),
            "active"
          ),
        add: (name: string) => {
          const sheet = fake.newSheet(name);
          pendingSheets.push(sheet);
          return sheetProxy(sheet, name);
        },
      }
    );

    const context = new OfficeMockObject({
      workbook: {
        getSelectedRange: () => {
          const selection = fake.options.selection ?? {
            sheet: fake.sheets[0]?.name ?? "",
            address: "A1",
          };
          return rangeProxy(fake.findSheet(selection.sheet), localRange(selection.address));
        },
      },
    }) as Loose;
    (context["workbook"] as Loose)["worksheets"] = worksheets;
    context["sync"] = async () => {
      fake.log.syncs++;
      fake.log.syncsPerRun[runIndex] = (fake.log.syncsPerRun[runIndex] ?? 0) + 1;
      const batch = tracked.splice(0);
      for (const item of batch) item.check?.();
      for (const sheet of pendingSheets.splice(0)) {
        if (
          fake.sheets.some((existing) => existing.name.toLowerCase() === sheet.name.toLowerCase())
        ) {
          throw officeError("ItemAlreadyExists", `A sheet named ${sheet.name} already exists.`);
        }
        fake.sheets.push(sheet);
      }
      for (const item of batch) item.onSync?.();
      for (const item of batch) await item.raw.sync();
      for (const step of afterSync.splice(0)) await step();
      // office-addin-mock finishes a sync in later microtasks: let them run.
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    return context;
  }

  private findSheet(key: string): FakeSheet | null {
    return (
      this.sheets.find(
        (sheet) => sheet.id === key || sheet.name.toLowerCase() === key.toLowerCase()
      ) ?? null
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/** Throws on any read of a property that was not loaded and synced. */
function strict(raw: OfficeMockObject, kind: string, violations: string[]): Loose {
  return new Proxy(raw as Loose, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (insideMock === 0 && (value === NOT_LOADED || value === NOT_SYNCED)) {
        const message = `${kind}.${String(property)} read before ${value === NOT_LOADED ? "load" : "sync"}`;
        violations.push(message);
        throw new Error(message);
      }
      return value;
    },
  });
}

/** True when `load` was called for the property and the sync is still to come (the mock's own state). */
function isAwaitingSync(raw: OfficeMockObject, property: string): boolean {
  return (raw as Loose)[property] === NOT_SYNCED;
}

function setPlain(proxy: Loose, property: string, value: unknown): void {
  Object.defineProperty(proxy, property, {
    value,
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

function officeError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { name: "RichApi.Error", code });
}

function usedBounds(
  sheet: FakeSheet
): { row: number; column: number; rowCount: number; columnCount: number } | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  sheet.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === "" || cell === null || cell === undefined) return;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    })
  );
  return bottom < 0
    ? null
    : { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
}

function region(
  sheet: FakeSheet,
  at: { row: number; column: number; rowCount: number; columnCount: number }
): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 0; r < at.rowCount; r++) {
    const source = sheet.cells[at.row + r] ?? [];
    const row: unknown[] = [];
    for (let c = 0; c < at.columnCount; c++) row.push(source[at.column + c] ?? "");
    rows.push(row);
  }
  return rows;
}

/** Writes as Excel would store them: a leading apostrophe marks text, "=" a formula. */
function writeRegion(
  sheet: FakeSheet,
  at: { row: number; column: number },
  cells: unknown[][]
): void {
  cells.forEach((row, r) => {
    const target = (sheet.cells[at.row + r] ??= []);
    row.forEach((cell, c) => {
      for (let fill = target.length; fill < at.column + c; fill++) target[fill] = "";
      const key = `${at.row + r},${at.column + c}`;
      if (typeof cell === "string" && cell.startsWith("'")) {
        target[at.column + c] = cell.slice(1);
      } else if (typeof cell === "string" && cell.startsWith("=")) {
        target[at.column + c] = cell;
        sheet.formulas.set(key, cell);
      } else {
        target[at.column + c] = cell;
      }
    });
  });
  for (let r = 0; r < sheet.cells.length; r++) sheet.cells[r] ??= [];
}

/** "A1:D20", "B2", "A:D" (whole columns) → position and size. */
function localRange(address: string): {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
} {
  const local = address.replace(/^.*!/, "").replace(/\$/g, "");
  const whole = /^([A-Z]+):([A-Z]+)$/i.exec(local);
  if (whole) {
    const first = columnIndex(whole[1] ?? "A");
    return {
      row: 0,
      column: first,
      rowCount: 1_048_576,
      columnCount: columnIndex(whole[2] ?? "A") - first + 1,
    };
  }
  const [start, end = start] = local.split(":");
  const parse = (cell: string | undefined) => {
    const match = /^([A-Z]+)(\d+)$/i.exec(cell ?? "");
    if (!match) throw new Error(`bad address ${address}`);
    return { row: Number(match[2]) - 1, column: columnIndex(match[1] ?? "A") };
  };
  const a = parse(start);
  const b = parse(end);
  return {
    row: a.row,
    column: a.column,
    rowCount: b.row - a.row + 1,
    columnCount: b.column - a.column + 1,
  };
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + letter.charCodeAt(0) - 64;
  return index - 1;
}

function letters(column: number): string {
  let text = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

function a1(at: { row: number; column: number; rowCount: number; columnCount: number }): string {
  const start = `${letters(at.column)}${at.row + 1}`;
  const end = `${letters(at.column + at.columnCount - 1)}${at.row + at.rowCount}`;
  return start === end ? start : `${start}:${end}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** What a sync applies of Range.format: a column width, or a style (only what was set). */
function recordFormat(
  sheet: FakeSheet | null,
  at: { row: number; column: number; rowCount: number; columnCount: number },
  format: Loose,
  bottomBorders: readonly Loose[]
): void {
  if (sheet === null || format === undefined) return;
  // What was never set reads as the mock's "not loaded" text, or the placeholder it started as.
  const set = (value: unknown) =>
    value !== "" &&
    value !== -1 &&
    value !== undefined &&
    !(typeof value === "string" && value.startsWith("Error,"));
  const width = format["columnWidth"];
  if (set(width))
    for (let c = at.column; c < at.column + at.columnCount; c++)
      sheet.columnWidths.set(c, Number(width));
  const font = format["font"] as Loose;
  const fill = format["fill"] as Loose;
  const style: Record<string, unknown> = {};
  if (set(font["bold"])) style["bold"] = font["bold"];
  if (set(font["italic"])) style["italic"] = font["italic"];
  if (set(font["size"])) style["size"] = font["size"];
  if (set(font["color"])) style["color"] = font["color"];
  if (set(fill["color"])) style["fill"] = fill["color"];
  if (set(format["wrapText"])) style["wrap"] = format["wrapText"];
  if (set(format["horizontalAlignment"])) style["align"] = format["horizontalAlignment"];
  const underline = bottomBorders.find((border) => border["style"] === "Continuous");
  if (underline !== undefined) style["underline"] = underline["color"];
  if (Object.keys(style).length > 0) sheet.styles.push({ address: a1(at), ...style } as FakeStyle);
}
