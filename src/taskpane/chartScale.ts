/**
 * The arithmetic of the pane's charts, apart from drawing them: axes, a waterfall's spans and
 * where its value labels go. Pure (no DOM), so that the rules that keep a chart honest are tested
 * as rules: an amount axis starts at zero, a small step stays visible, no label sits on another.
 */

/** An axis: its range and the round values it is labelled at, lowest first. */
export interface Axis {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
}

/**
 * Round tick values (1, 2 or 5 times a power of ten apart) covering `low` to `high`, about
 * `target` of them; the axis runs from the first tick to the last.
 *
 * @example niceAxis(0, 888920) → { min: 0, max: 1000000, ticks: [0, 200000, …, 1000000] }
 */
export function niceAxis(low: number, high: number, target = 5): Axis {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return niceAxis(0, 1, target);
  if (high < low) return niceAxis(high, low, target);
  if (high - low < 1e-12) {
    // A flat series: a little room either side, so that the line sits inside the axis.
    const room = Math.abs(high) * 0.05 || 1;
    return niceAxis(low - room, high + room, target);
  }
  const rough = (high - low) / Math.max(1, target - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((factor) => factor * power >= rough) ?? 10) * power;
  // Whole multiples of the step, counted as integers so that 0.1 + 0.2 never shows as a tick.
  const first = Math.floor(low / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  const ticks: number[] = [];
  const decimals = Math.min(20, Math.max(0, -Math.floor(Math.log10(step))));
  for (let n = first; n <= last; n++) ticks.push(Number((n * step).toFixed(decimals)));
  return { min: ticks[0] as number, max: ticks[ticks.length - 1] as number, ticks };
}

/** A bridge step to draw: its label, its amount (losses negative) and whether it is a total. */
export interface BridgeBar {
  /** The bridge's step ("startMrr", "newMrr", …, "fxEffect", "endMrr"). */
  readonly step: string;
  readonly label: string;
  readonly amount: number;
  readonly total: boolean;
}

/** How a bar reads, and so its colour (palette.ts): a total, a gain, a loss, or the rates' move. */
export type BarKind = "total" | "gain" | "loss" | "exchange";

export function barKind(bar: BridgeBar): BarKind {
  if (bar.total) return "total";
  // The exchange-rate effect is neither the customers' gain nor their loss (docs/metrics.md,
  // "From billing lines to MRR"): it has a colour of its own whatever its sign.
  if (bar.step === "fxEffect") return "exchange";
  return bar.amount >= 0 ? "gain" : "loss";
}

/** Where a waterfall's bar runs: totals from zero, each step from the running total. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/**
 * @example waterfallSpans(start 100, new +20, churn −5, end 115)
 *   → [0→100, 100→120, 120→115, 0→115]
 */
export function waterfallSpans(bars: readonly BridgeBar[]): Span[] {
  let running = 0;
  return bars.map((bar) => {
    if (bar.total) {
      running = bar.amount;
      return { from: 0, to: bar.amount };
    }
    const from = running;
    running += bar.amount;
    return { from, to: running };
  });
}

/**
 * A waterfall's axis: always from zero (or below, should a running total dip under it), never
 * cut to the steps' range, so that a bar's height is its amount and a 3% step looks like 3%.
 */
export function waterfallAxis(spans: readonly Span[], target = 5): Axis {
  const ends = spans.flatMap((span) => [span.from, span.to]);
  return niceAxis(Math.min(0, ...ends), Math.max(0, ...ends), target);
}

/**
 * The top and bottom (in drawing units, y down) of a bar from `from` to `to`, at least
 * `minimum` tall when it moves at all: the bar keeps its start at the running total and grows
 * in its own direction, so a step of 0.2% of the total can still be seen and pointed at.
 */
export function barExtent(
  fromY: number,
  toY: number,
  minimum: number
): { top: number; bottom: number } {
  if (fromY === toY) return { top: fromY, bottom: fromY };
  const top = Math.min(fromY, toY);
  const bottom = Math.max(fromY, toY);
  if (bottom - top >= minimum) return { top, bottom };
  return toY < fromY
    ? { top: fromY - minimum, bottom: fromY }
    : { top: fromY, bottom: fromY + minimum };
}

/**
 * The width of a short label of digits and punctuation, estimated: a little wider than the
 * pane's fonts draw it, so that labels placed apart by it never touch.
 */
export function estimatedTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const character of text) {
    if (/[0-9]/.test(character)) ems += 0.64;
    else if (/[.,:;'’\s]/.test(character)) ems += 0.34;
    else if (/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(character)) ems += 1;
    else ems += 0.7;
  }
  return ems * fontSize;
}

/** A box in drawing units (y down). */
export interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** A value label to place, centred on `x`, beside its bar: above it or below it. */
export interface LabelWish {
  readonly x: number;
  readonly width: number;
  /** The baseline just above the bar, and the one just below it. */
  readonly above: number;
  readonly below: number;
  /** The side it reads best on: a gain's amount above its bar, a loss's below. */
  readonly prefer: "above" | "below";
}

/**
 * Baselines for value labels so that none overlaps another label or a bar: each label, left to
 * right, takes the first line on its preferred side (then the other side), moving away from its
 * bar a line at a time, where its box is clear of `obstacles` and of the labels placed before it
 * and its baseline stays between `minY` and `maxY`.
 *
 * @example two 40-wide labels 30 apart, both wanted above bars of the same height → the second
 *   one line higher
 */
export function placeLabels(
  wishes: readonly LabelWish[],
  lineHeight: number,
  bounds: { readonly minY: number; readonly maxY: number },
  obstacles: readonly Box[] = [],
  tries = 3
): number[] {
  const gap = 1.5;
  const taken: Box[] = [...obstacles];
  const overlaps = (box: Box, other: Box) =>
    box.right > other.left &&
    box.left < other.right &&
    box.bottom > other.top &&
    box.top < other.bottom;
  return wishes.map((wish) => {
    const boxAt = (y: number): Box => ({
      left: wish.x - wish.width / 2 - gap,
      right: wish.x + wish.width / 2 + gap,
      top: y - lineHeight * 0.75,
      bottom: y + lineHeight * 0.2,
    });
    const side = (which: "above" | "below") =>
      Array.from({ length: tries }, (_, line) =>
        which === "above" ? wish.above - line * lineHeight : wish.below + line * lineHeight
      );
    const other = wish.prefer === "above" ? "below" : "above";
    const candidates = [...side(wish.prefer), ...side(other)];
    const fits = (y: number) =>
      y >= bounds.minY && y <= bounds.maxY && taken.every((box) => !overlaps(boxAt(y), box));
    // Nowhere clear within reach: the preferred line, kept inside the chart (the table beside
    // the chart gives every figure in full in any case).
    const first = wish.prefer === "above" ? wish.above : wish.below;
    const y = candidates.find(fits) ?? Math.min(bounds.maxY, Math.max(bounds.minY, first));
    taken.push(boxAt(y));
    return y;
  });
}
