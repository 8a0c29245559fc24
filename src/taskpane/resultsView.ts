/**
 * The Analyse tab's results: period picker, KPI cards with their readings, the MRR bridge, the
 * NRR/GRR trend, the segment table and the survey breakdown. Figures come from the core's
 * analysis; these views only word and draw them.
 */
import {
  BRIDGE_STEPS,
  type Figure,
  type Kpi,
  MONTHS_PER_PERIOD,
  type PeriodChoice,
  type RevenueAnalysis,
  type RevenueModel,
  SEGMENT_METRICS,
  type SurveyAnalysis,
  availablePeriodChoices,
  isValue,
  resolvePeriodChoice,
} from "../analysis";
import { MetricError, SpillLabel } from "../core";
import { bridgeChart, lineChart } from "./charts";
import { PALETTE } from "./palette";
import {
  type ViewContext,
  choiceSelect,
  figureProblem,
  figureText,
  formatKpi,
  segmentLabel,
} from "./controls";
import { type Child, el } from "./dom";
import type { MessageKey } from "../i18n";
import {
  BRIDGE_LABEL,
  KPI_NAME,
  LAST_PERIOD_NAME,
  SEGMENT_HEADER,
  segmentColumnName,
} from "./labels";

export function periodPicker(
  view: ViewContext,
  model: RevenueModel,
  choice: PeriodChoice,
  onChoice: (choice: PeriodChoice) => void
): HTMLElement {
  const { t } = view.translator;
  const choices = availablePeriodChoices(model.period, model.periods.length);
  const name = (kind: PeriodChoice["kind"]): string => {
    switch (kind) {
      case "lastPeriod":
        return t(LAST_PERIOD_NAME[model.period]);
      case "lastQuarter":
        return t("period.lastQuarter");
      case "trailingYear":
        return t("period.trailingYear");
      case "between":
        return t("period.between");
    }
  };
  const picker = choiceSelect(
    t("period.label"),
    "period-picker",
    choice.kind,
    choices.map((kind) => ({ value: kind, label: name(kind) })),
    (kind) => {
      if (kind === "between") {
        // Any two periods starts from the span shown, for the user to move.
        const span = resolvePeriodChoice(choice, model.period, model.periods.length) ?? {
          start: 0,
          end: model.periods.length - 1,
        };
        onChoice({ kind, start: span.start, end: span.end });
      } else {
        onChoice({ kind });
      }
    }
  );
  const box = el("div", { className: "period" }, [picker]);
  if (choice.kind === "between") {
    const periods = model.periods.map((start, i) => ({
      value: String(i),
      label: view.translator.period(start, model.period),
    }));
    const { start, end } = choice;
    box.append(
      choiceSelect(t("period.from"), "period-start", String(start), periods, (value) => {
        onChoice({ kind: "between", start: Number(value), end });
      }),
      choiceSelect(t("period.to"), "period-end", String(end), periods, (value) => {
        onChoice({ kind: "between", start, end: Number(value) });
      })
    );
  }
  const span = resolvePeriodChoice(choice, model.period, model.periods.length);
  if (span === null) {
    box.append(
      el("p", { className: "status error", text: t("period.invalid"), attrs: { role: "alert" } })
    );
  } else {
    const months = (span.end - span.start) * MONTHS_PER_PERIOD[model.period];
    const words = {
      start: view.translator.period(model.periods[span.start] ?? "", model.period),
      end: view.translator.period(model.periods[span.end] ?? "", model.period),
      months,
    };
    box.append(
      el("p", {
        className: "hint",
        text: months === 1 ? t("period.spanOneMonth", words) : t("period.span", words),
        testId: "period-span",
        data: { start: String(span.start), end: String(span.end) },
      })
    );
  }
  return box;
}

export function kpiCard(view: ViewContext, kpi: Kpi, months: number): HTMLElement {
  const { t } = view.translator;
  const valued = isValue(kpi.figure);
  const value = valued ? formatKpi(view.translator, kpi.id, kpi.figure.value) : t("figure.none");
  let detail: string;
  if (!isValue(kpi.figure)) detail = figureProblem(view, kpi.id, kpi.figure);
  else if (kpi.reading !== null) detail = view.say(kpi.reading);
  else detail = "";
  const data: Record<string, string> = {
    kpi: kpi.id,
    tone: kpi.reading?.tone ?? "neutral",
    months: String(months),
  };
  if (isValue(kpi.figure)) data["value"] = String(kpi.figure.value);
  const interval = kpi.interval;
  if (interval !== undefined) {
    data["lower"] = String(interval.lower);
    data["upper"] = String(interval.upper);
    data["sample"] = String(interval.sample);
    data["small"] = String(interval.small);
  }
  return el(
    "article",
    { className: `kpi ${kpi.reading?.tone ?? "neutral"}`, testId: "kpi-card", data },
    [
      el("h3", { text: t(KPI_NAME[kpi.id]) }),
      el("p", { className: "value", text: value }),
      interval === undefined
        ? null
        : el("p", {
            className: "margin",
            testId: "kpi-interval",
            text: t("kpi.interval", {
              lower: formatKpi(view.translator, kpi.id, interval.lower),
              upper: formatKpi(view.translator, kpi.id, interval.upper),
            }),
          }),
      interval?.small
        ? el("p", {
            className: "small-sample",
            testId: "kpi-small-sample",
            text: t(kpi.id === "logoRetention" ? "kpi.smallSampleCustomers" : "kpi.smallSample", {
              count: interval.sample,
            }),
          })
        : null,
      detail === "" ? null : el("p", { className: "reading", text: detail }),
    ]
  );
}

/** A billing export in several currencies: NRR with both periods at the start period's rates. */
export function constantNrrCard(view: ViewContext, figure: Figure): HTMLElement {
  const { t } = view.translator;
  const data: Record<string, string> = { kpi: "nrrConstant", tone: "neutral" };
  if (isValue(figure)) data["value"] = String(figure.value);
  return el("article", { className: "kpi neutral", testId: "kpi-card", data }, [
    el("h3", { text: t("pack.nrrConstant") }),
    el("p", {
      className: "value",
      text: isValue(figure) ? view.translator.percent(figure.value) : t("figure.none"),
    }),
    el("p", {
      className: "reading",
      text: isValue(figure) ? t("pack.nrrConstantContext") : figureProblem(view, "nrr", figure),
    }),
  ]);
}

export function bridgeSection(
  view: ViewContext,
  analysis: RevenueAnalysis,
  model: RevenueModel
): HTMLElement {
  const { translator } = view;
  const { t } = translator;
  const bridge = analysis.bridge;
  if (!bridge.ok) {
    return el("section", { className: "block", testId: "bridge" }, [
      el("h2", { text: t("bridge.heading") }),
      el("p", { className: "status error", text: translator.say(bridge.problem) }),
    ]);
  }
  const bars = BRIDGE_STEPS.map((step) => ({
    step: step as string,
    label: t(BRIDGE_LABEL[step]),
    amount: bridge.value[step],
    total: step === "startMrr" || step === "endMrr",
  }));
  // In several currencies the moves are at constant currency; the rates' move is its own bar.
  const fxEffect = bridge.value.fxEffect;
  if (fxEffect !== null)
    bars.splice(bars.length - 1, 0, {
      step: "fxEffect",
      label: t("bridge.fxEffect"),
      amount: fxEffect,
      total: false,
    });
  const words = {
    start: translator.period(model.periods[analysis.start] ?? "", model.period),
    end: translator.period(model.periods[analysis.end] ?? "", model.period),
  };
  return el("section", { className: "block", testId: "bridge" }, [
    el("h2", { text: t("bridge.heading") }),
    bridgeChart(
      bars,
      (value) => translator.amount(value),
      (value) => translator.compactAmount(value),
      t("bridge.chartLabel", words)
    ),
    el("div", { className: "scroll" }, [
      el("table", { className: "figures", testId: "bridge-table" }, [
        el(
          "tbody",
          {},
          bars.map((bar) =>
            el("tr", { data: { step: bar.step, value: String(bar.amount) } }, [
              el("th", { text: bar.label, attrs: { scope: "row" } }),
              el("td", { text: translator.amount(bar.amount) }),
            ])
          )
        ),
      ]),
    ]),
    !analysis.usesHistory && analysis.start > 0
      ? el("p", { className: "hint", text: t("bridge.noHistory") })
      : null,
  ]);
}

export function trendSection(
  view: ViewContext,
  analysis: RevenueAnalysis,
  model: RevenueModel
): HTMLElement | null {
  const { translator } = view;
  const { t } = translator;
  if (analysis.trend.length === 0) return null;
  const categories = analysis.trend.map((point) =>
    translator.period(model.periods[point.period] ?? "", model.period)
  );
  const valueOf = (figure: Figure) => (isValue(figure) ? figure.value : null);
  return el("section", { className: "block", testId: "trend" }, [
    el("h2", { text: t("trend.heading") }),
    lineChart(
      [
        {
          name: t("trend.nrr"),
          values: analysis.trend.map((point) => valueOf(point.nrr)),
          colour: PALETTE.nrr,
        },
        {
          name: t("trend.grr"),
          values: analysis.trend.map((point) => valueOf(point.grr)),
          colour: PALETTE.grr,
        },
      ],
      categories,
      {
        label: t("trend.chartLabel", {
          first: categories[0] ?? "",
          last: categories[categories.length - 1] ?? "",
        }),
        testId: "trend-chart",
        tick: (value) => translator.percent(value),
        // 100% is where a period keeps all its revenue: above it, the customers grew.
        reference: 1,
      }
    ),
  ]);
}

/**
 * "Compare with other tools": the analysed span under ChartMogul's, Baremetrics', Stripe's and
 * Chargebee's documented formulas (SAAS.RECONCILE's table), each row saying what differs. An
 * empty cell is a figure the tool documents no formula for; a dash, one these data do not have.
 */
export function compareSection(view: ViewContext, analysis: RevenueAnalysis): HTMLElement {
  const { t } = view.translator;
  const table = analysis.reconcile;
  const heading = el("h2", { text: t("compare.heading") });
  if (!table.ok)
    return el("section", { className: "block", testId: "compare" }, [
      heading,
      el("p", { className: "status error", text: view.say(table.problem) }),
    ]);
  const [header = [], ...rows] = table.value;
  // The last column says in a sentence what differs (SAAS.RECONCILE's layout, docs/conventions.md).
  const noteColumn = header.length - 1;
  const word = (cell: unknown, ratio: boolean): { text: string; title?: string } => {
    if (cell instanceof SpillLabel) return { text: view.translator.say(cell.worded) };
    if (cell instanceof MetricError) return { text: "—", title: view.translator.say(cell.worded) };
    if (typeof cell === "number")
      return { text: ratio ? view.translator.number(cell) : view.translator.percent(cell) };
    return { text: String(cell ?? "") };
  };
  return el("section", { className: "block", testId: "compare" }, [
    heading,
    el("p", { className: "hint", text: t("compare.intro") }),
    el("div", { className: "scroll" }, [
      el("table", { className: "figures compare", testId: "compare-table" }, [
        el("thead", {}, [
          el(
            "tr",
            {},
            header.map((cell, i) =>
              el("th", {
                text: word(cell, false).text,
                attrs: { scope: "col" },
                className: i === noteColumn ? "note" : "",
              })
            )
          ),
        ]),
        el(
          "tbody",
          {},
          rows.map((row) => {
            const figure = row[0];
            const ratio = figure instanceof SpillLabel && figure.code === "label.quickRatio";
            return el(
              "tr",
              {},
              row.map((cell, i) => {
                const { text, title } = word(cell, ratio);
                return i === 0
                  ? el("th", { text, attrs: { scope: "row" } })
                  : el("td", {
                      text,
                      attrs: title === undefined ? {} : { title },
                      className: i === noteColumn ? "note" : "",
                    });
              })
            );
          })
        ),
      ]),
    ]),
  ]);
}

export function segmentSection(
  view: ViewContext,
  analysis: RevenueAnalysis,
  segmentIndex: number,
  onSegment: (index: number) => void
): HTMLElement {
  const { translator } = view;
  const { t } = translator;
  const tables = analysis.segmentTables;
  if (tables.length === 0) {
    return el("section", { className: "block", testId: "segments" }, [
      el("h2", { text: t("segments.heading") }),
      el("p", { className: "hint", text: t("segments.none") }),
    ]);
  }
  const index = Math.min(segmentIndex, tables.length - 1);
  const table = tables[index] as (typeof tables)[number];
  const picker =
    tables.length > 1
      ? choiceSelect(
          t("segments.picker"),
          "segment-picker",
          String(index),
          tables.map((segment, i) => ({ value: String(i), label: segmentColumnName(t, segment) })),
          (value) => {
            onSegment(Number(value));
          }
        )
      : null;
  return el("section", { className: "block", testId: "segments" }, [
    el("h2", { text: t("segments.heading") }),
    picker,
    el("div", { className: "scroll" }, [
      el(
        "table",
        { className: "figures", testId: "segment-table", data: { segment: table.name } },
        [
          el("thead", {}, [
            el("tr", {}, [
              el("th", { text: segmentColumnName(t, table), attrs: { scope: "col" } }),
              ...SEGMENT_METRICS.map((metric) =>
                el("th", { text: t(SEGMENT_HEADER[metric]), attrs: { scope: "col" } })
              ),
            ]),
          ]),
          el(
            "tbody",
            {},
            table.rows.map((row) =>
              el("tr", { className: row.total ? "total" : "" }, [
                el("th", {
                  text: segmentLabel(view, row.label, row.total),
                  attrs: { scope: "row" },
                }),
                ...SEGMENT_METRICS.map((metric) => {
                  const figure = row.figures[metric];
                  return el("td", {
                    text: figureText(view, figure, (value) => translator.percent(value)),
                    data: isValue(figure) ? { metric, value: String(figure.value) } : { metric },
                  });
                }),
              ])
            )
          ),
        ]
      ),
    ]),
  ]);
}

export function surveySection(view: ViewContext, analysis: SurveyAnalysis): HTMLElement {
  const { translator } = view;
  const { t } = translator;
  const children: Child[] = [el("h2", { text: t("survey.heading") })];
  const breakdown = analysis.breakdown;
  if (breakdown !== null) {
    const rows: [MessageKey, number][] = [
      ["survey.promoters", breakdown.promoters],
      ["survey.passives", breakdown.passives],
      ["survey.detractors", breakdown.detractors],
      ["survey.responses", breakdown.responses],
    ];
    children.push(
      el("div", { className: "scroll" }, [
        el("table", { className: "figures", testId: "nps-breakdown" }, [
          el("thead", {}, [
            el("tr", {}, [
              el("th", { text: t("survey.answer"), attrs: { scope: "col" } }),
              el("th", { text: t("survey.count"), attrs: { scope: "col" } }),
              el("th", { text: t("survey.share"), attrs: { scope: "col" } }),
            ]),
          ]),
          el(
            "tbody",
            {},
            rows.map(([key, count]) =>
              el("tr", {}, [
                el("th", { text: t(key), attrs: { scope: "row" } }),
                el("td", { text: translator.amount(count) }),
                el("td", {
                  text:
                    breakdown.responses > 0
                      ? translator.percent(count / breakdown.responses)
                      : t("figure.none"),
                }),
              ])
            )
          ),
        ]),
      ])
    );
  }
  const metric = analysis.kpis[0]?.id ?? "nps";
  for (const table of analysis.segmentTables) {
    children.push(
      el("h3", { text: t("survey.bySegment", { metric: t(KPI_NAME[metric]) }) }),
      el("div", { className: "scroll" }, [
        el(
          "table",
          { className: "figures", testId: "survey-segment-table", data: { segment: table.name } },
          [
            el("thead", {}, [
              el("tr", {}, [
                el("th", { text: segmentColumnName(t, table), attrs: { scope: "col" } }),
                el("th", { text: t(KPI_NAME[metric]), attrs: { scope: "col" } }),
              ]),
            ]),
            el(
              "tbody",
              {},
              table.rows.map((row) =>
                el("tr", { className: row.total ? "total" : "" }, [
                  el("th", {
                    text: segmentLabel(view, row.label, row.total),
                    attrs: { scope: "row" },
                  }),
                  el("td", {
                    text: figureText(view, row.figure, (value) =>
                      formatKpi(view.translator, metric, value)
                    ),
                  }),
                ])
              )
            ),
          ]
        ),
      ])
    );
  }
  return el("section", { className: "block", testId: "survey" }, children);
}
