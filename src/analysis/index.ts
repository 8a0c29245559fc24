/**
 * The task pane's use cases, pure like the core (no DOM, no Office): layout detection, mapping,
 * periods, figures and readings, what-if. Imports the core only.
 */
export * from "./layout/types";
export { detectLayout } from "./layout/detect";
export * from "./messages";
export * from "./source";
export * from "./mapping";
export * from "./storedMapping";
export * from "./billing";
export * from "./revenue";
export * from "./periods";
export * from "./figures";
export * from "./revenueAnalysis";
export * from "./whatIf";
export * from "./survey";
