/**
 * How each language words the structured parameters of a message (render.ts): where a cell is,
 * a quoted value, a range's shape, a list, a column, a period. A cell's place is named by its
 * sheet address when Excel gave the range's address ("end_mrr C18"), else by its row within the
 * range ("end_mrr row 17"): the first is what the user clicks, the second all a function knows
 * without it.
 */
import {
  type CellPlace,
  type Message,
  type MessageParam,
  type QuotedCell,
  type Term,
  cellAddress,
  quoteSheetName,
  rangeTopLeft,
  splitSheetAddress,
} from "../core";
import type { Language } from "./language";
import { accented } from "./pseudo";
import { plainNumber } from "./render";

/** Where the arguments of the call being described sit, when the host said so. */
export interface CallContext {
  /** The range address of an argument ("Sheet1!B2:B301"), or undefined when not given. */
  readonly addressOf?: (argument: string) => string | undefined;
  /** The sheet of the calling cell: a range on that sheet is named without it. */
  readonly callerSheet?: string | null;
}

/** The words a language has for the pieces of messages. */
export interface LanguageWords {
  readonly terms: Readonly<Record<Term, string>>;
  /** "end_mrr row 17", "期末收入 第 17 行": a cell named by its row and column within the range. */
  placeByRow(name: string, place: CellPlace): string;
  /** "end_mrr C18", "期末收入 C18": a cell named by its sheet address. */
  placeByAddress(name: string, address: string): string;
  quotedText(text: string): string;
  quotedCell(cell: QuotedCell): string;
  shape(rows: number, columns: number): string;
  /** Items joined as the language joins a list; `more` items beyond them are counted. */
  list(items: readonly string[], more: number): string;
  column(letters: string, header: string | undefined): string;
  choices(choices: readonly string[]): string;
}

const EN_CELL_OTHER: Readonly<Record<string, string>> = {
  blank: "blank",
  nestedArray: "a nested array",
  object: "an object",
};

export const ENGLISH: Omit<LanguageWords, "terms"> = {
  placeByRow(name, place) {
    if (place.columns === 1) return `${name} row ${place.row + 1}`;
    if (place.rows === 1) return `${name} column ${place.column + 1}`;
    return `${name} row ${place.row + 1}, column ${place.column + 1}`;
  },
  placeByAddress: (name, address) => `${name} ${address}`,
  quotedText: (text) => `"${text}"`,
  quotedCell: (cell) =>
    quotedCell(
      cell,
      ENGLISH.quotedText,
      EN_CELL_OTHER,
      (type, text) =>
        text === undefined ? `a data type (${type})` : `a data type (${type} "${text}")`,
      (type) => `a ${type} value without a number`,
      (type) => `a ${type} value`
    ),
  shape: (rows, columns) =>
    `${rows} ${rows === 1 ? "row" : "rows"} × ${columns} ${columns === 1 ? "column" : "columns"}`,
  list(items, more) {
    if (more > 0) return `${items.join(", ")} and ${more} more`;
    if (items.length <= 2) return items.join(" and ");
    return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1] as string}`;
  },
  column: (letters, header) => (header ? `column ${letters} ("${header}")` : `column ${letters}`),
  choices: (choices) => choices.map((choice) => `"${choice}"`).join(", "),
};

const ZH_CELL_OTHER: Readonly<Record<string, string>> = {
  blank: "空白",
  nestedArray: "嵌套数组",
  object: "对象",
};

export const CHINESE: Omit<LanguageWords, "terms"> = {
  placeByRow(name, place) {
    if (place.columns === 1) return `${name} 第 ${place.row + 1} 行`;
    if (place.rows === 1) return `${name} 第 ${place.column + 1} 列`;
    return `${name} 第 ${place.row + 1} 行第 ${place.column + 1} 列`;
  },
  placeByAddress: (name, address) => `${name} ${address}`,
  quotedText: (text) => `“${text}”`,
  quotedCell: (cell) =>
    quotedCell(
      cell,
      CHINESE.quotedText,
      ZH_CELL_OTHER,
      (type, text) =>
        text === undefined ? `数据类型（${type}）` : `数据类型（${type} "${text}"）`,
      (type) => `没有数字的 ${type} 值`,
      (type) => `${type} 值`
    ),
  shape: (rows, columns) => `${rows} 行 × ${columns} 列`,
  list: (items, more) => (more > 0 ? `${items.join("、")} 等另外 ${more} 项` : items.join("、")),
  column: (letters, header) => (header ? `${letters} 列（“${header}”）` : `${letters} 列`),
  choices: (choices) => choices.map((choice) => `"${choice}"`).join("、"),
};

function quotedCell(
  cell: QuotedCell,
  quote: (text: string) => string,
  other: Readonly<Record<string, string>>,
  dataType: (type: string, text: string | undefined) => string,
  withoutNumber: (type: string) => string,
  jsValue: (type: string) => string
): string {
  switch (cell.kind) {
    case "number":
      return plainNumber(cell.value);
    case "text":
      return quote(cell.text);
    case "boolean":
      return cell.value ? "TRUE" : "FALSE";
    case "error":
      return cell.code;
    case "dataType":
      return dataType(cell.type, cell.text);
    case "dataTypeWithoutNumber":
      return withoutNumber(cell.type);
    case "jsValue":
      return jsValue(cell.type);
    default:
      return other[cell.kind] ?? cell.kind;
  }
}

/**
 * The sheet cell of `place`, from the range address Excel gave for its argument: the range's
 * top-left cell moved by the place's row and column, with the sheet named unless it is the
 * calling cell's. Undefined when the address is missing or not a range (a literal, an array).
 *
 * @example cellOfPlace("MRR!$C$2:$C$301", { row: 16, column: 0, … }, "Summary") === "MRR!C18"
 */
export function cellOfPlace(
  address: string | undefined,
  place: CellPlace,
  callerSheet: string | null | undefined
): string | undefined {
  if (address === undefined || address.trim() === "") return undefined;
  let sheetName: string | null;
  let local: string;
  try {
    ({ sheetName, local } = splitSheetAddress(address));
  } catch {
    return undefined;
  }
  const topLeft = rangeTopLeft(local);
  if (topLeft === null) return undefined;
  const cell = cellAddress({ row: topLeft.row + place.row, column: topLeft.column + place.column });
  const sameSheet =
    sheetName === null ||
    (callerSheet !== undefined && callerSheet !== null && sameSheetName(sheetName, callerSheet));
  return sameSheet ? cell : `${quoteSheetName(sheetName as string)}!${cell}`;
}

function sameSheetName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("en-US") === b.toLocaleLowerCase("en-US");
}

/** A structured parameter in words, for `words` in a call described by `context`. */
export function wordParam(
  value: Exclude<MessageParam, string | number>,
  words: LanguageWords,
  argumentName: (name: string) => string,
  context: CallContext,
  period: (start: string, unit: "month" | "quarter" | "year") => string,
  render: (message: Message) => string
): string {
  if ("place" in value) {
    const { place } = value;
    const name = argumentName(place.argument);
    const address = cellOfPlace(context.addressOf?.(place.argument), place, context.callerSheet);
    return address === undefined
      ? words.placeByRow(name, place)
      : words.placeByAddress(name, address);
  }
  if ("argument" in value) return argumentName(value.argument);
  if ("cell" in value) return words.quotedCell(value.cell);
  if ("shape" in value) return words.shape(value.shape.rows, value.shape.columns);
  if ("choices" in value) return words.choices(value.choices);
  if ("label" in value) {
    const label = value.label;
    if (typeof label === "string") return `"${label}"`;
    return typeof label === "boolean" ? (label ? "TRUE" : "FALSE") : plainNumber(label);
  }
  if ("term" in value) return words.terms[value.term];
  if ("quoted" in value) return words.quotedText(value.quoted);
  if ("column" in value) return words.column(value.column.letters, value.column.header);
  if ("period" in value) return period(value.period.start, value.period.unit);
  if ("nested" in value) return render(value.nested);
  const limit = value.limit ?? value.list.length;
  const shown = value.list
    .slice(0, limit)
    .map((item) =>
      typeof item === "string"
        ? item
        : typeof item === "number"
          ? plainNumber(item)
          : wordParam(item, words, argumentName, context, period, render)
    );
  return words.list(shown, Math.max(0, value.list.length - limit));
}

/**
 * The pseudo-locale's words: English's with their own letters accented (never the names and
 * values they carry), so that a test sees every word the code supplies as the catalogue's.
 */
const PSEUDO: Omit<LanguageWords, "terms"> = {
  ...ENGLISH,
  placeByRow(name, place) {
    const [row, column] = [accented("row"), accented("column")];
    if (place.columns === 1) return `${name} ${row} ${place.row + 1}`;
    if (place.rows === 1) return `${name} ${column} ${place.column + 1}`;
    return `${name} ${row} ${place.row + 1}, ${column} ${place.column + 1}`;
  },
  quotedCell: (cell) =>
    quotedCell(
      cell,
      ENGLISH.quotedText,
      {
        blank: accented("blank"),
        nestedArray: accented("a nested array"),
        object: accented("an object"),
      },
      (type, text) =>
        text === undefined
          ? `${accented("a data type")} (${type})`
          : `${accented("a data type")} (${type} "${text}")`,
      (type) => `${accented("a")} ${type} ${accented("value without a number")}`,
      (type) => `${accented("a")} ${type} ${accented("value")}`
    ),
  shape: (rows, columns) => accented(ENGLISH.shape(rows, columns)),
  list(items, more) {
    const and = ` ${accented("and")} `;
    if (more > 0) return `${items.join(", ")}${and}${more} ${accented("more")}`;
    if (items.length <= 2) return items.join(and);
    return `${items.slice(0, -1).join(", ")}${and}${items[items.length - 1] as string}`;
  },
  column: (letters, header) =>
    header ? `${accented("column")} ${letters} ("${header}")` : `${accented("column")} ${letters}`,
};

/** The words of `language`. */
export function wordsOf(language: Language, terms: Readonly<Record<Term, string>>): LanguageWords {
  const words = language === "zh-CN" ? CHINESE : language === "qps-ploc" ? PSEUDO : ENGLISH;
  return { ...words, terms };
}
