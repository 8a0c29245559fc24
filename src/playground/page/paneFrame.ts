/** The task pane docked beside the workbook: the add-in's own taskpane.html in a frame. */

/**
 * A frame loading the task pane. office.js, outside Office and in a frame, sends its page to
 * about:blank ("The add-in is not hosted in plain browser top window") unless the page defines
 * `OsfOptOut`; with it, Office.onReady resolves with no host, as in a browser tab. The pane's
 * page is of this origin and shares this page's event loop, so the flag is set on it as soon as
 * its document exists: office.js checks only after it has fetched itself and its mapping table,
 * several network round trips later.
 */
export function taskPaneFrame(area: HTMLElement): HTMLIFrameElement {
  const frame = document.createElement("iframe");
  frame.id = "taskpane-frame";
  frame.title = "Retention Metrics task pane";
  frame.src = "taskpane.html";
  area.append(frame);
  const channel = new MessageChannel();
  const giveUp = Date.now() + 20_000;
  channel.port1.onmessage = () => {
    const paneWindow = frame.contentWindow as unknown as Record<string, unknown> | null;
    let url = "";
    try {
      url = frame.contentDocument?.URL ?? "";
    } catch {
      return; // navigated elsewhere (not this origin): nothing to do
    }
    if (paneWindow && url.includes("taskpane.html")) {
      paneWindow["OsfOptOut"] = true;
      channel.port1.close();
    } else if (Date.now() < giveUp && frame.isConnected) {
      channel.port2.postMessage(null); // next task, without setTimeout's 4 ms clamp
    } else {
      channel.port1.close();
    }
  };
  channel.port2.postMessage(null);
  return frame;
}
