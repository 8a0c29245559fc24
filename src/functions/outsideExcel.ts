/**
 * Outside an Excel custom-functions runtime (the task pane opened in a plain browser tab, or on
 * a page whose office.js could not reach Office), there is no `CustomFunctions` global and the
 * metadata plugin's injected `CustomFunctions.associate` calls would fail the whole page. There
 * is nothing to register with there, so registration is skipped. In Excel, and in hosts that
 * provide their own CustomFunctions (the tests' harness, the playground), this does nothing.
 */
const host = globalThis as { CustomFunctions?: unknown };
if (typeof host.CustomFunctions === "undefined") {
  host.CustomFunctions = { associate: (): void => undefined };
}
