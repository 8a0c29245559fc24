/**
 * The pane's small charts as inline SVG (no chart library: three simple shapes do not earn one).
 * Each takes numbers the core computed and words from the catalogue; each has an accessible
 * name, and a table or text beside it says the same in words.
 */
import { svg } from "./dom";

const WIDTH = 320;
const HEIGHT = 170;
const PAD = { top: 12, right: 8, bottom: 34, left: 44 };

function frame(label: string, testId: string, height = HEIGHT): SVGSVGElement {
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

/** A bridge step to draw: its label, its amount (losses negative) and whether it is a total. */
export interface BridgeBar {
  readonly label: string;
  readonly amount: number;
  readonly total: boolean;
}

/**
 * A waterfall: the start and end totals stand on the axis, each step floats from the running
 * total, up (green) or down (red).
 */
export function bridgeChart(
  bars: readonly BridgeBar[],
  format: (value: number) => string,
  label: string
): SVGSVGElement {
  const height = HEIGHT + 30;
  const bottomPad = PAD.bottom + 22;
  const chart = frame(label, "bridge-chart", height);
  let running = 0;
  const spans = bars.map((bar) => {
    if (bar.total) {
      running = bar.amount;
      return { from: 0, to: bar.amount };
    }
    const from = running;
    running += bar.amount;
    return { from, to: running };
  });
  const top = Math.max(1, ...spans.map((span) => Math.max(span.from, span.to)));
  // A month's steps are small beside the totals: when every step floats high above 0, the axis
  // starts just below the lowest step (and says so), as bridge charts in board decks do.
  const steps = spans.filter((_, i) => !(bars[i] as BridgeBar).total);
  const lowest = Math.min(top, ...steps.map((span) => Math.min(span.from, span.to)));
  const floor = lowest > 0 && top - lowest < 0.3 * top ? Math.max(0, lowest - (top - lowest)) : 0;
  const plotHeight = height - PAD.top - bottomPad - 12;
  const y = (value: number) =>
    PAD.top + 12 + plotHeight - ((Math.max(value, floor) - floor) / (top - floor)) * plotHeight;
  const slot = (WIDTH - PAD.left - PAD.right) / bars.length;
  const barWidth = Math.max(8, slot * 0.62);
  chart.append(
    svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(floor), y2: y(floor), class: "axis" }),
    svg("text", { x: PAD.left - 4, y: y(top) + 4, class: "tick", "text-anchor": "end" }, [
      format(top),
    ]),
    svg("text", { x: PAD.left - 4, y: y(floor) + 4, class: "tick", "text-anchor": "end" }, [
      format(floor),
    ])
  );
  bars.forEach((bar, i) => {
    const span = spans[i] as { from: number; to: number };
    const x = PAD.left + i * slot + (slot - barWidth) / 2;
    const upper = y(Math.max(span.from, span.to));
    const barHeight = Math.max(1, Math.abs(y(span.from) - y(span.to)));
    const kind = bar.total ? "total" : bar.amount >= 0 ? "up" : "down";
    const centre = x + barWidth / 2;
    const labelY = height - bottomPad + 12;
    chart.append(
      svg("rect", { x, y: upper, width: barWidth, height: barHeight, class: `bar ${kind}` }, [
        svg("title", {}, [`${bar.label}: ${format(bar.amount)}`]),
      ]),
      svg("text", { x: centre, y: upper - 3, class: "value", "text-anchor": "middle" }, [
        bar.amount === 0 && !bar.total ? "" : format(bar.amount),
      ]),
      svg(
        "text",
        {
          x: centre,
          y: labelY,
          class: "category",
          "text-anchor": "end",
          transform: `rotate(-35 ${centre} ${labelY})`,
        },
        [bar.label]
      )
    );
  });
  return chart;
}

export interface LineSeries {
  readonly name: string;
  /** One value per category; null where the figure does not exist (no starting revenue). */
  readonly values: readonly (number | null)[];
  /** CSS class giving the series its colour and dash. */
  readonly className: string;
}

/**
 * Lines over categories, the y axis from the lowest to the highest value (with a little room),
 * the first and last category named under the axis and a legend above.
 */
export function lineChart(
  series: readonly LineSeries[],
  categories: readonly string[],
  format: (value: number) => string,
  label: string,
  testId: string
): SVGSVGElement {
  const chart = frame(label, testId);
  const all = series.flatMap((line) =>
    line.values.filter((value): value is number => value !== null)
  );
  let low = Math.min(...all);
  let high = Math.max(...all);
  if (!Number.isFinite(low) || !Number.isFinite(high)) {
    low = 0;
    high = 1;
  }
  if (high - low < 1e-9) {
    high += Math.abs(high) * 0.05 || 1;
    low -= Math.abs(low) * 0.05 || 1;
  }
  const margin = (high - low) * 0.08;
  low -= margin;
  high += margin;
  const plotTop = PAD.top + 16;
  const plotHeight = HEIGHT - plotTop - PAD.bottom + 10;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const x = (i: number) =>
    PAD.left + (categories.length <= 1 ? plotWidth / 2 : (i / (categories.length - 1)) * plotWidth);
  const y = (value: number) => plotTop + plotHeight - ((value - low) / (high - low)) * plotHeight;
  const bottom = plotTop + plotHeight;
  chart.append(
    svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: bottom, y2: bottom, class: "axis" }),
    svg("text", { x: PAD.left - 4, y: y(high - margin) + 4, class: "tick", "text-anchor": "end" }, [
      format(high - margin),
    ]),
    svg("text", { x: PAD.left - 4, y: y(low + margin) + 4, class: "tick", "text-anchor": "end" }, [
      format(low + margin),
    ])
  );
  const first = categories[0];
  const last = categories[categories.length - 1];
  if (first !== undefined)
    chart.append(svg("text", { x: x(0), y: bottom + 16, class: "category" }, [first]));
  if (last !== undefined && categories.length > 1)
    chart.append(
      svg(
        "text",
        { x: x(categories.length - 1), y: bottom + 16, class: "category", "text-anchor": "end" },
        [last]
      )
    );
  series.forEach((line, s) => {
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
    chart.append(svg("path", { d: path.trim(), class: `line ${line.className}` }));
    if (line.values.length === 1 && line.values[0] !== null && line.values[0] !== undefined) {
      chart.append(
        svg("circle", { cx: x(0), cy: y(line.values[0]), r: 3, class: `dot ${line.className}` })
      );
    }
    const legendX = PAD.left + s * 110;
    chart.append(
      svg("line", {
        x1: legendX,
        x2: legendX + 16,
        y1: PAD.top,
        y2: PAD.top,
        class: `line ${line.className}`,
      }),
      svg("text", { x: legendX + 20, y: PAD.top + 4, class: "legend" }, [line.name])
    );
  });
  return chart;
}
