/**
 * Sheet names and A1 addresses: the one home of these small rules, shared by the messages that
 * name a cell, the layout check, the board pack's formulas and both WorkbookPort implementations.
 */

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME_LENGTH = 31;
/** Characters Excel refuses in a sheet name. */
const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;
/** Excel reserves this name (for change tracking) in every language. */
const RESERVED_SHEET_NAME = "history";

/**
 * A valid sheet name close to `wanted`: forbidden characters ([ ] : * ? / \) become "-",
 * control characters go, leading and trailing apostrophes and spaces go, the result is cut to 31
 * characters. An empty result becomes "Sheet".
 *
 * @example
 * validSheetName("Board pack: Q1/2024") // "Board pack- Q1-2024"
 */
export function validSheetName(wanted: string): string {
  const cleaned = wanted
    .replace(FORBIDDEN_IN_SHEET_NAME, "-")
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/^[\s']+|[\s']+$/g, "");
  const cut = truncate(cleaned, MAX_SHEET_NAME_LENGTH).replace(/[\s']+$/, "");
  return cut === "" ? "Sheet" : cut;
}

/**
 * A sheet name derived from `wanted` that no existing sheet has (Excel compares sheet names
 * without regard to case): the valid form of `wanted`, else "Name (2)", "Name (3)"… with the base
 * shortened so the whole stays within 31 characters. Never one of `existing`.
 *
 * @example
 * uniqueSheetName("Board pack", ["Data", "Board pack"])                // "Board pack (2)"
 * uniqueSheetName("Board pack", ["board PACK", "Board pack (2)"])      // "Board pack (3)"
 */
export function uniqueSheetName(wanted: string, existing: readonly string[]): string {
  const base = validSheetName(wanted);
  const taken = new Set(existing.map(foldCase));
  taken.add(RESERVED_SHEET_NAME);
  if (!taken.has(foldCase(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate =
      truncate(base, MAX_SHEET_NAME_LENGTH - suffix.length).replace(/[\s']+$/, "") + suffix;
    if (!taken.has(foldCase(candidate))) return candidate;
  }
}

/** Cuts by characters, never through a surrogate pair (an emoji stays whole or goes). */
function truncate(text: string, length: number): string {
  const characters = Array.from(text);
  return characters.length <= length ? text : characters.slice(0, length).join("");
}

function foldCase(name: string): string {
  return name.toLocaleUpperCase("en-US").toLocaleLowerCase("en-US");
}

/**
 * "Data", "'Q1 data'", "'It''s'": a sheet name as a formula or an address writes it. Quoted
 * unless it is a plain ASCII name that cannot be mistaken for a cell (A1, R1C1) or a logical
 * value; an apostrophe inside is doubled. Quoting is always valid, so anything else is quoted.
 *
 * @example quoteSheetName("MRR") === "MRR"; quoteSheetName("Q1 '24") === "'Q1 ''24'"
 */
export function quoteSheetName(name: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^R\d*C\d*$/i.test(name) &&
    !/^(TRUE|FALSE)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** An address split into its sheet (null when it names none) and the sheet-local part. */
export interface SheetAddress {
  readonly sheetName: string | null;
  readonly local: string;
}

/**
 * Splits "Sheet1!A1:D20" or "'Q1 ''24'!A1" into the sheet name and the local address.
 *
 * @example
 * splitSheetAddress("'Q1 ''24'!B2:C9") // { sheetName: "Q1 '24", local: "B2:C9" }
 * splitSheetAddress("B2:C9")           // { sheetName: null, local: "B2:C9" }
 */
export function splitSheetAddress(address: string): SheetAddress {
  const text = address.trim();
  if (text.startsWith("'")) {
    // A quoted name: '' stands for one apostrophe; the name ends at a lone ' before "!".
    let name = "";
    for (let i = 1; i < text.length; i++) {
      const character = text[i];
      if (character === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i++;
          continue;
        }
        if (text[i + 1] !== "!") break;
        return { sheetName: name, local: text.slice(i + 2) };
      }
      name += character;
    }
    throw new Error(`"${address}" is not a range address`);
  }
  const bang = text.lastIndexOf("!");
  return bang < 0
    ? { sheetName: null, local: text }
    : { sheetName: text.slice(0, bang), local: text.slice(bang + 1) };
}

/** The 0-based row and column of a cell. */
export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

/** A sheet-local rectangle: top-left cell and size. */
export interface LocalRange extends CellPosition {
  readonly rowCount: number;
  readonly columnCount: number;
}

/**
 * The position of a single-cell A1 address ("B2", "$B$2").
 *
 * @example
 * parseCellAddress("C10") // { row: 9, column: 2 }
 */
export function parseCellAddress(address: string): CellPosition {
  const match = /^\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})\s*$/.exec(address);
  const row = Number(match?.[2]);
  if (!match || row < 1) throw new Error(`"${address}" is not a cell address such as B2`);
  return { row: row - 1, column: columnIndex(match[1] ?? "") };
}

/**
 * The rectangle of a sheet-local A1 range ("B2:M40", or one cell "B2"). Whole rows or columns
 * ("B:B") are refused: a board pack always knows its cells.
 *
 * @example
 * parseRangeAddress("B2:D3") // { row: 1, column: 1, rowCount: 2, columnCount: 3 }
 */
export function parseRangeAddress(address: string): LocalRange {
  const [first, second, extra] = address.split(":");
  if (first === undefined || extra !== undefined)
    throw new Error(`"${address}" is not a range address such as B2:D9`);
  const start = parseCellAddress(first);
  const end = second === undefined ? start : parseCellAddress(second);
  const row = Math.min(start.row, end.row);
  const column = Math.min(start.column, end.column);
  return {
    row,
    column,
    rowCount: Math.abs(end.row - start.row) + 1,
    columnCount: Math.abs(end.column - start.column) + 1,
  };
}

/**
 * The A1 address of a 0-based cell position.
 *
 * @example
 * cellAddress({ row: 0, column: 27 }) // "AB1"
 */
export function cellAddress(position: CellPosition): string {
  return `${columnLetters(position.column)}${position.row + 1}`;
}

/** "A" for column 0, "AB" for column 27. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** "$C$2" for 0-based row 1, column 2. */
export function absoluteCell(row: number, column: number): string {
  return `$${columnLetters(column)}$${row + 1}`;
}

/** "A1:C9": a range on the sheet at hand, for formats, colour scales and charts. */
export function localRange(
  firstRow: number,
  firstColumn: number,
  lastRow: number,
  lastColumn: number
): string {
  return `${cellAddress({ row: firstRow, column: firstColumn })}:${cellAddress({ row: lastRow, column: lastColumn })}`;
}

/**
 * An absolute range ("$C$2:$C$301", or "$C$2" for one cell), prefixed with its sheet when given.
 *
 * @example absoluteRange("Q1 data", 1, 2, 300, 2) === "'Q1 data'!$C$2:$C$301"
 */
export function absoluteRange(
  sheetName: string | null,
  firstRow: number,
  firstColumn: number,
  lastRow: number,
  lastColumn: number
): string {
  const prefix = sheetName === null ? "" : `${quoteSheetName(sheetName)}!`;
  const first = absoluteCell(firstRow, firstColumn);
  if (firstRow === lastRow && firstColumn === lastColumn) return prefix + first;
  return `${prefix}${first}:${absoluteCell(lastRow, lastColumn)}`;
}

/**
 * The top-left cell of a sheet-local range as Excel may give it: "B2:C9", "$B$2", a whole column
 * "B:D" (row 1) or whole rows "3:4" (column A); null for anything else (a name, an array).
 *
 * @example rangeTopLeft("$C$5:$C$40") → { row: 4, column: 2 }; rangeTopLeft("E:E") → { row: 0, column: 4 }
 */
export function rangeTopLeft(local: string): CellPosition | null {
  const first = local.trim().split(":")[0] ?? "";
  const match = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/.exec(first);
  if (match === null || (match[1] === undefined && match[2] === undefined)) return null;
  const row = match[2] === undefined ? 0 : Number(match[2]) - 1;
  const column = match[1] === undefined ? 0 : columnIndex(match[1]);
  return row >= 0 ? { row, column } : null;
}
