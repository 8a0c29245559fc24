/**
 * "Who moved": the customers behind the bridge's churn, contraction, expansion and new revenue
 * for the analysed span, ten each, largest first, as SAAS.MOVERS lists them.
 */
import { type RevenueAnalysis, WHO_MOVED, type WhoMovedKind } from "../analysis";
import type { MessageKey } from "../i18n";
import type { ViewContext } from "./controls";
import { el } from "./dom";

const HEADING: Readonly<Record<WhoMovedKind, MessageKey>> = {
  churn: "moved.churn",
  contraction: "moved.contraction",
  expansion: "moved.expansion",
  new: "moved.new",
};

export function whoMovedSection(view: ViewContext, analysis: RevenueAnalysis): HTMLElement | null {
  const moved = analysis.whoMoved;
  if (moved === null) return null;
  const { t } = view.translator;
  return el("section", { className: "block", testId: "who-moved" }, [
    el("h2", { text: t("moved.heading") }),
    el("p", { className: "hint", text: t("moved.intro") }),
    ...WHO_MOVED.map((kind) => {
      const movers = moved[kind];
      return el("div", { className: "movers", data: { kind } }, [
        el("h3", { text: t(HEADING[kind]) }),
        movers.length === 0
          ? el("p", { className: "hint", text: t("moved.none") })
          : el("div", { className: "scroll" }, [
              el("table", { className: "figures", testId: "movers-table", data: { kind } }, [
                el(
                  "tbody",
                  {},
                  movers.map((mover) =>
                    el("tr", { data: { change: String(mover.change) } }, [
                      el("th", { text: String(mover.customer), attrs: { scope: "row" } }),
                      el("td", { text: view.translator.amount(mover.change) }),
                    ])
                  )
                ),
              ]),
            ]),
      ]);
    }),
  ]);
}
