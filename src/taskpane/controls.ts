/**
 * Small pieces the pane's views share: labelled selects, and figures and segment labels in the
 * pane's words.
 */
import { BLANK_SEGMENT_LABEL } from "../core";
import { type AnalysisMessage, type Figure, type KpiId, isValue } from "../analysis";
import { el, uniqueId } from "./dom";
import type { Translator } from "../i18n";

/** What every view needs: the translator, and a way to word the core's messages. */
export interface ViewContext {
  readonly translator: Translator;
  say(message: AnalysisMessage): string;
}

/** A labelled select of columns ("Column C: Plan"), optionally with a "none" choice. */
export function columnSelect(
  label: string,
  testId: string,
  value: number | null,
  choices: readonly { value: number; label: string }[],
  noneLabel: string | null,
  onChange: (column: number | null) => void
): HTMLElement {
  const id = uniqueId(testId);
  const select = el("select", { attrs: { id }, testId });
  if (noneLabel !== null) select.append(el("option", { text: noneLabel, attrs: { value: "" } }));
  for (const choice of choices)
    select.append(el("option", { text: choice.label, attrs: { value: String(choice.value) } }));
  select.value = value === null ? "" : String(value);
  select.addEventListener("change", () =>
    onChange(select.value === "" ? null : Number(select.value))
  );
  return el("div", { className: "field" }, [
    el("label", { text: label, attrs: { for: id } }),
    select,
  ]);
}

/** A labelled text input, its value passed on as typed when it changes. */
export function textField(
  label: string,
  testId: string,
  value: string,
  hint: string,
  onChange: (value: string) => void
): HTMLElement {
  const id = uniqueId(testId);
  const hintId = uniqueId(`${testId}-hint`);
  const input = el("input", {
    attrs: { id, type: "text", spellcheck: "false", "aria-describedby": hintId },
    testId,
  });
  input.value = value;
  input.addEventListener("change", () => onChange(input.value.trim()));
  return el("div", { className: "field" }, [
    el("label", { text: label, attrs: { for: id } }),
    input,
    el("p", { className: "hint", text: hint, attrs: { id: hintId } }),
  ]);
}

/** A labelled select of fixed choices. */
export function choiceSelect<T extends string>(
  label: string,
  testId: string,
  value: T,
  choices: readonly { value: T; label: string }[],
  onChange: (value: T) => void
): HTMLElement {
  const id = uniqueId(testId);
  const select = el(
    "select",
    { attrs: { id }, testId },
    choices.map((choice) => el("option", { text: choice.label, attrs: { value: choice.value } }))
  );
  select.value = value;
  select.addEventListener("change", () => onChange(select.value as T));
  return el("div", { className: "field" }, [
    el("label", { text: label, attrs: { for: id } }),
    select,
  ]);
}

/** A KPI as its card shows it: rates as percentages, NPS in points, ratios as numbers. */
export function formatKpi(translator: Translator, id: KpiId, value: number): string {
  switch (id) {
    case "quickRatio":
    case "ces":
      return translator.number(value);
    case "nps":
      return translator.points(value);
    default:
      return translator.percent(value);
  }
}

/** Why a figure has no value, in words. */
export function figureProblem(
  view: ViewContext,
  id: KpiId,
  figure: Exclude<Figure, { value: number }>
): string {
  const { t } = view.translator;
  if (figure.error === "div0") {
    if (id === "quickRatio") return t("figure.noLosses");
    if (id === "nps" || id === "csat" || id === "ces") return t("figure.noResponses");
    return t("figure.noStartingRevenue");
  }
  return t("figure.error", { problem: { nested: figure.problem } });
}

/** A segment's label: the Total row and blank segments in the pane's words. */
export function segmentLabel(
  view: ViewContext,
  label: string | number | boolean,
  total: boolean
): string {
  if (total) return view.translator.t("segments.total");
  if (label === BLANK_SEGMENT_LABEL) return view.translator.t("segments.blank");
  if (typeof label === "boolean") return label ? "TRUE" : "FALSE";
  return String(label);
}

export function figureText(
  view: ViewContext,
  figure: Figure,
  format: (value: number) => string
): string {
  return isValue(figure) ? format(figure.value) : view.translator.t("figure.none");
}
