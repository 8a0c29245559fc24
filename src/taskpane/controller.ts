/**
 * The task pane's controller: its state and its four flows (analyse a selection, confirm a
 * mapping, write a board pack, write a what-if sheet), with no DOM, so tests drive it through a
 * WorkbookPort without a browser. The view (pane.ts) draws the state and calls the actions.
 *
 * Every flow keeps the pane usable whatever happens: one action at a time (a double click writes
 * one board pack), every failure caught and said in words naming what went wrong, and the state
 * of a failed step cleared (no stale mapping form left to confirm).
 */
import {
  type AnalysisMessage,
  type GridMapping,
  type LayoutGuess,
  type LedgerMapping,
  type PeriodChoice,
  type Prepared,
  type RevenueAnalysis,
  type RevenueModel,
  type SourceMapping,
  type SurveyAnalysis,
  type SurveyMapping,
  type SurveyModel,
  type WhatIfAssumptions,
  analyseRevenue,
  coreProblem,
  analyseSurvey,
  availablePeriodChoices,
  detectLayout,
  isBillingExport,
  mappingFromLayout,
  mappingProblems,
  prepareRevenue,
  prepareSurvey,
  resolvePeriodChoice,
} from "../analysis";
import { type Message, MetricError } from "../core";
import { type Language, type MessageKey, type Translator, createTranslator } from "../i18n";
import type { ReadProgress, WorkbookPort } from "../workbook/port";
import { analyseBillingExport } from "./billingFlow";
import { planBoardPack, planWhatIf } from "./boardPack";
import { type FunctionMetadata, loadFunctions } from "./functionsList";
import {
  ANALYSIS_CELL_LIMIT,
  type ReadSource,
  SelectionTooLarge,
  readSelectedData,
  recallMapping,
  rememberMapping,
} from "./sources";
import { SheetNotWritten, writeSheetPlan } from "./writePlan";

export type HostKind = "excel" | "playground" | "none";

export type Tab = "analyse" | "whatIf" | "functions";
export const TABS: readonly Tab[] = ["analyse", "whatIf", "functions"];

/** The what-if's assumptions before the user moves anything: the measured rates as they are. */
export const DEFAULT_ASSUMPTIONS: WhatIfAssumptions = {
  churnChange: 0,
  contractionChange: 0,
  expansionChange: 0,
  newBusinessChange: 0,
  months: 24,
};

/** A source read and guessed, waiting for the user to confirm its mapping. */
export interface PendingMapping {
  readonly read: ReadSource;
  readonly guess: Exclude<LayoutGuess, { kind: "unknown" }>;
  readonly mapping: SourceMapping;
  /** True when the mapping came from the workbook's settings rather than the guess. */
  readonly remembered: boolean;
  /** Why a mapping kept for this range was set aside (it no longer fits the sheet), if one was. */
  readonly setAside: AnalysisMessage | null;
  /** A range that looks like the exchange rates (a sheet named Rates or FX), for an export in several currencies. */
  readonly suggestedRates: string | null;
}

export interface RevenueSource {
  readonly read: ReadSource;
  readonly mapping: GridMapping | LedgerMapping;
  readonly model: RevenueModel;
}

export interface SurveySource {
  readonly read: ReadSource;
  readonly mapping: SurveyMapping;
  readonly model: SurveyModel;
}

/** Something the pane says in a status line: messages worded when drawn, so they follow a language change. */
export interface Status {
  readonly tone: "info" | "error";
  readonly messages: readonly Message[];
  /** The sheet a write added, for the view (and the tests) to point at. */
  readonly sheetName?: string;
}

/** The baseline of the what-if with the periods it was measured over. */
export interface MeasuredBaseline {
  readonly baseline: NonNullable<Extract<RevenueAnalysis["baseline"], { ok: true }>["value"]>;
  readonly fromPeriod: string;
  readonly toPeriod: string;
  readonly period: RevenueModel["period"];
}

/** Why office.js did not start: an error it gave, its CDN out of reach, or no answer in time. */
export type OfficeProblem =
  | { readonly kind: "failed"; readonly message: string }
  | { readonly kind: "cdnUnreachable" }
  | { readonly kind: "noAnswer"; readonly seconds: number };

export interface PaneOptions {
  readonly workbook: WorkbookPort | null;
  readonly host: HostKind;
  readonly platform: string | null;
  /** Why office.js did not start, when it did not. */
  readonly officeError: OfficeProblem | null;
  readonly language: Language;
  readonly locale: string;
  /** Called when the user picks a language in the pane's switch. */
  readonly onLanguageChosen?: (language: Language) => void;
  /** Where the host can start a formula in the selected cell (the playground): a function's id. */
  readonly insertFunction?: (id: string) => void;
  /** The functions' metadata, in the pane's language (the page's functions.json by default). */
  readonly loadFunctions?: (language: Language) => Promise<FunctionMetadata[]>;
}

export interface PaneState {
  readonly tab: Tab;
  readonly revenue: RevenueSource | null;
  readonly survey: SurveySource | null;
  readonly pending: PendingMapping | null;
  readonly choice: PeriodChoice;
  readonly segmentIndex: number;
  readonly assumptions: WhatIfAssumptions;
  /** The Analyse tab's status (a problem with the selection, a failed read…). */
  readonly message: Status | null;
  readonly packStatus: Status | null;
  readonly whatIfStatus: Status | null;
  readonly progress: ReadProgress | null;
  /** An action is running: the others wait (their buttons are disabled, their calls ignored). */
  readonly busy: boolean;
  readonly functions: { list: FunctionMetadata[] } | { error: string } | null;
}

const say = (key: MessageKey, params: Message["params"] = {}): Message => ({ key, params });

/**
 * What went wrong, as a message: a core error as the functions word it (a figure too large to
 * add), anything else as an unexpected failure with its text.
 */
function failureMessage(error: unknown): Message {
  return error instanceof MetricError
    ? coreProblem(error)
    : say("error.unexpected", { message: errorText(error) });
}

/** Sheets whose name says they hold exchange rates. */
const RATES_SHEET = /\b(rates?|fx|exchange|currenc(y|ies)|forex)\b|汇率/i;

/** The used range of the first sheet (other than the export's) named like exchange rates. */
async function ratesRangeIn(workbook: WorkbookPort, exportSheet: string): Promise<string | null> {
  try {
    const sheets = await workbook.listSheets();
    const name = sheets.find((sheet) => sheet !== exportSheet && RATES_SHEET.test(sheet));
    if (name === undefined) return null;
    return (await workbook.getUsedRange(name))?.address ?? null;
  } catch {
    return null; // only a suggestion: the user types the range
  }
}

/** What became of a sheet that could not be written whole: removed, or left for the user. */
function leftover(error: unknown): Message[] {
  if (!(error instanceof SheetNotWritten)) return [];
  return [say(error.removed ? "write.removed" : "write.leftBehind", { sheet: error.sheetName })];
}

/** The text of a thrown error, for a message that names what went wrong. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

export class PaneController {
  private current: PaneState;
  private translatorValue: Translator;
  private readonly listeners = new Set<(reason: "state" | "progress") => void>();
  private analysisCache: {
    model: RevenueModel;
    start: number;
    end: number;
    analysis: RevenueAnalysis | null;
    failure: Message | null;
  } | null = null;

  constructor(readonly options: PaneOptions) {
    this.translatorValue = createTranslator(options.language, options.locale);
    this.current = {
      tab: options.workbook === null ? "functions" : "analyse",
      revenue: null,
      survey: null,
      pending: null,
      choice: { kind: "lastPeriod" },
      segmentIndex: 0,
      assumptions: DEFAULT_ASSUMPTIONS,
      message: null,
      packStatus: null,
      whatIfStatus: null,
      progress: null,
      busy: false,
      functions: null,
    };
  }

  get state(): PaneState {
    return this.current;
  }

  get translator(): Translator {
    return this.translatorValue;
  }

  /** Calls `listener` after every change ("progress" while a read reports, else "state"). */
  subscribe(listener: (reason: "state" | "progress") => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private update(change: Partial<PaneState>, reason: "state" | "progress" = "state"): void {
    this.current = { ...this.current, ...change };
    for (const listener of this.listeners) listener(reason);
  }

  // -------------------------------------------------------------------------------------------
  // What the views show, derived from the state.

  /** The span the period picker names, or null when it names none. */
  span(model: RevenueModel): { start: number; end: number } | null {
    return resolvePeriodChoice(this.current.choice, model.period, model.periods.length);
  }

  /**
   * The revenue figures for the chosen span, computed once per span. A figure that cannot be
   * computed is shown as such by the views; should the analysis as a whole fail, it is null here
   * and `analysisFailure` says why, and the rest of the pane stays usable.
   */
  revenueAnalysis(): RevenueAnalysis | null {
    return this.revenueAnalysisOrFailure().analysis;
  }

  /** Why the revenue analysis of the chosen span failed, or null. */
  analysisFailure(): Status | null {
    const { failure } = this.revenueAnalysisOrFailure();
    return failure === null ? null : { tone: "error", messages: [failure] };
  }

  private revenueAnalysisOrFailure(): {
    analysis: RevenueAnalysis | null;
    failure: Message | null;
  } {
    const revenue = this.current.revenue;
    const span = revenue === null ? null : this.span(revenue.model);
    if (revenue === null || span === null) return { analysis: null, failure: null };
    // Keyed by the model itself: the same range and mapping read again may hold other numbers.
    const cached = this.analysisCache;
    if (
      cached === null ||
      cached.model !== revenue.model ||
      cached.start !== span.start ||
      cached.end !== span.end
    ) {
      const key = { model: revenue.model, start: span.start, end: span.end };
      try {
        this.analysisCache = {
          ...key,
          analysis: analyseRevenue(revenue.model, span),
          failure: null,
        };
      } catch (error) {
        this.analysisCache = { ...key, analysis: null, failure: failureMessage(error) };
      }
    }
    return this.analysisCache ?? { analysis: null, failure: null };
  }

  surveyAnalysis(): SurveyAnalysis | null {
    return this.current.survey === null ? null : analyseSurvey(this.current.survey.model);
  }

  /** The what-if's starting point: the baseline over the span the Analyse tab compares. */
  baseline(): MeasuredBaseline | { problem: AnalysisMessage } | null {
    const analysis = this.revenueAnalysis();
    const revenue = this.current.revenue;
    if (analysis === null || revenue === null) return null;
    if (!analysis.baseline.ok) return { problem: analysis.baseline.problem };
    const { model } = revenue;
    return {
      baseline: analysis.baseline.value,
      fromPeriod: model.periods[analysis.start] ?? "",
      toPeriod: model.periods[analysis.end] ?? "",
      period: model.period,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Small actions.

  selectTab(tab: Tab): void {
    this.update({ tab });
  }

  chooseLanguage(language: Language): void {
    this.translatorValue = createTranslator(
      language,
      language === this.options.language ? this.options.locale : undefined
    );
    this.options.onLanguageChosen?.(language);
    this.update({});
    void this.refreshFunctions();
  }

  choosePeriod(choice: PeriodChoice): void {
    this.update({ choice, packStatus: null });
  }

  chooseSegment(segmentIndex: number): void {
    this.update({ segmentIndex });
  }

  /** The user moves the what-if's assumptions; `redraw` false while a slider moves. */
  setAssumptions(assumptions: WhatIfAssumptions, redraw = true): void {
    if (redraw) this.update({ assumptions, whatIfStatus: null });
    else this.current = { ...this.current, assumptions };
  }

  changeMapping(mapping: SourceMapping): void {
    const pending = this.current.pending;
    if (pending === null) return;
    this.update({ pending: { ...pending, mapping } });
  }

  removeSource(kind: "revenue" | "survey"): void {
    this.update(
      kind === "revenue" ? { revenue: null, packStatus: null } : { survey: null, packStatus: null }
    );
  }

  async refreshFunctions(): Promise<void> {
    const load = this.options.loadFunctions ?? loadFunctions;
    try {
      this.update({ functions: { list: await load(this.translatorValue.language) } });
    } catch (error) {
      this.update({ functions: { error: errorText(error) } });
    }
  }

  // -------------------------------------------------------------------------------------------
  // The flows.

  /**
   * Runs one flow: nothing else while it runs, and whatever it throws becomes `failed`'s status
   * (the flow's own partial state already undone by `failed`), never an unhandled rejection.
   */
  private async exclusive(
    start: Partial<PaneState>,
    flow: () => Promise<Partial<PaneState>>,
    failed: (text: string, error: unknown) => Partial<PaneState>
  ): Promise<boolean> {
    if (this.current.busy) return false;
    this.update({ ...start, busy: true });
    let end: Partial<PaneState>;
    try {
      end = await flow();
    } catch (error) {
      end = failed(errorText(error), error);
    }
    this.update({ ...end, busy: false, progress: null });
    return true;
  }

  /** Reads the selection, guesses its layout and proposes a mapping for the user to confirm. */
  async analyseSelection(): Promise<void> {
    const workbook = this.options.workbook;
    if (workbook === null) return;
    await this.exclusive(
      // A new analysis starts clean: an earlier range's mapping form must not stay confirmable.
      { message: null, pending: null, progress: { rowsRead: 0, totalRows: 0 } },
      async () => {
        let read: ReadSource | null;
        try {
          read = await readSelectedData(workbook, (progress) =>
            this.update({ progress }, "progress")
          );
        } catch (error) {
          if (error instanceof SelectionTooLarge)
            return this.problem(
              say("layout.tooLarge", {
                cells: error.rows * error.columns,
                rows: error.rows,
                columns: error.columns,
                limit: ANALYSIS_CELL_LIMIT,
              })
            );
          return this.problem(say("error.readFailed", { message: errorText(error) }));
        }
        if (read === null) return this.problem(say("layout.empty"));
        const guess = detectLayout(read.source.cells, {
          firstRowNumber: read.source.rowIndex + 1,
          firstColumnNumber: read.source.columnIndex + 1,
        });
        if (guess.kind === "unknown") {
          return this.problem(
            guess.reason.key === "layout.empty"
              ? say("layout.empty")
              : say("layout.unknown", { reason: { nested: guess.reason } })
          );
        }
        const recalled = await recallMapping(workbook, read);
        let mapping = recalled.mapping ?? mappingFromLayout(guess);
        if (mapping === null) return this.problem(say("layout.empty"));
        const suggestedRates =
          guess.kind === "ledger" && guess.currencies.length > 1
            ? await ratesRangeIn(workbook, read.source.sheetName)
            : null;
        // Several currencies: the form shows, and the mapping holds, a reporting currency (USD
        // where the export has it) and the rates it found; the user changes either if need be.
        if (mapping.kind === "ledger" && mapping.conversion === null && guess.kind === "ledger") {
          const codes = guess.currencies;
          if (codes.length > 1)
            mapping = {
              ...mapping,
              conversion: {
                reportingCurrency: codes.includes("USD") ? "USD" : (codes[0] as string),
                ratesAddress: suggestedRates ?? "",
              },
            };
        }
        return {
          pending: {
            read,
            guess,
            mapping,
            remembered: recalled.mapping !== null,
            setAside: recalled.setAside,
            suggestedRates,
          },
        };
      },
      (text) => this.problem(say("error.unexpected", { message: text }))
    );
  }

  /** Checks and analyses the confirmed mapping, then remembers it in the workbook. */
  async confirmMapping(): Promise<void> {
    const workbook = this.options.workbook;
    const pending = this.current.pending;
    if (workbook === null || pending === null) return;
    await this.exclusive(
      { message: null },
      async () => {
        const { read, guess, mapping } = pending;
        const problems = mappingProblems(read.source, mapping, guess.excludedRows);
        if (problems.length > 0) return { message: { tone: "error", messages: problems } };
        let change: Partial<PaneState>;
        if (mapping.kind === "survey") {
          const model = prepareSurvey(read.source, mapping);
          if (!model.ok) return { message: { tone: "error", messages: [model.problem] } };
          change = { survey: { read, mapping, model: model.value } };
        } else {
          let model: Prepared<RevenueModel>;
          if (mapping.kind === "ledger" && isBillingExport(read.source, mapping)) {
            // The export becomes a sheet of live formulas first; the analysis is of what they give.
            const billing = await analyseBillingExport(
              workbook,
              read,
              mapping,
              this.translatorValue
            );
            model = billing.ok ? { ok: true, value: billing.value.model } : billing;
          } else {
            model = prepareRevenue(read.source, mapping);
          }
          if (!model.ok) return { message: { tone: "error", messages: [model.problem] } };
          const { periods, period } = model.value;
          const choices = availablePeriodChoices(period, periods.length);
          change = {
            revenue: { read, mapping, model: model.value },
            choice: choices.includes("lastPeriod")
              ? { kind: "lastPeriod" }
              : { kind: "between", start: 0, end: Math.max(0, periods.length - 1) },
            segmentIndex: 0,
          };
        }
        this.update({ ...change, pending: null, packStatus: null });
        try {
          await rememberMapping(workbook, read, mapping);
        } catch (error) {
          // The analysis stands; only the memory of the mapping failed, and the user is told.
          return this.problem(say("error.settingsFailed", { message: errorText(error) }));
        }
        return {};
      },
      (text, error) =>
        error instanceof SheetNotWritten
          ? // The export's MRR sheet could not be written: said, and the form kept to try again.
            {
              message: {
                tone: "error",
                messages: [say("billing.failed", { message: text }), ...leftover(error)],
              },
            }
          : { ...this.problem(say("error.unexpected", { message: text })), pending: null }
    );
  }

  /** Adds a sheet of live SAAS formulas over the analysed ranges. */
  async writeBoardPack(): Promise<void> {
    const workbook = this.options.workbook;
    if (workbook === null) return;
    await this.exclusive(
      { packStatus: { tone: "info", messages: [say("pack.writing")] } },
      async () => {
        const revenue = this.revenueAnalysis();
        const survey = this.surveyAnalysis();
        const revenueSource = this.current.revenue;
        const surveySource = this.current.survey;
        const plan = planBoardPack(
          {
            revenue:
              revenue !== null && revenueSource !== null
                ? {
                    ranges: revenueSource.model.ranges,
                    analysis: revenue,
                    period: revenueSource.model.period,
                    address: revenueSource.read.address,
                  }
                : null,
            survey:
              survey !== null && surveySource !== null
                ? {
                    ranges: surveySource.model.ranges,
                    scale: surveySource.model.scale,
                    analysis: survey,
                    address: surveySource.read.address,
                  }
                : null,
          },
          this.translatorValue
        );
        const written = await writeSheetPlan(workbook, plan);
        const fellBack = written.charts[0] === "columnStacked";
        return {
          packStatus: {
            tone: "info",
            messages: [
              say("pack.done", { sheet: written.sheetName }),
              ...(fellBack ? [say("pack.waterfallFallback")] : []),
            ],
            sheetName: written.sheetName,
          },
        };
      },
      (text, error) => ({
        packStatus: {
          tone: "error",
          messages: [say("pack.failed", { message: text }), ...leftover(error)],
        },
      })
    );
  }

  /** Adds a sheet holding the assumptions as cells and the projection as SAAS.PROJECT formulas. */
  async writeWhatIf(): Promise<void> {
    const workbook = this.options.workbook;
    const measured = this.baseline();
    if (workbook === null || measured === null || "problem" in measured) return;
    await this.exclusive(
      { whatIfStatus: { tone: "info", messages: [say("whatIf.writing")] } },
      async () => {
        const { period } = measured;
        const plan = planWhatIf(
          {
            baseline: measured.baseline,
            assumptions: this.current.assumptions,
            measuredFrom: this.translatorValue.period(measured.fromPeriod, period),
            measuredTo: this.translatorValue.period(measured.toPeriod, period),
          },
          this.translatorValue
        );
        const written = await writeSheetPlan(workbook, plan);
        return {
          whatIfStatus: {
            tone: "info",
            messages: [say("whatIf.written", { sheet: written.sheetName })],
            sheetName: written.sheetName,
          },
        };
      },
      (text, error) => ({
        whatIfStatus: {
          tone: "error",
          messages: [say("whatIf.failed", { message: text }), ...leftover(error)],
        },
      })
    );
  }

  private problem(message: Message): Partial<PaneState> {
    return { message: { tone: "error", messages: [message] } };
  }
}
