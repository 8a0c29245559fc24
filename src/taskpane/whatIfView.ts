/**
 * The What-if tab: the measured monthly rates as the starting point, sliders that move churn,
 * contraction, expansion and new business, and the projected MRR against the baseline (the
 * core's whatIfProjection, SAAS.PROJECT's recursion). Sliders redraw only the outputs while they
 * move, so dragging one never loses it.
 */
import {
  type AnalysisMessage,
  type WhatIfAssumptions,
  type WhatIfBaseline,
  coreProblem,
  whatIfProjection,
  whatIfScenario,
} from "../analysis";
import { MetricError } from "../core";
import { DEFAULT_ASSUMPTIONS, type MeasuredBaseline } from "./controller";
import { lineChart } from "./charts";
import { PALETTE } from "./palette";
import { type ViewContext, choiceSelect } from "./controls";
import { type Child, el, onAction, uniqueId } from "./dom";
import type { MessageKey } from "../i18n";

/** The horizons offered: one, two and three years. */
const PROJECTION_MONTHS = [12, 24, 36] as const;
/** Slider ranges: rate changes in percentage points a month, new business in percent. */
const RATE_SLIDER = { min: -3, max: 3, step: 0.1 } as const;
const NEW_SLIDER = { min: -100, max: 200, step: 5 } as const;

export interface WhatIfActions {
  readonly assumptions: WhatIfAssumptions;
  readonly canWrite: boolean;
  /** The outcome of the last write, if any. */
  readonly status: HTMLElement | null;
  /** A slider moved: the pane keeps the assumptions; the view redraws its own outputs. */
  onMove(assumptions: WhatIfAssumptions): void;
  /** Months changed or the assumptions were reset: the pane redraws. */
  onSet(assumptions: WhatIfAssumptions): void;
  onWrite(): void;
}

export function whatIfPanel(
  view: ViewContext,
  measured: MeasuredBaseline | { readonly problem: AnalysisMessage } | null,
  actions: WhatIfActions
): Child[] {
  const { t } = view.translator;
  if (measured === null)
    return [el("p", { className: "hint", text: t("whatIf.needsRevenue"), testId: "whatif-empty" })];
  if ("problem" in measured) {
    return [
      el("p", {
        className: "status error",
        text: view.say(measured.problem),
        testId: "whatif-empty",
      }),
    ];
  }
  const { baseline } = measured;
  let assumptions = actions.assumptions;
  // The sliders' own figures need the scenario's rates only, never the projection (which can
  // overflow on extreme assumptions, and is shown, or its problem said, in the outputs).
  const scenario = () => whatIfScenario(baseline, assumptions);
  const outputs = el("div", { className: "whatif-outputs" });
  const described: {
    output: HTMLOutputElement;
    input: HTMLInputElement;
    describe: () => string;
  }[] = [];
  const redraw = () => {
    for (const { output, input, describe } of described) {
      output.textContent = describe();
      input.setAttribute("aria-valuetext", describe());
    }
    outputs.replaceChildren(...whatIfOutputs(view, baseline, assumptions));
  };
  const move = (next: WhatIfAssumptions) => {
    assumptions = next;
    actions.onMove(next);
    redraw();
  };

  const slider = (
    label: MessageKey,
    testId: string,
    range: { readonly min: number; readonly max: number; readonly step: number },
    value: number,
    describe: () => string,
    onInput: (value: number) => WhatIfAssumptions
  ): HTMLElement => {
    const id = uniqueId(testId);
    const output = el("output", { attrs: { for: id } }) as HTMLOutputElement;
    const input = el("input", {
      attrs: {
        type: "range",
        id,
        min: String(range.min),
        max: String(range.max),
        step: String(range.step),
      },
      testId,
    });
    input.value = String(value);
    described.push({ output, input, describe });
    input.addEventListener("input", () => move(onInput(Number(input.value))));
    return el("div", { className: "slider" }, [
      el("label", { text: t(label), attrs: { for: id } }),
      input,
      output,
    ]);
  };
  const rateSlider = (
    key: "churnChange" | "contractionChange" | "expansionChange",
    label: MessageKey,
    testId: string,
    rate: () => number
  ) =>
    slider(
      label,
      testId,
      RATE_SLIDER,
      Math.round(assumptions[key] * 1000) / 10,
      () => t("whatIf.rateValue", { rate: rate(), change: assumptions[key] * 100 }),
      (points) => ({ ...assumptions, [key]: points / 100 })
    );

  const months = choiceSelect(
    t("whatIf.months"),
    "whatif-months",
    String(assumptions.months),
    PROJECTION_MONTHS.map((count) => ({
      value: String(count),
      label: t("whatIf.monthsOption", { months: count }),
    })),
    (value) => actions.onSet({ ...assumptions, months: Number(value) })
  );
  const reset = el("button", {
    className: "link",
    text: t("whatIf.reset"),
    attrs: { type: "button" },
    testId: "whatif-reset",
  });
  reset.addEventListener("click", () =>
    actions.onSet({ ...DEFAULT_ASSUMPTIONS, months: assumptions.months })
  );
  const write = el("button", {
    className: "primary",
    text: t("whatIf.write"),
    attrs: { type: "button" },
    testId: "whatif-write",
  });
  write.disabled = !actions.canWrite;
  onAction(write, () => actions.onWrite());

  const panel: Child[] = [
    el("p", { className: "hint", text: t("whatIf.intro") }),
    el("p", {
      text: t("whatIf.baseline", {
        start: view.translator.period(measured.fromPeriod, measured.period),
        end: view.translator.period(measured.toPeriod, measured.period),
        nrr: baseline.monthlyNrr,
        newMrr: baseline.newMrrPerMonth,
        startMrr: baseline.startMrr,
      }),
      testId: "whatif-baseline",
      data: {
        monthlyNrr: String(baseline.monthlyNrr),
        newMrr: String(baseline.newMrrPerMonth),
        startMrr: String(baseline.startMrr),
      },
    }),
    baseline.skipped > 0
      ? el("p", { className: "hint", text: t("whatIf.skipped", { count: baseline.skipped }) })
      : null,
    rateSlider("churnChange", "whatIf.churn", "whatif-churn", () => scenario().monthlyChurn),
    rateSlider(
      "contractionChange",
      "whatIf.contraction",
      "whatif-contraction",
      () => scenario().monthlyContraction
    ),
    rateSlider(
      "expansionChange",
      "whatIf.expansion",
      "whatif-expansion",
      () => scenario().monthlyExpansion
    ),
    slider(
      "whatIf.newBusiness",
      "whatif-new",
      NEW_SLIDER,
      Math.round(assumptions.newBusinessChange * 100),
      () =>
        t("whatIf.newValue", {
          amount: scenario().newMrrPerMonth,
          change: assumptions.newBusinessChange,
        }),
      (percent) => ({ ...assumptions, newBusinessChange: percent / 100 })
    ),
    months,
    reset,
    outputs,
    el("div", { className: "actions" }, [write]),
    actions.status,
  ];
  redraw();
  return panel;
}

/** The projection chart and the sentence under it, with the raw figures for tests. */
function whatIfOutputs(
  view: ViewContext,
  baseline: WhatIfBaseline,
  assumptions: WhatIfAssumptions
): Node[] {
  const { translator } = view;
  const { t } = translator;
  let projection: ReturnType<typeof whatIfProjection>;
  try {
    projection = whatIfProjection(baseline, assumptions);
  } catch (error) {
    // A projection past what a number holds (an absurd scenario, a baseline of huge amounts):
    // said in words, and the sliders stay usable to move back.
    if (!(error instanceof MetricError)) throw error;
    return [
      el("p", {
        className: "status error",
        text: view.say(coreProblem(error)),
        testId: "whatif-result",
      }),
    ];
  }
  const categories = projection.baselineMrr.map((_, m) =>
    t("whatIf.monthLabel", { n: String(m + 1) })
  );
  return [
    lineChart(
      [
        {
          name: t("whatIf.baselineColumn"),
          values: projection.baselineMrr,
          colour: PALETTE.baseline,
        },
        {
          name: t("whatIf.scenarioColumn"),
          values: projection.scenarioMrr,
          colour: PALETTE.scenario,
        },
      ],
      categories,
      {
        label: t("whatIf.chartLabel", { months: assumptions.months }),
        testId: "whatif-chart",
        // Short amounts ("1.48M") fit the axis at 320 px; the sentence below gives them in full.
        tick: (value) => translator.compactAmount(value),
        // MRR from zero, as the bridge: the gap between the lines is the gap in revenue.
        fromZero: true,
      }
    ),
    el("p", {
      className: "result",
      text: t("whatIf.result", {
        months: assumptions.months,
        scenario: projection.scenarioEndMrr,
        scenarioArr: projection.scenarioEndArr,
        baseline: projection.baselineEndMrr,
        baselineArr: projection.baselineEndArr,
      }),
      attrs: { "aria-live": "polite" },
      testId: "whatif-result",
      data: {
        baselineMrr: String(projection.baselineEndMrr),
        scenarioMrr: String(projection.scenarioEndMrr),
        scenarioNrr: String(projection.scenario.monthlyNrr),
      },
    }),
  ];
}
