/** The sheet tabs under the grid: one button a sheet, the active one marked. */
import type { Spreadsheet } from "../model/spreadsheet";
import type { Make } from "./dom";

export function renderTabs(
  tabs: HTMLElement,
  make: Make,
  workbook: Spreadsheet,
  /** Called before a tab switches sheets (an edit in progress is committed). */
  beforeSwitch: () => void,
  afterSwitch: () => void
): void {
  tabs.replaceChildren(
    ...workbook.sheetNames().map((name) => {
      const tab = make("button", "sheet-tab", name);
      tab.type = "button";
      const id = workbook.sheetId(name);
      tab.dataset["sheet"] = name;
      if (id === workbook.activeSheet) {
        tab.classList.add("active");
        tab.setAttribute("aria-current", "page");
      }
      tab.addEventListener("click", () => {
        beforeSwitch();
        if (id !== workbook.activeSheet) workbook.activate(id);
        afterSwitch();
      });
      return tab;
    })
  );
}
