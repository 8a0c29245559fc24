/** The pane's chart arithmetic (src/taskpane/chartScale.ts): axes, waterfall spans, labels. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BridgeBar,
  barExtent,
  barKind,
  estimatedTextWidth,
  niceAxis,
  placeLabels,
  waterfallAxis,
  waterfallSpans,
} from "../../src/taskpane/chartScale";

const bar = (step: string, amount: number, total = false): BridgeBar => ({
  step,
  label: step,
  amount,
  total,
});

/** The sample's last month: small steps beside totals of about 860,000. */
const MONTH = [
  bar("startMrr", 856210, true),
  bar("newMrr", 24540),
  bar("reactivation", 1740),
  bar("expansion", 6430),
  bar("contraction", -2950),
  bar("churn", -4390),
  bar("endMrr", 881580, true),
];

describe("niceAxis", () => {
  it.each([
    {
      low: 0,
      high: 888920,
      ticks: [0, 500000, 1000000],
      why: "MRR from zero: round half-millions",
    },
    { low: 0.971, high: 1.026, ticks: [0.96, 0.98, 1, 1.02, 1.04], why: "rates: 2-point steps" },
    { low: 0, high: 1482436, ticks: [0, 500000, 1000000, 1500000], why: "a projection" },
    { low: -120, high: 80, ticks: [-150, -100, -50, 0, 50, 100], why: "across zero" },
    { low: 5, high: 5, ticks: [4.6, 4.8, 5, 5.2, 5.4], why: "a flat series gets room" },
  ])("$why", ({ low, high, ticks }) => {
    const axis = niceAxis(low, high);
    expect(axis.ticks).toEqual(ticks);
    expect(axis.min).toBe(ticks[0]);
    expect(axis.max).toBe(ticks[ticks.length - 1]);
  });

  it("covers its values with round, evenly spaced ticks (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
        (low, width) => {
          // A chart's values differ by more than a millionth of their size.
          fc.pre(width > Math.abs(low) * 1e-6);
          const axis = niceAxis(low, low + width);
          // Within a millionth of the axis: a value a rounding error past a tick is on it.
          const slack = (axis.max - axis.min) * 1e-6;
          expect(axis.min).toBeLessThanOrEqual(low + slack);
          expect(axis.max).toBeGreaterThanOrEqual(low + width - slack);
          expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
          expect(axis.ticks.length).toBeLessThanOrEqual(12);
        }
      )
    );
  });
});

describe("the bridge as a waterfall", () => {
  it("stands the totals on zero and floats each step from the running total", () => {
    expect(waterfallSpans(MONTH)).toEqual([
      { from: 0, to: 856210 },
      { from: 856210, to: 880750 },
      { from: 880750, to: 882490 },
      { from: 882490, to: 888920 },
      { from: 888920, to: 885970 },
      { from: 885970, to: 881580 },
      { from: 0, to: 881580 },
    ]);
  });

  it("starts its axis at zero, however small the steps beside the totals", () => {
    expect(waterfallAxis(waterfallSpans(MONTH)).min).toBe(0);
    expect(waterfallAxis(waterfallSpans(MONTH)).max).toBeGreaterThanOrEqual(888920);
  });

  it("goes below zero only when a running total does", () => {
    const axis = waterfallAxis(waterfallSpans([bar("startMrr", 10, true), bar("churn", -30)]));
    expect(axis.min).toBeLessThanOrEqual(-20);
  });

  it.each([
    { bar: bar("startMrr", 100, true), kind: "total" },
    { bar: bar("newMrr", 5), kind: "gain" },
    { bar: bar("churn", -5), kind: "loss" },
    { bar: bar("fxEffect", -5), kind: "exchange", why: "the rates' move, whatever its sign" },
    { bar: bar("fxEffect", 5), kind: "exchange" },
  ])("colours $bar.step $bar.amount as a $kind", ({ bar: each, kind }) => {
    expect(barKind(each)).toBe(kind);
  });

  it.each([
    { fromY: 50, toY: 49.8, top: 47, bottom: 50, why: "a small gain grows up from the total" },
    { fromY: 50, toY: 50.2, top: 50, bottom: 53, why: "a small loss grows down from it" },
    { fromY: 50, toY: 10, top: 10, bottom: 50, why: "a large step keeps its height" },
    { fromY: 50, toY: 50, top: 50, bottom: 50, why: "a step of nothing has no bar" },
  ])("$why", ({ fromY, toY, top, bottom }) => {
    expect(barExtent(fromY, toY, 3)).toEqual({ top, bottom });
  });
});

describe("value labels", () => {
  const overlap = (
    a: { x: number; y: number; w: number },
    b: { x: number; y: number; w: number }
  ) => Math.abs(a.x - b.x) < (a.w + b.w) / 2 && Math.abs(a.y - b.y) < 10;

  it("moves a label a line away when its neighbour at the same height is in the way", () => {
    const wish = (x: number) => ({ x, width: 40, above: 50, below: 70, prefer: "above" as const });
    expect(placeLabels([wish(100), wish(130)], 11, { minY: 9, maxY: 200 })).toEqual([50, 39]);
  });

  it("puts a label on its bar's other side when its own side is taken", () => {
    const ys = placeLabels(
      [{ x: 100, width: 30, above: 20, below: 40, prefer: "below" }],
      11,
      { minY: 9, maxY: 200 },
      [{ left: 90, right: 110, top: 30, bottom: 100 }]
    );
    expect(ys).toEqual([20]);
  });

  it("never lets two labels overlap when there is room (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 20, max: 80 }), { minLength: 2, maxLength: 8 }),
        (heights) => {
          const wishes = heights.map((height, i) => ({
            x: 40 + i * 34,
            width: estimatedTextWidth("+24,540", 9),
            above: height - 3,
            below: height + 10,
            prefer: (i % 2 === 0 ? "above" : "below") as "above" | "below",
          }));
          const ys = placeLabels(wishes, 11, { minY: -1000, maxY: 1000 });
          const boxes = wishes.map((wish, i) => ({ x: wish.x, y: ys[i] as number, w: wish.width }));
          boxes.forEach((a, i) =>
            boxes.slice(i + 1).forEach((b) => expect(overlap(a, b)).toBe(false))
          );
        }
      )
    );
  });

  it("estimates digits wider than punctuation", () => {
    expect(estimatedTextWidth("881,580", 10)).toBeCloseTo(6 * 6.4 + 3.4);
    expect(estimatedTextWidth("期初", 10)).toBe(20);
  });
});
