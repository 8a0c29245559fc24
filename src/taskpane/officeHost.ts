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

/**
 * How long office.js may take to say it is ready. Inside Excel it answers in well under a second;
 * when it never does (its CDN unreachable and the local copy loaded inside Office, which cannot
 * find the host's own files), the pane says so instead of staying blank.
 */
export const OFFICE_START_TIMEOUT_MS = 15_000;

/** office.js did not say it was ready in time; `officeJs` says which copy was loaded. */
export class OfficeDidNotStart extends Error {
  constructor(readonly officeJs: HostInfo["officeJs"]) {
    super(
      officeJs === "local"
        ? "office.js could not be loaded from Microsoft's CDN, and its offline copy did not start"
        : "office.js did not start"
    );
  }
}

/** What starting office.js needs from the page, replaceable in tests. */
export interface OfficeStartEnvironment {
  readonly officeLoaded: () => boolean;
  /** Whether Office opened the page (it adds _host_Info to the task pane's address). */
  readonly insideOffice: () => boolean;
  /** Loads the add-in's own copy of office.js in place of the CDN's. */
  readonly loadLocalCopy: () => Promise<void>;
  readonly onReady: () => Promise<{ host?: unknown; platform?: unknown }>;
  readonly timeoutMs: number;
}

const PAGE: OfficeStartEnvironment = {
  officeLoaded: () => typeof Office !== "undefined",
  insideOffice: () => /[?&]_host_info=/i.test(location.search),
  loadLocalCopy: async () => {
    // office.js finds the folder of its other files from the first script tag naming it, so the
    // CDN tag that failed must go before the local copy is loaded.
    document
      .querySelectorAll('script[src*="appsforoffice.microsoft.com"]')
      .forEach((tag) => tag.remove());
    await loadScript(LOCAL_OFFICE_JS);
  },
  onReady: () => Office.onReady(),
  timeoutMs: OFFICE_START_TIMEOUT_MS,
};

export async function startOffice(page: OfficeStartEnvironment = PAGE): Promise<HostInfo> {
  let officeJs: HostInfo["officeJs"] = "cdn";
  if (!page.officeLoaded()) {
    // The offline copy holds only what office.js loads outside Office: inside Office it would
    // wait for host files it does not have, and the pane would stay blank.
    if (page.insideOffice()) throw new OfficeDidNotStart("local");
    await page.loadLocalCopy();
    officeJs = "local";
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OfficeDidNotStart(officeJs)), page.timeoutMs);
  });
  try {
    const info = await Promise.race([page.onReady(), timedOut]);
    if (!info.host && page === PAGE) stopOfficeTelemetryFrame();
    return {
      host: info.host ? String(info.host) : null,
      platform: info.platform ? String(info.platform) : null,
      officeJs,
    };
  } finally {
    clearTimeout(timer);
  }
}
