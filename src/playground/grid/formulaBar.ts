/**
 * The formula bar: the name box (the selection's address; type an address and Enter to go
 * there), the formula input (what the active cell holds) and, under it, the message of an error
 * in the active cell.
 */
import { parseRangeAddress, splitSheetAddress } from "../../core/sheet/addresses";
import { localAddress } from "../../workbook/playground";
import { errorText, type Make } from "./dom";
import type { Grid } from "./grid";

export class FormulaBar {
  readonly bar: HTMLDivElement;
  readonly nameBox: HTMLInputElement;
  readonly input: HTMLInputElement;
  readonly message: HTMLDivElement;

  constructor(make: Make) {
    this.bar = make("div", "formula-bar");
    this.nameBox = make("input", "name-box");
    this.nameBox.setAttribute(
      "aria-label",
      "Name box: the selected cell; type an address and Enter to go there"
    );
    this.nameBox.spellcheck = false;
    const fx = make("span", "fx", "fx");
    this.input = make("input", "formula-input");
    this.input.id = "formula-input";
    this.input.setAttribute("aria-label", "Formula bar");
    this.input.spellcheck = false;
    this.input.autocomplete = "off";
    this.bar.append(this.nameBox, fx, this.input);
    this.message = make("div", "cell-message");
    this.message.id = "cell-message";
    this.message.setAttribute("role", "status");
    this.message.setAttribute("aria-live", "polite");
  }

  /** Shows the selection's address, the active cell's content (unless it is being edited) and its error. */
  render(grid: Grid, editing: boolean): void {
    const { workbook, selection, doc } = grid;
    if (doc.activeElement !== this.nameBox) this.nameBox.value = localAddress(selection.range());
    const cursor = selection.active();
    const view = workbook.cell(workbook.activeSheet, cursor.row, cursor.column);
    if (!editing) this.input.value = view.input;
    this.message.textContent = view.error ? errorText(view.error) : "";
    this.message.classList.toggle("shown", view.error !== null);
  }

  /** Enter in the name box goes to the address typed (another sheet's too); Escape gives up. */
  listen(grid: Grid): void {
    const { nameBox } = this;
    nameBox.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        nameBox.blur();
        grid.renderBar();
        grid.view.scroller.focus();
      }
      if (event.key !== "Enter") return;
      event.preventDefault();
      try {
        const { sheetName, local } = splitSheetAddress(nameBox.value);
        if (sheetName !== null) grid.workbook.activate(grid.workbook.sheetId(sheetName));
        grid.redraw();
        const range = parseRangeAddress(local);
        grid.selection.cells(
          { row: range.row, column: range.column },
          { row: range.row + range.rowCount - 1, column: range.column + range.columnCount - 1 }
        );
        grid.view.scroller.focus();
        grid.selectionChanged(grid.selection.anchor);
      } catch {
        nameBox.classList.add("invalid");
        setTimeout(() => nameBox.classList.remove("invalid"), 600);
      }
    });
  }
}
