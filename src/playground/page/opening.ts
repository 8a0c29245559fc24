/**
 * Which workbook the page opens: the one kept in this browser, else the generated sample. URL
 * parameters ask for something else: `?new=sample` starts again from the sample (the kept
 * workbook is forgotten), `?new=empty` from one empty sheet, and sample choices (`?seed=7`,
 * `?customers=100000&months=36`, `?examples=1`) open that sample.
 */
import { buildEngine } from "../engine";
import { buildSampleWorkbook } from "../sampleWorkbook";
import { PlaygroundWorkbook } from "../workbook";
import { NO_DECORATIONS } from "../model/decorations";
import type { KeptStore, KeptWorkbook } from "./keep";

export interface Opened {
  readonly workbook: PlaygroundWorkbook;
  readonly workbookId: string;
  /** What the status line says of it. */
  readonly description: string;
  /** Whether it was kept already (so far unchanged since). */
  readonly kept: boolean;
}

const SAMPLE_PARAMETERS = ["seed", "customers", "months", "examples"];

/**
 * The largest sample a browser tab builds: the performance benchmark's grid (100,000 customers
 * × 36 months, about 1 GB) fits with room to spare; a million customers would take the tab down
 * with no word said. Larger samples are for `npm run sample`, which writes CSV files.
 */
export const SAMPLE_LIMITS = { customers: 200_000, months: 120, cells: 4_000_000 } as const;

function numberParameter(params: URLSearchParams, name: string): number | undefined {
  const text = params.get(name);
  if (text === null || text.trim() === "") return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`?${name}= must be a whole number above 0, not "${text}"`);
  return value;
}

/** The sample size asked for, refused with the limit and what to do when beyond it. */
export function sampleSize(params: URLSearchParams): { customers?: number; months?: number } {
  const customers = numberParameter(params, "customers");
  const months = numberParameter(params, "months");
  const format = (n: number) => n.toLocaleString("en-US");
  const instead = `for more, \`npm run sample -- --customers ${customers ?? 300} --months ${months ?? 24}\` writes the sample as CSV files`;
  if (customers !== undefined && customers > SAMPLE_LIMITS.customers)
    throw new Error(
      `?customers= is at most ${format(SAMPLE_LIMITS.customers)} in the playground, not ${format(customers)}; ${instead}`
    );
  if (months !== undefined && months > SAMPLE_LIMITS.months)
    throw new Error(
      `?months= is at most ${SAMPLE_LIMITS.months} in the playground, not ${format(months)}; ${instead}`
    );
  const cells = (customers ?? 300) * (months ?? 24);
  if (cells > SAMPLE_LIMITS.cells)
    throw new Error(
      `${format(customers ?? 300)} customers × ${months ?? 24} months is ${format(cells)} revenue cells; the playground builds at most ${format(SAMPLE_LIMITS.cells)} in a browser tab (100,000 × 36 is the benchmark's grid); ${instead}`
    );
  return {
    ...(customers === undefined ? {} : { customers }),
    ...(months === undefined ? {} : { months }),
  };
}

/** An empty workbook of one sheet, as kept. */
export function emptyWorkbook(workbookId: string): KeptWorkbook {
  return {
    format: 1,
    workbookId,
    activeSheet: "Sheet1",
    sheets: [
      {
        name: "Sheet1",
        rows: [],
        decorations: NO_DECORATIONS,
      },
    ],
  };
}

export function restore(kept: KeptWorkbook, storage: Storage | null): PlaygroundWorkbook {
  const workbook = PlaygroundWorkbook.restore(kept.sheets, buildEngine, {
    storage,
    workbookId: kept.workbookId,
  });
  if (workbook.sheetNames().includes(kept.activeSheet))
    workbook.activate(workbook.sheetId(kept.activeSheet));
  return workbook;
}

export async function openWorkbook(
  params: URLSearchParams,
  store: KeptStore | null,
  storage: Storage | null,
  progress: (text: string) => Promise<void>
): Promise<Opened> {
  const wanted = params.get("new");
  if (wanted === "empty") {
    const kept = emptyWorkbook(`workbook-${Date.now()}`);
    await store?.save(kept).catch(() => undefined);
    return {
      workbook: restore(kept, storage),
      workbookId: kept.workbookId,
      description: "An empty workbook",
      kept: true,
    };
  }
  const sampleAsked = SAMPLE_PARAMETERS.some((name) => params.has(name));
  if (wanted === "sample") await store?.forget().catch(() => undefined);
  else if (!sampleAsked && store) {
    const kept = await store.load().catch(() => null);
    if (kept) {
      await progress("Opening the workbook kept in this browser…");
      try {
        return {
          workbook: restore(kept, storage),
          workbookId: kept.workbookId,
          description: "Your workbook, kept in this browser",
          kept: true,
        };
      } catch (error) {
        // A kept workbook this version cannot open: said, and the sample opened instead.
        const reason = error instanceof Error ? error.message : String(error);
        const opened = await openSample(params, storage, progress);
        return {
          ...opened,
          description: `The workbook kept in this browser could not be opened (${reason}); the sample is open instead`,
        };
      }
    }
  }
  return openSample(params, storage, progress);
}

async function openSample(
  params: URLSearchParams,
  storage: Storage | null,
  progress: (text: string) => Promise<void>
): Promise<Opened> {
  const options = {
    seed: numberParameter(params, "seed"),
    ...sampleSize(params),
    // ?examples=1 keeps the Examples sheet on a large sample too (slow to compute).
    ...(params.has("examples") ? { examples: params.get("examples") !== "0" } : {}),
  };
  const size = `${(options.customers ?? 300).toLocaleString("en-US")} customers × ${options.months ?? 24} months`;
  await progress(`Generating the sample workbook (${size})…`);
  const { workbook, sample } = buildSampleWorkbook(options, { storage });
  const first = params.get("sheet");
  if (first !== null && workbook.sheetNames().includes(first))
    workbook.activate(workbook.sheetId(first));
  const { seed, customers, months } = sample.options;
  return {
    workbook,
    workbookId: `sample-${seed}-${customers}x${months}`,
    description: `Sample: ${size}, seed ${options.seed ?? 42}`,
    kept: false,
  };
}
