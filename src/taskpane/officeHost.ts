/**
 * Start-up of office.js. In Excel the page loads it from Microsoft's CDN; where the CDN cannot be
 * reached (no network, the playground, the browser tests) the add-in's own copy is loaded, so the
 * pane always runs its real start-up path through Office.onReady.
 */
const LOCAL_OFFICE_JS = "office-js/office.js";

export interface HostInfo {
  /** "Excel" inside Excel; null when the page runs outside Office. */
  readonly host: string | null;
  readonly platform: string | null;
  /** Where office.js came from. */
  readonly officeJs: "cdn" | "local";
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(script);
  });
}

/**
 * office.js loaded outside Office (a browser tab, the playground) opens, 3 seconds after it
 * loads, a hidden frame on telemetryservice.firstpartyapps.oaspapps.com for its own logs: the
 * only request the page would make to anything but its own origin and office.js. office.js
 * offers no setting for it (`OsfOptOut` only stops the "plain browser top window" redirect,
 * `OSF.AppTelemetry.enableTelemetry` does not cover it), so outside Office, where there is no
 * Office to report to, the logger's frame loader is replaced by one that loads nothing. Inside
 * Office this is never called: Office's own telemetry is Office's business.
 */
function stopOfficeTelemetryFrame(): void {
  const osf = (window as unknown as { OSF?: { Logger?: { ulsEndpoint?: unknown } } }).OSF;
  const endpoint = osf?.Logger?.ulsEndpoint;
  if (typeof endpoint === "object" && endpoint !== null && "loadProxyFrame" in endpoint)
    (endpoint as { loadProxyFrame: () => void }).loadProxyFrame = () => undefined;
}

export async function startOffice(): Promise<HostInfo> {
  let officeJs: HostInfo["officeJs"] = "cdn";
  if (typeof Office === "undefined") {
    // office.js finds the folder of its other files from the first script tag naming it, so the
    // CDN tag that failed must go before the local copy is loaded.
    document
      .querySelectorAll('script[src*="appsforoffice.microsoft.com"]')
      .forEach((tag) => tag.remove());
    await loadScript(LOCAL_OFFICE_JS);
    officeJs = "local";
  }
  const info = await Office.onReady();
  if (!info.host) stopOfficeTelemetryFrame();
  return {
    host: info.host ? String(info.host) : null,
    platform: info.platform ? String(info.platform) : null,
    officeJs,
  };
}
