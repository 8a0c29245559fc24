/**
 * The playground's stand-in for Excel's charts: a plain SVG drawing of the chart kinds the task
 * pane asks for (line, clustered column, stacked column). A waterfall is drawn as the
 * stacked-column bridge Excel falls back to (see PlaygroundWorkbook.addChart). Enough to see
 * that a board pack's charts show the right data, not a copy of Excel's charts.
 */
import type { CellValue, ChartKind } from "../workbook/port";
import { formatValue } from "./format";

export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

export interface ChartData {
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
}

const SVG = "http://www.w3.org/2000/svg";
/** Excel's default palette (Office theme accents). */
export const CHART_COLORS = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"];

/**
 * The categories and series of a chart's source range: a header row, categories in the first
 * column, a series per further column ("columns"), or the same turned through 90° ("rows").
 * Without a choice, series run down columns when the range has at least as many rows as
 * columns, as Excel decides.
 *
 * @example
 * chartData([["Month", "NRR"], ["Jan", 1.01], ["Feb", 0.99]])
 * // { categories: ["Jan", "Feb"], series: [{ name: "NRR", values: [1.01, 0.99] }] }
 */
export function chartData(
  values: readonly (readonly CellValue[])[],
  seriesBy?: "columns" | "rows"
): ChartData {
  const rows = values.length;
  const columns = values[0]?.length ?? 0;
  const byColumns = seriesBy === undefined ? rows >= columns : seriesBy === "columns";
  const grid: CellValue[][] = byColumns
    ? values.map((row) => [...row])
    : Array.from({ length: columns }, (_, c) => values.map((row) => row[c] ?? ""));
  const header = grid[0] ?? [];
  const body = grid.slice(1);
  const label = (cell: CellValue | undefined) =>
    typeof cell === "number" ? formatValue(cell, null) : String(cell ?? "");
  return {
    categories: body.map((row) => label(row[0])),
    series: header.slice(1).map((name, i) => ({
      name: label(name) || `Series ${i + 1}`,
      values: body.map((row) => {
        const cell = row[i + 1];
        return typeof cell === "number" ? cell : null;
      }),
    })),
  };
}

export interface ChartOptions {
  readonly title: string;
  readonly width: number;
  readonly height: number;
  /** The bridge's first series is the invisible base its steps stand on. */
  readonly hideFirstSeries?: boolean;
  /** A colour per series (null: the default for its place), as the pane asked. */
  readonly seriesColors?: readonly (string | null)[];
  /** How the value axis's ticks read: the number format of the values ("0.0%" → 95%). */
  readonly formatTick?: (value: number) => string;
}

/** Draws a chart as an SVG element (all text set as text nodes). */
export function drawChart(
  doc: Document,
  kind: ChartKind,
  data: ChartData,
  options: ChartOptions
): SVGSVGElement {
  const { width, height } = options;
  const svg = element(doc, "svg", {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
  });
  svg.setAttribute("aria-label", options.title);
  svg.append(element(doc, "rect", { x: 0, y: 0, width, height, fill: "#ffffff" }));
  svg.append(
    text(doc, options.title, {
      x: width / 2,
      y: 20,
      "text-anchor": "middle",
      "font-size": 14,
      "font-weight": 600,
    })
  );

  const stacked = kind === "columnStacked" || kind === "waterfall";
  const shownSeries = data.series.filter((_, i) => !(options.hideFirstSeries && i === 0));
  const legendHeight = shownSeries.length > 0 && !options.hideFirstSeries ? 22 : 0;
  const plot = { left: 64, top: 34, right: width - 14, bottom: height - 34 - legendHeight };
  if (plot.right - plot.left < 20 || plot.bottom - plot.top < 20 || data.categories.length === 0)
    return svg;

  const colorOf = (s: number) =>
    options.seriesColors?.[s] ?? (CHART_COLORS[s % CHART_COLORS.length] as string);
  // The value axis: from the lowest to the highest point drawn, including 0 where bars stand on
  // it; a line (a rate over time) is drawn over its own range, as Excel scales it.
  let low = kind === "line" ? Infinity : 0;
  let high = kind === "line" ? -Infinity : 0;
  data.categories.forEach((_, c) => {
    let up = 0;
    let down = 0;
    data.series.forEach((series) => {
      const value = series.values[c] ?? 0;
      if (stacked) {
        if (value >= 0) up += value;
        else down += value;
      } else if (series.values[c] !== null) {
        low = Math.min(low, value);
        high = Math.max(high, value);
      }
    });
    if (stacked) {
      low = Math.min(low, down);
      high = Math.max(high, up);
    }
  });
  if (!Number.isFinite(low) || !Number.isFinite(high)) [low, high] = [0, 1];
  if (high === low) high = low + 1;
  const step = niceStep((high - low) / 5);
  low = Math.floor(low / step) * step;
  high = Math.ceil(high / step) * step;
  const y = (value: number) =>
    plot.bottom - ((value - low) / (high - low)) * (plot.bottom - plot.top);

  for (let tick = low; tick <= high + step / 2; tick += step) {
    const at = y(tick);
    svg.append(
      element(doc, "line", {
        x1: plot.left,
        x2: plot.right,
        y1: at,
        y2: at,
        stroke: "#d9d9d9",
        "stroke-width": 1,
      })
    );
    svg.append(
      text(doc, options.formatTick?.(tick) ?? axisLabel(tick, step), {
        x: plot.left - 6,
        y: at + 4,
        "text-anchor": "end",
        "font-size": 11,
        fill: "#595959",
      })
    );
  }

  const band = (plot.right - plot.left) / data.categories.length;
  const labelEvery = Math.max(
    1,
    Math.ceil(data.categories.length / Math.max(1, Math.floor((plot.right - plot.left) / 56)))
  );
  data.categories.forEach((category, c) => {
    if (c % labelEvery !== 0) return;
    svg.append(
      text(doc, category, {
        x: plot.left + band * (c + 0.5),
        y: plot.bottom + 16,
        "text-anchor": "middle",
        "font-size": 11,
        fill: "#595959",
      })
    );
  });

  if (kind === "line") {
    data.series.forEach((series, s) => {
      const color = colorOf(s);
      const points = series.values
        .map((value, c) => (value === null ? null : `${plot.left + band * (c + 0.5)},${y(value)}`))
        .filter((point): point is string => point !== null);
      svg.append(
        element(doc, "polyline", {
          points: points.join(" "),
          fill: "none",
          stroke: color,
          "stroke-width": 2,
        })
      );
    });
  } else if (stacked) {
    const barWidth = band * 0.6;
    data.categories.forEach((_, c) => {
      let up = 0;
      let down = 0;
      data.series.forEach((series, s) => {
        const value = series.values[c] ?? 0;
        const from = value >= 0 ? up : down;
        const to = from + value;
        if (value >= 0) up = to;
        else down = to;
        if (options.hideFirstSeries && s === 0) return; // the invisible base
        svg.append(
          element(doc, "rect", {
            x: plot.left + band * c + (band - barWidth) / 2,
            y: Math.min(y(from), y(to)),
            width: barWidth,
            height: Math.abs(y(from) - y(to)),
            fill: colorOf(s),
          })
        );
      });
    });
  } else {
    const groupWidth = band * 0.7;
    const barWidth = groupWidth / Math.max(1, data.series.length);
    data.series.forEach((series, s) => {
      series.values.forEach((value, c) => {
        if (value === null) return;
        svg.append(
          element(doc, "rect", {
            x: plot.left + band * c + (band - groupWidth) / 2 + barWidth * s,
            y: Math.min(y(0), y(value)),
            width: Math.max(1, barWidth - 1),
            height: Math.abs(y(0) - y(value)),
            fill: colorOf(s),
          })
        );
      });
    });
  }
  svg.append(
    element(doc, "line", {
      x1: plot.left,
      x2: plot.right,
      y1: y(0),
      y2: y(0),
      stroke: "#8c8c8c",
      "stroke-width": 1,
    })
  );

  if (legendHeight > 0) {
    let x = plot.left;
    data.series.forEach((series, s) => {
      const color = colorOf(s);
      svg.append(element(doc, "rect", { x, y: height - 20, width: 10, height: 10, fill: color }));
      svg.append(
        text(doc, series.name, { x: x + 14, y: height - 11, "font-size": 11, fill: "#404040" })
      );
      x += 24 + series.name.length * 6.5;
    });
  }
  return svg;
}

/** A round step for axis ticks: 1, 2 or 5 times a power of ten. */
function niceStep(rough: number): number {
  const power = Math.pow(10, Math.floor(Math.log10(rough)));
  const fraction = rough / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

function axisLabel(value: number, step: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6) return `${+(value / 1e6).toFixed(step >= 1e6 ? 0 : 1)}M`;
  if (magnitude >= 1e3) return `${+(value / 1e3).toFixed(step >= 1e3 ? 0 : 1)}k`;
  return String(+value.toFixed(step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step)))));
}

function element(
  doc: Document,
  tag: string,
  attributes: Record<string, string | number>
): SVGSVGElement {
  const node = doc.createElementNS(SVG, tag) as SVGSVGElement;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

function text(
  doc: Document,
  content: string,
  attributes: Record<string, string | number>
): SVGElement {
  const node = element(doc, "text", {
    "font-family": "Segoe UI, Arial, sans-serif",
    ...attributes,
  });
  node.textContent = content;
  return node;
}
