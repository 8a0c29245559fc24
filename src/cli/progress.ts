/**
 * Progress on long runs, on stderr so that stdout stays the report: each step is named when it
 * has taken more than a second, with its percentage while it runs on a terminal and its time when
 * it ends. Short runs print nothing.
 */

/** How far the running query is, as DuckDB reports it (percentage −1: unknown). */
export type PercentDone = () => number;

export interface Progress {
  /** Runs `work` as the step `name`. */
  step<T>(name: string, work: () => Promise<T>, percent?: PercentDone): Promise<T>;
}

/** Says nothing (--quiet, and the tests). */
export const SILENT: Progress = { step: (_name, work) => work() };

const QUIET_FOR_MS = 1000;
const EVERY_MS = 500;

/** Progress written to `stream` (stderr), redrawn in place on a terminal. */
export function progressOn(stream: NodeJS.WriteStream): Progress {
  const terminal = stream.isTTY === true;
  return {
    async step(name, work, percent) {
      const started = Date.now();
      let shown = false;
      const timer = setInterval(() => {
        const elapsed = Date.now() - started;
        if (elapsed < QUIET_FOR_MS) return;
        if (!terminal) {
          if (!shown) stream.write(`${name}…\n`);
          shown = true;
          return;
        }
        const done = percent?.() ?? -1;
        const how = done >= 0 ? ` ${Math.floor(done)}%` : "";
        stream.write(`\r${name}…${how} (${seconds(elapsed)})\u001b[K`);
        shown = true;
      }, EVERY_MS);
      try {
        return await work();
      } finally {
        clearInterval(timer);
        const elapsed = Date.now() - started;
        if (shown || elapsed >= QUIET_FOR_MS) {
          stream.write(
            `${terminal ? "\r" : ""}${name}: ${seconds(elapsed)}${terminal ? "\u001b[K" : ""}\n`
          );
        }
      }
    },
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
