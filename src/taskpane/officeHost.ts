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
  return {
    host: info.host ? String(info.host) : null,
    platform: info.platform ? String(info.platform) : null,
    officeJs,
  };
}
