/** Small page helpers of the grid: elements made with text set as text, and error wording. */
import { type ErrorValue, isErrorValueText } from "../../core/sheet/cells";

export type Make = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string
) => HTMLElementTagNameMap[K];

export function maker(doc: Document): Make {
  return (tag, className, text) => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
}

/** What a cell's error means when the function gave no message (Excel shows none for these). */
const ERROR_TITLES: Partial<Record<ErrorValue, string>> = {
  "#DIV/0!": "Division by zero: there is nothing to divide by.",
  "#NUM!": "The number is too large or not valid.",
  "#NULL!": "The ranges do not intersect.",
  "#REF!": "The formula refers to a cell that is not valid.",
  "#NAME?": "The formula uses a name the workbook does not know.",
  "#SPILL!": "The result cannot spill: other cells are in its way.",
  "#VALUE!": "A value in the formula is of the wrong type.",
  "#N/A": "A value is not available.",
};

/** An error value with its message, or what the value means when there is none. */
export function errorText(
  error: { readonly code: string; readonly message: string } | null
): string {
  if (!error) return "";
  return `${error.code}  ${error.message || (isErrorValueText(error.code) && ERROR_TITLES[error.code]) || ""}`.trim();
}
