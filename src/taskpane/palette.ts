/**
 * The colours of the add-in's charts and figures, one meaning each, the same in the pane, on the
 * board pack and on the what-if sheet: a reader who learns green for a gain on one chart reads
 * it the same on the next. Chosen to stay apart for the common colour-vision deficiencies
 * (blue/orange for the two series; green and red always beside a sign or a label).
 */
export const PALETTE = {
  /** Starting and ending MRR, and the bars that stand on the axis. */
  total: "#4472C4",
  /** A gain: new, reactivation, expansion. */
  gain: "#2E7D32",
  /** A loss: contraction, churn. */
  loss: "#C62828",
  /** The exchange rates' own move. */
  exchange: "#7E57C2",
  /** Series: NRR (and the baseline of a what-if). */
  nrr: "#4472C4",
  /** Series: GRR. */
  grr: "#ED7D31",
  baseline: "#4472C4",
  scenario: "#ED7D31",
  /** The 100% line of a retention chart. */
  reference: "#7F7F7F",
  /** Headings of the board pack's sections, and their rule. */
  heading: "#1F3864",
  headerFill: "#D9E1F2",
} as const;
