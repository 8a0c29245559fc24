/** The calculation core's public surface, for the task pane and the tests. */
export * from "./errors";
export * from "./coerce";
export * from "./movements";
export * from "./retention";
export * from "./logos";
export * from "./bridge";
export * from "./surveys";
export * from "./statistics";
export * from "./segments";
export * from "./inputs";
export * from "./series";
export * from "./projection";
export * from "./cohorts";
export * from "./ledger";
export * from "./dates";
export * from "./layout";
export * from "./analysis";
