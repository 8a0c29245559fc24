/**
 * The task pane (issue 6): Analyse, What-if and Functions, in plain DOM. It holds the user's
 * choices as state and draws the pane from them with the views (mappingView, resultsView,
 * whatIfView); every figure comes from src/core/analysis.ts, every word from the message
 * catalogue, every write goes to a sheet the port has just added.
 *
 * The whole pane is redrawn on each change (it is small), and the focused control is found
 * again by its data-testid afterwards, so keyboard users keep their place. Sliders update their
 * outputs in place while they move.
 */
import {
  type AnalysisMessage,
  type GridMapping,
  type Kpi,
  type LayoutGuess,
  type LedgerMapping,
  type PeriodChoice,
  type RevenueAnalysis,
  type RevenueModel,
  type SourceMapping,
  type SurveyAnalysis,
  type SurveyMapping,
  type SurveyModel,
  type WhatIfAssumptions,
  analyseRevenue,
  analyseSurvey,
  availablePeriodChoices,
  detectLayout,
  mappingFromLayout,
  mappingProblems,
  prepareRevenue,
  prepareSurvey,
  resolvePeriodChoice,
} from "../core";
import type { ReadProgress, WorkbookPort } from "../workbook/port";
import { planBoardPack, planWhatIf } from "./boardPack";
import type { ViewContext } from "./controls";
import { type Child, el, uniqueId } from "./dom";
import { type FunctionMetadata, functionSignature, loadFunctions } from "./functionsList";
import {
  LANGUAGES,
  type Language,
  type MessageKey,
  type Translator,
  createTranslator,
} from "./i18n";
import { LAYOUT_NAME } from "./labels";
import { type PendingMapping, mappingForm } from "./mappingView";
import {
  bridgeSection,
  kpiCard,
  periodPicker,
  segmentSection,
  surveySection,
  trendSection,
} from "./resultsView";
import { type ReadSource, readSelectedData, recallMapping, rememberMapping } from "./sources";
import { DEFAULT_ASSUMPTIONS, type MeasuredBaseline, whatIfPanel } from "./whatIfView";
import { writeSheetPlan } from "./writePlan";

export type HostKind = "excel" | "playground" | "none";

export interface PaneOptions {
  readonly workbook: WorkbookPort | null;
  readonly host: HostKind;
  readonly platform: string | null;
  /** Why office.js did not start, when it did not. */
  readonly officeError: string | null;
  readonly language: Language;
  readonly locale: string;
  /** Called when the user picks a language in the pane's switch. */
  readonly onLanguageChosen: (language: Language) => void;
  /** Where the host can start a formula in the selected cell (the playground): a function's id. */
  readonly insertFunction?: (id: string) => void;
}

type Tab = "analyse" | "whatIf" | "functions";
const TABS: readonly Tab[] = ["analyse", "whatIf", "functions"];
const TAB_LABEL: Readonly<Record<Tab, MessageKey>> = {
  analyse: "tab.analyse",
  whatIf: "tab.whatIf",
  functions: "tab.functions",
};

/** Something to say, worded when drawn (so it follows a change of language). */
type Say = (t: Translator["t"]) => string;

interface RevenueSource {
  readonly read: ReadSource;
  readonly guess: LayoutGuess;
  readonly mapping: GridMapping | LedgerMapping;
  readonly model: RevenueModel;
}

interface SurveySource {
  readonly read: ReadSource;
  readonly guess: LayoutGuess;
  readonly mapping: SurveyMapping;
  readonly model: SurveyModel;
}

interface Status {
  readonly say: Say;
  readonly tone: "info" | "error";
  readonly sheetName?: string;
}

export class TaskPane {
  private translator: Translator;
  private tab: Tab;
  private revenue: RevenueSource | null = null;
  private survey: SurveySource | null = null;
  private pending: PendingMapping | null = null;
  private choice: PeriodChoice = { kind: "lastPeriod" };
  private segmentIndex = 0;
  private assumptions: WhatIfAssumptions = DEFAULT_ASSUMPTIONS;
  private message: Status | null = null;
  private packStatus: Status | null = null;
  private whatIfStatus: Status | null = null;
  private progress: ReadProgress | null = null;
  private busy = false;
  private functions: { list: FunctionMetadata[] } | { error: string } | null = null;
  private analysisCache: { key: string; value: RevenueAnalysis } | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly options: PaneOptions
  ) {
    this.translator = createTranslator(options.language, options.locale);
    this.tab = options.workbook === null ? "functions" : "analyse";
  }

  start(): void {
    this.render();
    void this.refreshFunctions();
  }

  private get t(): Translator["t"] {
    return this.translator.t;
  }

  /** What the views need: the translator and the wording of the core's messages. */
  private get view(): ViewContext {
    return { translator: this.translator, say: (message) => this.say(message) };
  }

  // -------------------------------------------------------------------------------------------
  // Drawing.

  private render(): void {
    const focus = focusKey(document.activeElement);
    const { t } = this;
    document.documentElement.lang = this.translator.language;
    document.title = t("app.title");
    this.root.replaceChildren(
      this.header(),
      this.hostStatus(),
      this.tabList(),
      this.panel("analyse", this.analysePanel()),
      this.panel(
        "whatIf",
        whatIfPanel(this.view, this.baseline(), {
          assumptions: this.assumptions,
          canWrite: !this.busy && this.options.workbook !== null,
          status: this.statusLine(this.whatIfStatus, "whatif-status"),
          onMove: (assumptions) => {
            this.assumptions = assumptions;
          },
          onSet: (assumptions) => {
            this.assumptions = assumptions;
            this.whatIfStatus = null;
            this.render();
          },
          onWrite: () => {
            const measured = this.baseline();
            if (measured !== null && !("problem" in measured)) void this.writeWhatIf(measured);
          },
        })
      ),
      this.panel("functions", this.functionsPanel())
    );
    this.root.setAttribute("aria-busy", String(this.busy));
    if (focus !== null) this.root.querySelector<HTMLElement>(focus)?.focus();
  }

  private header(): HTMLElement {
    const { t } = this;
    const id = uniqueId("language");
    const select = el(
      "select",
      { attrs: { id }, testId: "language-switch" },
      LANGUAGES.map((language) =>
        el("option", {
          text: t(language === "en" ? "language.en" : "language.zh-CN"),
          attrs:
            language === this.translator.language
              ? { value: language, selected: "" }
              : { value: language },
        })
      )
    );
    select.addEventListener("change", () => this.chooseLanguage(select.value as Language));
    return el("header", { className: "pane-header" }, [
      el("img", { attrs: { src: "assets/icon-32.png", width: "32", height: "32", alt: "" } }),
      el("div", { className: "titles" }, [
        el("h1", { text: t("app.title") }),
        el("p", { className: "subtitle", text: t("app.subtitle") }),
      ]),
      el("div", { className: "language" }, [
        el("label", { text: t("language.label"), attrs: { for: id } }),
        select,
      ]),
    ]);
  }

  private hostStatus(): HTMLElement {
    const { t } = this;
    const { host, platform, officeError } = this.options;
    let text: string;
    if (host === "excel") text = t("host.excel", { platform: platform ?? "Office" });
    else if (host === "playground") text = t("host.playground");
    else
      text =
        officeError !== null ? t("host.officeFailed", { message: officeError }) : t("host.none");
    return el("p", {
      className: officeError !== null && host === "none" ? "status error" : "status",
      text,
      attrs: { id: "host-status", role: "status", "aria-live": "polite" },
      data: { ready: "true", host },
      testId: "host-status",
    });
  }

  private tabList(): HTMLElement {
    const list = el("div", {
      className: "tabs",
      attrs: { role: "tablist", "aria-label": this.t("tabs.label") },
    });
    for (const tab of TABS) {
      const selected = tab === this.tab;
      const button = el("button", {
        className: "tab",
        text: this.t(TAB_LABEL[tab]),
        attrs: {
          type: "button",
          role: "tab",
          id: `tab-${tab}`,
          "aria-selected": String(selected),
          "aria-controls": `panel-${tab}`,
          tabindex: selected ? "0" : "-1",
        },
        testId: `tab-${tab}`,
      });
      button.addEventListener("click", () => this.selectTab(tab));
      button.addEventListener("keydown", (event) => this.tabKey(event, tab));
      list.append(button);
    }
    return list;
  }

  /** Arrow keys move between tabs, Home and End to the first and last (WAI-ARIA tabs pattern). */
  private tabKey(event: KeyboardEvent, tab: Tab): void {
    const index = TABS.indexOf(tab);
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % TABS.length,
      ArrowLeft: (index - 1 + TABS.length) % TABS.length,
      Home: 0,
      End: TABS.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    this.selectTab(TABS[target] as Tab);
    this.root.querySelector<HTMLElement>(`#tab-${TABS[target] as Tab}`)?.focus();
  }

  private selectTab(tab: Tab): void {
    this.tab = tab;
    this.render();
  }

  private panel(tab: Tab, children: readonly Child[]): HTMLElement {
    const panel = el(
      "section",
      {
        className: "panel",
        attrs: {
          role: "tabpanel",
          id: `panel-${tab}`,
          "aria-labelledby": `tab-${tab}`,
          tabindex: "0",
        },
        testId: `panel-${tab}`,
      },
      children
    );
    panel.hidden = tab !== this.tab;
    return panel;
  }

  private statusLine(status: Status | null, testId: string): HTMLElement | null {
    if (status === null) return null;
    return el("p", {
      className: status.tone === "error" ? "status error" : "status",
      text: status.say(this.t),
      attrs: { role: status.tone === "error" ? "alert" : "status" },
      data: status.sheetName === undefined ? {} : { sheetName: status.sheetName },
      testId,
    });
  }

  // -------------------------------------------------------------------------------------------
  // Analyse.

  private analysePanel(): Child[] {
    const { t } = this;
    const analyse = el("button", {
      className: "primary",
      text: t("analyse.button"),
      attrs: { type: "button" },
      testId: "analyse-button",
    });
    analyse.disabled = this.options.workbook === null || this.busy;
    analyse.addEventListener("click", () => void this.analyseSelection());
    return [
      el("p", { className: "hint", text: t("analyse.intro") }),
      analyse,
      this.progressBar(),
      this.statusLine(this.message, "message"),
      this.sourcesList(),
      this.pending === null
        ? null
        : mappingForm(this.view, this.pending, {
            busy: this.busy,
            onChange: (mapping) => {
              if (this.pending !== null) this.pending = { ...this.pending, mapping };
              this.render();
            },
            onConfirm: () => void this.confirmMapping(),
          }),
      ...this.results(),
    ];
  }

  private progressBar(): HTMLElement | null {
    if (this.progress === null) return null;
    const { rowsRead, totalRows } = this.progress;
    const id = uniqueId("progress");
    const bar = el("progress", { attrs: { id, max: String(Math.max(1, totalRows)) } });
    bar.value = rowsRead;
    return el("div", { className: "progress", testId: "read-progress" }, [
      el("label", { text: this.t("progress.label"), attrs: { for: id } }),
      bar,
      el("span", {
        className: "hint",
        text: this.t("progress.rows", { read: rowsRead, total: totalRows }),
        attrs: { "aria-live": "polite" },
      }),
    ]);
  }

  private sourcesList(): HTMLElement | null {
    const { t } = this;
    const sources: { kind: "revenue" | "survey"; read: ReadSource; mapping: SourceMapping }[] = [];
    if (this.revenue !== null) sources.push({ kind: "revenue", ...this.revenue });
    if (this.survey !== null) sources.push({ kind: "survey", ...this.survey });
    if (sources.length === 0) return null;
    return el("section", { className: "sources", testId: "sources" }, [
      el("h2", { text: t("sources.heading") }),
      el(
        "ul",
        {},
        sources.map((source) => {
          const remove = el("button", {
            className: "link",
            text: t("sources.remove"),
            attrs: {
              type: "button",
              "aria-label": t("sources.removeLabel", { address: source.read.address }),
            },
            testId: `remove-${source.kind}`,
          });
          remove.addEventListener("click", () => this.removeSource(source.kind));
          return el("li", { data: { source: source.kind } }, [
            el("strong", {
              text: t(source.kind === "revenue" ? "sources.revenue" : "sources.survey"),
            }),
            " ",
            el("span", { text: t(LAYOUT_NAME[source.mapping.kind]) }),
            el("code", { text: source.read.address }),
            remove,
          ]);
        })
      ),
      ...[this.revenue?.model.notes ?? []]
        .flat()
        .map((note) => el("p", { className: "hint", text: this.say(note) })),
    ]);
  }

  private removeSource(kind: "revenue" | "survey"): void {
    if (kind === "revenue") this.revenue = null;
    else this.survey = null;
    this.packStatus = null;
    this.render();
  }

  private say(message: AnalysisMessage): string {
    const { translator } = this;
    return translator.isKey(message.key) ? translator.t(message.key, message.params) : message.key;
  }

  // -------------------------------------------------------------------------------------------
  // Results.

  /** The span the period picker names, or null when it names none. */
  private span(model: RevenueModel): { start: number; end: number } | null {
    return resolvePeriodChoice(this.choice, model.period, model.periods.length);
  }

  private revenueAnalysis(): RevenueAnalysis | null {
    if (this.revenue === null) return null;
    const span = this.span(this.revenue.model);
    if (span === null) return null;
    const key = `${this.revenue.read.address}|${JSON.stringify(this.revenue.mapping)}|${span.start}|${span.end}`;
    if (this.analysisCache?.key !== key) {
      this.analysisCache = { key, value: analyseRevenue(this.revenue.model, span) };
    }
    return this.analysisCache.value;
  }

  private surveyAnalysis(): SurveyAnalysis | null {
    return this.survey === null ? null : analyseSurvey(this.survey.model);
  }

  private results(): Child[] {
    if (this.revenue === null && this.survey === null) return [];
    const { t } = this;
    const revenue = this.revenueAnalysis();
    const survey = this.surveyAnalysis();
    const kpis: Kpi[] = [...(revenue?.kpis ?? []), ...(survey?.kpis ?? [])];
    const months = revenue?.months ?? 1;
    const pack = el("button", {
      className: "primary",
      text: t("pack.button"),
      attrs: { type: "button" },
      testId: "board-pack-button",
    });
    pack.disabled = this.busy || (revenue === null && survey === null);
    pack.addEventListener("click", () => void this.writeBoardPack());
    return [
      el("h2", { text: t("kpi.heading"), attrs: { id: "results-heading", tabindex: "-1" } }),
      this.revenue === null
        ? null
        : periodPicker(this.view, this.revenue.model, this.choice, (choice) => {
            this.choice = choice;
            this.packStatus = null;
            this.render();
          }),
      kpis.length === 0
        ? null
        : el(
            "div",
            { className: "kpis", testId: "kpi-cards" },
            kpis.map((kpi) => kpiCard(this.view, kpi, months))
          ),
      revenue === null || this.revenue === null
        ? null
        : bridgeSection(this.view, revenue, this.revenue.model),
      revenue === null || this.revenue === null
        ? null
        : trendSection(this.view, revenue, this.revenue.model),
      revenue === null
        ? null
        : segmentSection(this.view, revenue, this.segmentIndex, (index) => {
            this.segmentIndex = index;
            this.render();
          }),
      survey === null ? null : surveySection(this.view, survey),
      el("div", { className: "actions" }, [
        pack,
        el("p", { className: "hint", text: t("pack.hint") }),
      ]),
      this.statusLine(this.packStatus, "board-pack-status"),
    ];
  }

  // -------------------------------------------------------------------------------------------
  // What-if.

  /** The what-if's starting point: the baseline over the span the Analyse tab compares. */
  private baseline(): MeasuredBaseline | { problem: AnalysisMessage } | null {
    const analysis = this.revenueAnalysis();
    if (analysis === null || this.revenue === null) return null;
    if (!analysis.baseline.ok) return { problem: analysis.baseline.problem };
    const { model } = this.revenue;
    return {
      baseline: analysis.baseline.value,
      from: this.translator.period(model.periods[analysis.start] ?? "", model.period),
      to: this.translator.period(model.periods[analysis.end] ?? "", model.period),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Functions.

  private functionsPanel(): Child[] {
    const { t } = this;
    const list = el("ul", {
      className: "function-list",
      attrs: { id: "function-list" },
      testId: "function-list",
    });
    const functions = this.functions;
    if (functions !== null && "list" in functions) {
      list.replaceChildren(
        ...functions.list.map((fn) =>
          el("li", { data: { functionId: fn.id } }, [
            this.options.insertFunction
              ? this.insertButton(fn)
              : el("code", { text: functionSignature(fn) }),
            el("p", { text: fn.description }),
          ])
        )
      );
    } else if (functions !== null) {
      list.append(el("li", { text: t("functions.failed", { message: functions.error }) }));
    }
    return [el("p", { className: "hint", text: t("functions.hint") }), list];
  }

  /** A function's signature as a button that starts its formula in the selected cell. */
  private insertButton(fn: FunctionMetadata): HTMLButtonElement {
    const button = el(
      "button",
      { className: "insert-function", attrs: { type: "button" }, testId: "insert-function" },
      [el("code", { text: functionSignature(fn) })]
    );
    button.addEventListener("click", () => this.options.insertFunction?.(fn.id));
    return button;
  }

  private async refreshFunctions(): Promise<void> {
    try {
      this.functions = { list: await loadFunctions(this.translator.language) };
    } catch (error) {
      this.functions = { error: messageOf(error) };
    }
    this.render();
  }

  // -------------------------------------------------------------------------------------------
  // Actions.

  private chooseLanguage(language: Language): void {
    this.translator = createTranslator(
      language,
      language === this.options.language ? this.options.locale : undefined
    );
    this.options.onLanguageChosen(language);
    this.render();
    void this.refreshFunctions();
  }

  private async analyseSelection(): Promise<void> {
    const workbook = this.options.workbook;
    if (workbook === null || this.busy) return;
    this.busy = true;
    this.message = null;
    this.progress = { rowsRead: 0, totalRows: 0 };
    this.render();
    try {
      let read: ReadSource | null;
      try {
        read = await readSelectedData(workbook, (progress) => {
          this.progress = progress;
          this.updateProgress();
        });
      } catch (error) {
        const message = messageOf(error);
        this.message = { say: (t) => t("error.readFailed", { message }), tone: "error" };
        return;
      }
      if (read === null) {
        this.message = { say: (t) => t("layout.empty"), tone: "error" };
        return;
      }
      const guess = detectLayout(read.source.cells, {
        firstRowNumber: read.source.rowIndex + 1,
        firstColumnNumber: read.source.columnIndex + 1,
      });
      if (guess.kind === "unknown") {
        const empty = read.source.cells.every((row) => row.every((cell) => cell === ""));
        this.message = { say: (t) => t(empty ? "layout.empty" : "layout.unknown"), tone: "error" };
        return;
      }
      const remembered = await recallMapping(workbook, read);
      const mapping = remembered ?? mappingFromLayout(guess);
      if (mapping === null) {
        this.message = { say: (t) => t("layout.unknown"), tone: "error" };
        return;
      }
      this.pending = { read, guess, mapping, remembered: remembered !== null };
    } catch (error) {
      const message = messageOf(error);
      this.message = { say: (t) => t("error.unexpected", { message }), tone: "error" };
    } finally {
      this.busy = false;
      this.progress = null;
      this.render();
      this.root.querySelector<HTMLElement>('[data-testid="mapping-form"] h2')?.focus();
    }
  }

  /** Moves the progress bar without redrawing the pane (a read reports many times). */
  private updateProgress(): void {
    const bar = this.root.querySelector('[data-testid="read-progress"]');
    const fresh = this.progressBar();
    if (bar !== null && fresh !== null) bar.replaceWith(fresh);
    else this.render();
  }

  private async confirmMapping(): Promise<void> {
    const pending = this.pending;
    const workbook = this.options.workbook;
    if (pending === null || workbook === null || this.busy) return;
    const { read, guess, mapping } = pending;
    const problems = mappingProblems(read.source, mapping, guess.excludedRows);
    if (problems.length > 0) {
      this.message = {
        say: () => problems.map((problem) => this.say(problem)).join(" "),
        tone: "error",
      };
      this.render();
      return;
    }
    if (mapping.kind === "survey") {
      const model = prepareSurvey(read.source, mapping);
      if (!model.ok) return this.showProblem(model.problem);
      this.survey = { read, guess, mapping, model: model.value };
    } else {
      const model = prepareRevenue(read.source, mapping);
      if (!model.ok) return this.showProblem(model.problem);
      this.revenue = { read, guess, mapping, model: model.value };
      const choices = availablePeriodChoices(model.value.period, model.value.periods.length);
      this.choice = choices.includes("lastPeriod")
        ? { kind: "lastPeriod" }
        : { kind: "between", start: 0, end: Math.max(0, model.value.periods.length - 1) };
      this.segmentIndex = 0;
    }
    this.pending = null;
    this.message = null;
    this.packStatus = null;
    this.busy = true;
    this.render();
    try {
      await rememberMapping(workbook, read.address, mapping);
    } catch (error) {
      // The analysis stands; only the memory of the mapping failed, and the user is told.
      const message = messageOf(error);
      this.message = { say: (t) => t("error.settingsFailed", { message }), tone: "error" };
    } finally {
      this.busy = false;
      this.render();
      this.root.querySelector<HTMLElement>("#results-heading")?.focus();
    }
  }

  private showProblem(problem: AnalysisMessage): void {
    this.message = { say: () => this.say(problem), tone: "error" };
    this.render();
  }

  private async writeBoardPack(): Promise<void> {
    const workbook = this.options.workbook;
    if (workbook === null || this.busy) return;
    const revenue = this.revenueAnalysis();
    const survey = this.surveyAnalysis();
    this.busy = true;
    this.packStatus = { say: (t) => t("pack.writing"), tone: "info" };
    this.render();
    try {
      const plan = planBoardPack(
        {
          revenue:
            revenue !== null && this.revenue !== null
              ? {
                  ranges: this.revenue.model.ranges,
                  analysis: revenue,
                  period: this.revenue.model.period,
                  address: this.revenue.read.address,
                }
              : null,
          survey:
            survey !== null && this.survey !== null
              ? {
                  ranges: this.survey.model.ranges,
                  scale: this.survey.model.scale,
                  analysis: survey,
                  address: this.survey.read.address,
                }
              : null,
        },
        this.translator
      );
      const written = await writeSheetPlan(workbook, plan);
      const fellBack = written.charts[0] === "columnStacked";
      this.packStatus = {
        say: (t) =>
          fellBack
            ? `${t("pack.done", { sheet: written.sheetName })} ${t("pack.waterfallFallback")}`
            : t("pack.done", { sheet: written.sheetName }),
        tone: "info",
        sheetName: written.sheetName,
      };
    } catch (error) {
      const message = messageOf(error);
      this.packStatus = { say: (t) => t("pack.failed", { message }), tone: "error" };
    } finally {
      this.busy = false;
      this.render();
    }
  }

  private async writeWhatIf(measured: MeasuredBaseline): Promise<void> {
    const workbook = this.options.workbook;
    if (workbook === null || this.busy) return;
    this.busy = true;
    this.whatIfStatus = { say: (t) => t("whatIf.writing"), tone: "info" };
    this.render();
    try {
      const plan = planWhatIf(
        {
          baseline: measured.baseline,
          assumptions: this.assumptions,
          measuredFrom: measured.from,
          measuredTo: measured.to,
        },
        this.translator
      );
      const written = await writeSheetPlan(workbook, plan);
      this.whatIfStatus = {
        say: (t) => t("whatIf.written", { sheet: written.sheetName }),
        tone: "info",
        sheetName: written.sheetName,
      };
    } catch (error) {
      const message = messageOf(error);
      this.whatIfStatus = { say: (t) => t("whatIf.failed", { message }), tone: "error" };
    } finally {
      this.busy = false;
      this.render();
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A selector finding the focused control again after a redraw, by its test id (and column or KPI). */
function focusKey(active: Element | null): string | null {
  if (!(active instanceof HTMLElement)) return null;
  const testId = active.dataset["testid"];
  if (testId === undefined) return active.id.startsWith("tab-") ? `#${active.id}` : null;
  let selector = `[data-testid="${CSS.escape(testId)}"]`;
  const column = active.dataset["column"];
  if (column !== undefined) selector += `[data-column="${CSS.escape(column)}"]`;
  return selector;
}
