/**
 * The program `npm run metrics` runs (compiled to .build/cli by `npm run build:cli`): the command
 * line of metrics.ts on this process's arguments and streams.
 */
import { main } from "./metrics";
import { progressOn } from "./progress";

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  progress: progressOn(process.stderr),
}).then((code) => {
  process.exitCode = code;
});
