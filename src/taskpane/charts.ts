/**
 * The pane's small charts as inline SVG (no chart library: three simple shapes do not earn one).
 * Each takes numbers the core computed and words from the catalogue; each has an accessible
 * name, and a table or text beside it says the same in words. Colours come from palette.ts, one
 * meaning each, as on the board pack; the axes' arithmetic is chartScale.ts's.
 */
import { svg } from "./dom";
import {
  type Box,
  type BridgeBar,
  barExtent,
  barKind,
  estimatedTextWidth,
  niceAxis,
  placeLabels,
  waterfallAxis,
  waterfallSpans,
} from "./chartScale";
import { PALETTE } from "./palette";

export type { BridgeBar } from "./chartScale";

/**
 * The drawing's width in SVG units: about what a 320 px pane leaves the chart (320 less the
 * pane's padding), so that at the narrowest pane (docs/task-pane.md) one unit is one pixel.
 */
const WIDTH = 300;
/** The charts' text size (taskpane.css draws ticks, categories, values and legends at 9px). */
const FONT = 9;
const LINE = FONT + 2;
/** The least height of a step that moved: small beside the totals, still seen and labelled. */
export const MIN_STEP_HEIGHT = 3;
/** Category labels under a waterfall are turned this far, to fit under narrow bars. */
const CATEGORY_ANGLE = 35;
const RIGHT_PAD = 8;

function frame(label: string, testId: string, height: number): SVGSVGElement {
  const chart = svg("svg", {
    viewBox: `0 0 ${WIDTH} ${height}`,
    role: "img",
    "aria-label": label,
    class: "chart",
    "data-testid": testId,
    preserveAspectRatio: "xMidYMid meet",
  });
  chart.append(svg("title", {}, [label]));
  return chart;
}

/** The value axis: a light rule and a label at each tick, the labels right-aligned at `left`. */
function valueAxis(
  chart: SVGSVGElement,
  ticks: readonly number[],
  y: (value: number) => number,
  left: number,
  tick: (value: number) => string
): void {
  for (const value of ticks) {
    chart.append(
      svg("line", {
        x1: left,
        x2: WIDTH - RIGHT_PAD,
        y1: y(value),
        y2: y(value),
        class: "grid",
        "data-value": value,
      }),
      svg(
        "text",
        {
          x: left - 4,
          y: y(value) + FONT * 0.35,
          class: "tick",
          "text-anchor": "end",
          "data-value": value,
        },
        [tick(value)]
      )
    );
  }
}

/** The room the value axis's labels need on the left. */
function tickRoom(labels: readonly string[]): number {
  return Math.ceil(Math.max(0, ...labels.map((text) => estimatedTextWidth(text, FONT)))) + 8;
}

/**
 * A waterfall from zero: the start and end totals stand on the axis, each step floats from the
 * running total, up for a gain and down for a loss, coloured by what it is (PALETTE.total, gain,
 * loss, exchange). The axis is never cut to the steps' range: a month's steps are small beside
 * MRR, and the chart shows them small, each at least MIN_STEP_HEIGHT tall and with its amount.
 * `amount` words the bars' values as the pane's tables do; `tick` the axis's round values.
 */
export function bridgeChart(
  bars: readonly BridgeBar[],
  amount: (value: number) => string,
  tick: (value: number) => string,
  label: string
): SVGSVGElement {
  const spans = waterfallSpans(bars);
  const axis = waterfallAxis(spans);
  const tickLabels = axis.ticks.map(tick);
  const cos = Math.cos((CATEGORY_ANGLE * Math.PI) / 180);
  const sin = Math.sin((CATEGORY_ANGLE * Math.PI) / 180);
  const categoryWidths = bars.map((bar) => estimatedTextWidth(bar.label, FONT));
  // Room on the left for the tick labels and for the turned category labels, which end at
  // their bar's centre and reach left: the first of them must not run off the chart.
  const plotRight = WIDTH - RIGHT_PAD;
  const count = Math.max(1, bars.length);
  let left = tickRoom(tickLabels);
  categoryWidths.forEach((width, i) => {
    // Bar i's centre is at left + (i + ½)·slot, slot = (plotRight − left) / count.
    const share = (i + 0.5) / count;
    left = Math.max(left, (2 + width * cos - share * plotRight) / (1 - share));
  });
  left = Math.ceil(left);
  const slot = (plotRight - left) / count;
  const barWidth = Math.max(6, slot * 0.62);

  const plotTop = 2 * LINE + 2;
  const plotHeight = 120;
  const plotBottom = plotTop + plotHeight;
  const height = Math.ceil(plotBottom + 8 + Math.max(0, ...categoryWidths) * sin + FONT);
  const y = (value: number) =>
    plotTop + plotHeight - ((value - axis.min) / (axis.max - axis.min)) * plotHeight;
  const zeroY = y(0);

  const chart = frame(label, "bridge-chart", height);
  chart.setAttribute("data-axis-min", String(axis.min));
  chart.setAttribute("data-axis-max", String(axis.max));
  chart.setAttribute("data-zero-y", String(zeroY));
  chart.setAttribute("data-min-step-height", String(MIN_STEP_HEIGHT));
  valueAxis(chart, axis.ticks, y, left, tick);

  const xOf = (i: number) => left + i * slot + (slot - barWidth) / 2;
  const extents = bars.map((bar, i) => {
    const { from, to } = spans[i] as { from: number; to: number };
    return barExtent(y(from), y(to), bar.total ? 0 : MIN_STEP_HEIGHT);
  });
  const boxes: Box[] = extents
    .map((extent, i) => ({
      left: xOf(i),
      right: xOf(i) + barWidth,
      top: extent.top,
      bottom: extent.bottom,
    }))
    .filter((box) => box.bottom > box.top);
  const texts = bars.map((bar) => {
    const words = amount(bar.amount);
    return !bar.total && bar.amount > 0 ? `+${words}` : words;
  });
  const labelYs = placeLabels(
    bars.map((bar, i) => {
      const extent = extents[i] as { top: number; bottom: number };
      return {
        x: xOf(i) + barWidth / 2,
        width: estimatedTextWidth(texts[i] as string, FONT),
        above: extent.top - 3,
        below: extent.bottom + FONT + 1,
        prefer: bar.amount < 0 ? "below" : "above",
      };
    }),
    LINE,
    { minY: FONT, maxY: plotBottom - 2 },
    boxes
  );

  bars.forEach((bar, i) => {
    const x = xOf(i);
    const centre = x + barWidth / 2;
    const extent = extents[i] as { top: number; bottom: number };
    const kind = barKind(bar);
    const next = bars[i + 1];
    if (next !== undefined) {
      // The connector: where the running total stands between this bar and the next.
      const level = y((spans[i] as { to: number }).to);
      chart.append(
        svg("line", {
          x1: x + barWidth,
          x2: xOf(i + 1),
          y1: level,
          y2: level,
          class: "connector",
        })
      );
    }
    // A step of nothing has no bar: its amount, 0, says so at the running total.
    if (extent.bottom > extent.top)
      chart.append(
        svg(
          "rect",
          {
            x,
            y: extent.top,
            width: barWidth,
            height: extent.bottom - extent.top,
            fill: PALETTE[kind],
            class: `bar ${kind}`,
            "data-step": bar.step,
            "data-kind": kind,
            "data-amount": bar.amount,
          },
          [svg("title", {}, [`${bar.label}: ${amount(bar.amount)}`])]
        )
      );
    const labelY = plotBottom + 8 + FONT * 0.5;
    chart.append(
      svg("text", { x: centre, y: labelYs[i] as number, class: "value", "text-anchor": "middle" }, [
        texts[i] as string,
      ]),
      svg(
        "text",
        {
          x: centre,
          y: labelY,
          class: "category",
          "text-anchor": "end",
          transform: `rotate(-${CATEGORY_ANGLE} ${centre} ${labelY})`,
        },
        [bar.label]
      )
    );
  });
  // The zero line last, over the bars' feet.
  chart.append(
    svg("line", {
      x1: left,
      x2: WIDTH - RIGHT_PAD,
      y1: zeroY,
      y2: zeroY,
      class: "axis",
      "data-testid": "bridge-zero",
    })
  );
  return chart;
}

export interface LineSeries {
  readonly name: string;
  /** One value per category; null where the figure does not exist (no starting revenue). */
  readonly values: readonly (number | null)[];
  /** The series' colour, from PALETTE (NRR and GRR, baseline and scenario). */
  readonly colour: string;
}

export interface LineChartOptions {
  /** The accessible name, and the browser tests' id. */
  readonly label: string;
  readonly testId: string;
  /** The value axis's labels ("100%", "1.2M"). */
  readonly tick: (value: number) => string;
  /** An amount axis starts at zero; a rate axis fits the values (and the reference). */
  readonly fromZero?: boolean;
  /** A dashed line at this value, always inside the axis: 100% for a retention rate. */
  readonly reference?: number;
}

/**
 * Lines over categories, with a legend above, round values on the axis, and the first and last
 * category named under it.
 */
export function lineChart(
  series: readonly LineSeries[],
  categories: readonly string[],
  options: LineChartOptions
): SVGSVGElement {
  const height = 190;
  const values = series.flatMap((line) =>
    line.values.filter((value): value is number => value !== null && Number.isFinite(value))
  );
  if (options.reference !== undefined) values.push(options.reference);
  if (options.fromZero) values.push(0);
  const axis =
    values.length === 0 ? niceAxis(0, 1) : niceAxis(Math.min(...values), Math.max(...values));
  const tickLabels = axis.ticks.map(options.tick);
  const left = tickRoom(tickLabels);

  const chart = frame(options.label, options.testId, height);
  chart.setAttribute("data-axis-min", String(axis.min));
  chart.setAttribute("data-axis-max", String(axis.max));

  // The legend, flowing onto a second line when the names are long.
  let legendX = left;
  let legendY = 10;
  for (const line of series) {
    const width = 20 + estimatedTextWidth(line.name, FONT);
    if (legendX > left && legendX + width > WIDTH - RIGHT_PAD) {
      legendX = left;
      legendY += LINE + 2;
    }
    chart.append(
      svg("line", {
        x1: legendX,
        x2: legendX + 16,
        y1: legendY - FONT * 0.35,
        y2: legendY - FONT * 0.35,
        stroke: line.colour,
        class: "line",
      }),
      svg("text", { x: legendX + 20, y: legendY, class: "legend" }, [line.name])
    );
    legendX += width + 14;
  }

  const plotTop = legendY + LINE;
  const plotBottom = height - 22;
  const plotHeight = plotBottom - plotTop;
  const plotWidth = WIDTH - left - RIGHT_PAD;
  const x = (i: number) =>
    left + (categories.length <= 1 ? plotWidth / 2 : (i / (categories.length - 1)) * plotWidth);
  const y = (value: number) =>
    plotTop + plotHeight - ((value - axis.min) / (axis.max - axis.min)) * plotHeight;
  valueAxis(chart, axis.ticks, y, left, options.tick);
  chart.append(
    svg("line", { x1: left, x2: WIDTH - RIGHT_PAD, y1: plotBottom, y2: plotBottom, class: "axis" })
  );

  const reference = options.reference;
  if (reference !== undefined) {
    chart.append(
      svg("line", {
        x1: left,
        x2: WIDTH - RIGHT_PAD,
        y1: y(reference),
        y2: y(reference),
        stroke: PALETTE.reference,
        class: "reference",
        "data-testid": `${options.testId}-reference`,
        "data-value": reference,
      })
    );
    // The reference is named on the axis even when it falls between two round ticks.
    if (!axis.ticks.some((value) => Math.abs(y(value) - y(reference)) < LINE))
      chart.append(
        svg(
          "text",
          {
            x: left - 4,
            y: y(reference) + FONT * 0.35,
            class: "tick",
            "text-anchor": "end",
            "data-value": reference,
          },
          [options.tick(reference)]
        )
      );
  }

  const first = categories[0];
  const last = categories[categories.length - 1];
  if (first !== undefined)
    chart.append(svg("text", { x: x(0), y: plotBottom + 14, class: "category" }, [first]));
  if (last !== undefined && categories.length > 1)
    chart.append(
      svg(
        "text",
        {
          x: x(categories.length - 1),
          y: plotBottom + 14,
          class: "category",
          "text-anchor": "end",
        },
        [last]
      )
    );

  for (const line of series) {
    // A gap where a value is missing: the line is split rather than drawn through it.
    let path = "";
    let pen = false;
    line.values.forEach((value, i) => {
      if (value === null) {
        pen = false;
        return;
      }
      path += `${pen ? "L" : "M"}${x(i).toFixed(1)} ${y(value).toFixed(1)} `;
      pen = true;
    });
    chart.append(svg("path", { d: path.trim(), stroke: line.colour, class: "line" }));
    const only = line.values.length === 1 ? line.values[0] : null;
    if (only !== null && only !== undefined)
      chart.append(svg("circle", { cx: x(0), cy: y(only), r: 3, fill: line.colour }));
  }
  return chart;
}
