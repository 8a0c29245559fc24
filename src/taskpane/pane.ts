/**
 * The task pane's view: draws the controller's state (controller.ts) with the views
 * (mappingView, resultsView, whatIfView) and sends the user's actions back to it. Every word
 * comes from the message catalogue; no figure is computed here.
 *
 * The whole pane is redrawn on each change (it is small), and the focused control is found
 * again by its data-testid afterwards, so keyboard users keep their place. Sliders update their
 * outputs in place while they move. A part that fails to draw says so in its place, and the
 * rest of the pane, its tabs and buttons, keep working.
 */
import { whoMovedSection } from "./whoMovedView";
import type { Kpi } from "../analysis";
import { LANGUAGES, type Language, type MessageKey, type Translator } from "../i18n";
import { type PaneController, type Status, TABS, type Tab, errorText } from "./controller";
import type { ViewContext } from "./controls";
import { type Child, el, onAction, uniqueId } from "./dom";
import { type FunctionMetadata, functionSignature } from "./functionsList";
import { LAYOUT_NAME } from "./labels";
import { mappingForm } from "./mappingView";
import {
  bridgeSection,
  compareSection,
  constantNrrCard,
  kpiCard,
  periodPicker,
  segmentSection,
  surveySection,
  trendSection,
} from "./resultsView";
import { whatIfPanel } from "./whatIfView";

export type { HostKind } from "./controller";

const TAB_LABEL: Readonly<Record<Tab, MessageKey>> = {
  analyse: "tab.analyse",
  whatIf: "tab.whatIf",
  functions: "tab.functions",
};

export class TaskPane {
  constructor(
    private readonly root: HTMLElement,
    private readonly controller: PaneController
  ) {}

  start(): void {
    this.controller.subscribe((reason) => {
      if (reason === "progress") this.updateProgress();
      else this.render();
    });
    this.render();
    void this.controller.refreshFunctions();
  }

  private get translator(): Translator {
    return this.controller.translator;
  }

  private get t(): Translator["t"] {
    return this.controller.translator.t;
  }

  /** What the views need: the translator and the wording of the analysis's messages. */
  private get view(): ViewContext {
    return { translator: this.translator, say: (message) => this.translator.say(message) };
  }

  // -------------------------------------------------------------------------------------------
  // Drawing.

  private render(): void {
    const focus = focusKey(document.activeElement);
    const { t } = this;
    const { state } = this.controller;
    document.documentElement.lang = this.translator.language;
    document.title = t("app.title");
    this.root.replaceChildren(
      this.header(),
      this.hostStatus(),
      this.tabList(),
      this.panel("analyse", () => this.analysePanel()),
      this.panel("whatIf", () => this.whatIfPanel()),
      this.panel("functions", () => this.functionsPanel())
    );
    this.root.setAttribute("aria-busy", String(state.busy));
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
    select.addEventListener("change", () =>
      this.controller.chooseLanguage(select.value as Language)
    );
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
    const { host, platform, officeError } = this.controller.options;
    let text: string;
    if (host === "excel") text = t("host.excel", { platform: platform ?? "Office" });
    else if (host === "playground") text = t("host.playground");
    else if (officeError === null) text = t("host.none");
    else if (officeError.kind === "cdnUnreachable") text = t("host.officeCdnUnreachable");
    else if (officeError.kind === "noAnswer")
      text = t("host.officeNoAnswer", { seconds: officeError.seconds });
    else text = t("host.officeFailed", { message: officeError.message });
    return el("p", {
      className: officeError !== null && host === "none" ? "status error" : "status",
      text,
      attrs: { id: "host-status", role: "status", "aria-live": "polite" },
      data: { ready: "true", host },
      testId: "host-status",
    });
  }

  private tabList(): HTMLElement {
    const current = this.controller.state.tab;
    const list = el("div", {
      className: "tabs",
      attrs: { role: "tablist", "aria-label": this.t("tabs.label") },
    });
    for (const tab of TABS) {
      const selected = tab === current;
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
      button.addEventListener("click", () => this.controller.selectTab(tab));
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
    this.controller.selectTab(TABS[target] as Tab);
    this.root.querySelector<HTMLElement>(`#tab-${TABS[target] as Tab}`)?.focus();
  }

  /**
   * A tab's panel. Hidden panels are drawn too (their controls keep their state); a panel whose
   * drawing fails shows what failed instead, and the other panels and the tabs still work.
   */
  private panel(tab: Tab, draw: () => readonly Child[]): HTMLElement {
    let children: readonly Child[];
    try {
      children = draw();
    } catch (error) {
      children = [
        this.statusLine(
          {
            tone: "error",
            messages: [{ key: "error.unexpected", params: { message: errorText(error) } }],
          },
          `${tab}-failure`
        ),
      ];
    }
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
    panel.hidden = tab !== this.controller.state.tab;
    return panel;
  }

  private statusLine(status: Status | null, testId: string): HTMLElement | null {
    if (status === null) return null;
    return el("p", {
      className: status.tone === "error" ? "status error" : "status",
      text: status.messages.map((message) => this.translator.say(message)).join(" "),
      attrs: { role: status.tone === "error" ? "alert" : "status" },
      data: status.sheetName === undefined ? {} : { sheetName: status.sheetName },
      testId,
    });
  }

  // -------------------------------------------------------------------------------------------
  // Analyse.

  private analysePanel(): Child[] {
    const { t } = this;
    const { state, options } = this.controller;
    const analyse = el("button", {
      className: "primary",
      text: t("analyse.button"),
      attrs: { type: "button" },
      testId: "analyse-button",
    });
    analyse.disabled = options.workbook === null || state.busy;
    onAction(analyse, () => void this.analyseSelection());
    return [
      el("p", { className: "hint", text: t("analyse.intro") }),
      analyse,
      this.progressBar(),
      this.statusLine(state.message, "message"),
      this.sourcesList(),
      state.pending === null
        ? null
        : mappingForm(this.view, state.pending, {
            busy: state.busy,
            onChange: (mapping) => this.controller.changeMapping(mapping),
            onConfirm: () => void this.confirmMapping(),
          }),
      ...this.results(),
    ];
  }

  private async analyseSelection(): Promise<void> {
    await this.controller.analyseSelection();
    this.root.querySelector<HTMLElement>('[data-testid="mapping-form"] h2')?.focus();
  }

  private async confirmMapping(): Promise<void> {
    await this.controller.confirmMapping();
    this.root.querySelector<HTMLElement>("#results-heading")?.focus();
  }

  private progressBar(): HTMLElement | null {
    const progress = this.controller.state.progress;
    if (progress === null) return null;
    const { rowsRead, totalRows } = progress;
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

  /** Moves the progress bar without redrawing the pane (a read reports many times). */
  private updateProgress(): void {
    const bar = this.root.querySelector('[data-testid="read-progress"]');
    const fresh = this.progressBar();
    if (bar !== null && fresh !== null) bar.replaceWith(fresh);
    else this.render();
  }

  private sourcesList(): HTMLElement | null {
    const { t } = this;
    const { revenue, survey } = this.controller.state;
    const sources = [
      ...(revenue === null ? [] : [{ kind: "revenue" as const, ...revenue }]),
      ...(survey === null ? [] : [{ kind: "survey" as const, ...survey }]),
    ];
    if (sources.length === 0) return null;
    return el("section", { className: "block", testId: "sources" }, [
      el("h2", { text: t("sources.heading") }),
      el(
        "ul",
        { className: "sources" },
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
          remove.addEventListener("click", () => this.controller.removeSource(source.kind));
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
    ]);
  }

  // -------------------------------------------------------------------------------------------
  // Results.

  private results(): Child[] {
    const { state } = this.controller;
    if (state.revenue === null && state.survey === null) return [];
    const { t } = this;
    const revenue = this.controller.revenueAnalysis();
    const survey = this.controller.surveyAnalysis();
    const kpis: Kpi[] = [...(revenue?.kpis ?? []), ...(survey?.kpis ?? [])];
    const months = revenue?.months ?? 1;
    const pack = el("button", {
      className: "primary",
      text: t("pack.button"),
      attrs: { type: "button" },
      testId: "board-pack-button",
    });
    pack.disabled = state.busy || (revenue === null && survey === null);
    onAction(pack, () => void this.controller.writeBoardPack());
    const model = state.revenue?.model ?? null;
    return [
      el("h2", { text: t("kpi.heading"), attrs: { id: "results-heading", tabindex: "-1" } }),
      model === null
        ? null
        : periodPicker(this.view, model, state.choice, (choice) =>
            this.controller.choosePeriod(choice)
          ),
      this.statusLine(this.controller.analysisFailure(), "analysis-failure"),
      kpis.length === 0
        ? null
        : el("div", { className: "kpis", testId: "kpi-cards" }, [
            ...kpis.map((kpi) => kpiCard(this.view, kpi, months)),
            revenue?.constantNrr ? constantNrrCard(this.view, revenue.constantNrr) : null,
          ]),
      revenue === null || model === null ? null : bridgeSection(this.view, revenue, model),
      revenue === null || model === null ? null : trendSection(this.view, revenue, model),
      revenue === null
        ? null
        : segmentSection(this.view, revenue, state.segmentIndex, (index) =>
            this.controller.chooseSegment(index)
          ),
      revenue === null ? null : whoMovedSection(this.view, revenue),
      revenue === null ? null : compareSection(this.view, revenue),
      survey === null ? null : surveySection(this.view, survey),
      el("div", { className: "actions" }, [
        pack,
        el("p", { className: "hint", text: t("pack.hint") }),
      ]),
      this.statusLine(state.packStatus, "board-pack-status"),
    ];
  }

  // -------------------------------------------------------------------------------------------
  // What-if and functions.

  private whatIfPanel(): Child[] {
    const { state, options } = this.controller;
    return whatIfPanel(this.view, this.controller.baseline(), {
      assumptions: state.assumptions,
      canWrite: !state.busy && options.workbook !== null,
      status: this.statusLine(state.whatIfStatus, "whatif-status"),
      onMove: (assumptions) => this.controller.setAssumptions(assumptions, false),
      onSet: (assumptions) => this.controller.setAssumptions(assumptions),
      onWrite: () => void this.controller.writeWhatIf(),
    });
  }

  private functionsPanel(): Child[] {
    const { t } = this;
    const list = el("ul", {
      className: "function-list",
      attrs: { id: "function-list" },
      testId: "function-list",
    });
    const functions = this.controller.state.functions;
    if (functions !== null && "list" in functions) {
      list.replaceChildren(
        ...functions.list.map((fn) =>
          el("li", { data: { functionId: fn.id } }, [
            this.controller.options.insertFunction
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
    button.addEventListener("click", () => this.controller.options.insertFunction?.(fn.id));
    return button;
  }
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
