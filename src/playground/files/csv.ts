/**
 * CSV and TSV files, and a range copied from Excel or Google Sheets (tab-separated text with
 * quoted cells where a cell holds a tab, a line break or a quote), parsed with Papa Parse.
 */
import Papa from "papaparse";

/** Rows of cell texts; trailing empty lines dropped, rows padded to the same width. */
export function parseDelimited(text: string, delimiter?: "," | "\t" | ";"): string[][] {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    delimiter: delimiter ?? "",
    skipEmptyLines: false,
  });
  const rows = result.data.filter((row) => Array.isArray(row));
  while (rows.length > 0 && (rows[rows.length - 1] as string[]).every((cell) => cell === ""))
    rows.pop();
  const width = Math.max(0, ...rows.map((row) => row.length));
  return rows.map((row) =>
    row.length === width ? row : [...row, ...new Array<string>(width - row.length).fill("")]
  );
}

/**
 * Text from the clipboard as rows of cells: what Excel and Google Sheets put there for a range
 * (tab-separated, lines ending in a line break, cells with tabs or line breaks in quotes).
 * Text without a tab is one column of lines.
 */
export function parseClipboard(text: string): string[][] {
  const trimmed = text.replace(/\r?\n$/, "");
  if (trimmed === "") return [];
  return parseDelimited(trimmed, "\t");
}
