/**
 * The toolbar over the workbook: open a file (or drop one on the sheet), export as .xlsx, undo
 * and redo, the number format of the selected cells (and % in one click), a new sample or an
 * empty workbook, and whether the workbook is kept in this browser.
 */

/** The formats the format control offers: Excel's codes with what they look like. */
export const FORMAT_CHOICES: readonly { readonly code: string; readonly label: string }[] = [
  { code: "General", label: "General" },
  { code: "0.0%", label: "Percent 0.0%" },
  { code: "#,##0", label: "Number #,##0" },
  { code: "#,##0.00", label: "Number #,##0.00" },
  { code: "$#,##0", label: "Currency $#,##0" },
  { code: "$#,##0.00", label: "Currency $#,##0.00" },
  { code: "yyyy-mm-dd", label: "Date yyyy-mm-dd" },
  { code: "mmm yyyy", label: "Month mmm yyyy" },
];

export interface ToolbarActions {
  readonly open: (files: readonly File[]) => void;
  readonly exportXlsx: () => void;
  readonly undo: () => void;
  readonly redo: () => void;
  readonly format: (code: string) => void;
  readonly newSample: () => void;
  readonly clear: () => void;
}

export interface Toolbar {
  /** Enables undo and redo as the workbook allows. */
  history(canUndo: boolean, canRedo: boolean): void;
  /** Shows the format of the active cell in the format control. */
  showFormat(code: string | null): void;
  /** The line saying whether (and how much of) the workbook is kept. */
  keepStatus(text: string, warning?: boolean): void;
}

export function buildToolbar(root: HTMLElement, actions: ToolbarActions): Toolbar {
  const doc = root.ownerDocument;
  const button = (id: string, text: string, title: string, run: () => void) => {
    const node = doc.createElement("button");
    node.type = "button";
    node.id = id;
    node.textContent = text;
    node.title = title;
    node.addEventListener("click", run);
    return node;
  };
  const group = (...children: HTMLElement[]) => {
    const node = doc.createElement("div");
    node.className = "group";
    node.append(...children);
    return node;
  };

  const input = doc.createElement("input");
  input.type = "file";
  input.id = "open-file";
  input.accept = ".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values";
  input.multiple = true;
  input.addEventListener("change", () => {
    if (input.files && input.files.length > 0) actions.open([...input.files]);
    input.value = "";
  });
  const open = doc.createElement("label");
  open.className = "file-button";
  open.htmlFor = input.id;
  open.textContent = "Open…";
  open.title =
    "Add the sheets of a .csv, .tsv or .xlsx file (or drop one on the sheet). Nothing leaves this browser.";
  const exportButton = button(
    "export-xlsx",
    "Export .xlsx",
    "Download the workbook as an Excel file, =SAAS formulas kept",
    actions.exportXlsx
  );

  const undo = button("undo", "Undo", "Undo (Ctrl+Z)", actions.undo);
  const redo = button("redo", "Redo", "Redo (Ctrl+Y)", actions.redo);

  const select = doc.createElement("select");
  select.id = "number-format";
  select.title = "Number format of the selected cells";
  select.setAttribute("aria-label", "Number format of the selected cells");
  for (const choice of FORMAT_CHOICES) {
    const option = doc.createElement("option");
    option.value = choice.code;
    option.textContent = choice.label;
    select.append(option);
  }
  const custom = doc.createElement("option");
  custom.hidden = true;
  select.append(custom);
  select.addEventListener("change", () => actions.format(select.value));
  const percent = button(
    "format-percent",
    "%",
    "Show the selected cells as percentages (0.0%): rates such as NRR",
    () => actions.format("0.0%")
  );

  const sample = button(
    "new-sample",
    "New sample",
    "Start again from the generated sample workbook",
    actions.newSample
  );
  const clear = button("clear-workbook", "Clear", "Start from an empty workbook", actions.clear);

  const status = doc.createElement("span");
  status.id = "keep-status";
  status.className = "keep-status";
  status.setAttribute("role", "status");

  root.append(
    group(open, input, exportButton),
    group(undo, redo),
    group(select, percent),
    group(sample, clear),
    status
  );

  return {
    history(canUndo, canRedo) {
      undo.disabled = !canUndo;
      redo.disabled = !canRedo;
    },
    showFormat(code) {
      const shown = code ?? "General";
      const known = FORMAT_CHOICES.some((choice) => choice.code === shown);
      custom.hidden = known;
      custom.value = shown;
      custom.textContent = shown;
      select.value = shown;
    },
    keepStatus(text, warning = false) {
      status.textContent = text;
      status.classList.toggle("warning", warning);
    },
  };
}
