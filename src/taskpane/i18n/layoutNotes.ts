/**
 * The layout check's notes (src/core/layout.ts words them once, in English) in Simplified
 * Chinese for the pane. Each kind of note is matched and rewritten; a note no rule knows stays
 * English and the pane says so. Column and row references, period names and list joins are
 * rewritten inside every note.
 */

const MONTHS: Record<string, number> = {
  Jan: 1,
  Feb: 2,
  Mar: 3,
  Apr: 4,
  May: 5,
  Jun: 6,
  Jul: 7,
  Aug: 8,
  Sep: 9,
  Oct: 10,
  Nov: 11,
  Dec: 12,
};

/** "column C ("Plan")" → "C 列（“Plan”）"; "Mar 2024" → "2024年3月"; "a, b and c" → "a、b、c". */
function fragments(text: string): string {
  return text
    .replace(/\bcolumn ([A-Z]{1,3}) \("([^"]*)"\)/gi, "$1 列（“$2”）")
    .replace(/\bcolumn ([A-Z]{1,3})\b/gi, "$1 列")
    .replace(/\brow (\d+): /g, "第 $1 行：")
    .replace(
      /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4})\b/g,
      (_m, month: string, year: string) => `${year}年${MONTHS[month]}月`
    )
    .replace(/\bQ([1-4]) (\d{4})\b/g, "$2年第$1季度")
    .replace(/ and (\d+) more$/, " 等另外 $1 项")
    .replace(/, /g, "、")
    .replace(/ and /g, "、");
}

type Rule = readonly [RegExp, (m: RegExpExecArray) => string];

const SCALES: Record<string, string> = {
  "NPS (0–10)": "NPS（0–10）",
  "CSAT (1–5)": "CSAT（1–5）",
  "CES (1–7)": "CES（1–7）",
};

const WHY: Record<string, string> = {
  "equals the sum of the rows above it": "等于上方各行之和",
  "has no customer or date and its amount equals the sum of the amounts above":
    "没有客户或日期，且金额等于上方金额之和",
};

const RULES: readonly Rule[] = [
  [
    /^Row (\d+) \("(.*)"\) is a totals row and is left out\.$/s,
    (m) => `第 ${m[1]} 行（“${m[2]}”）是合计行，已排除。`,
  ],
  [/^Blank rows? (.+) skipped\.$/, (m) => `已跳过空行 ${fragments(m[1]!)}。`],
  [
    /^Row (\d+) (.+), so it is read as a totals row and left out\.$/,
    (m) => `第 ${m[1]} 行${WHY[m[2]!] ?? m[2]}，因此视为合计行并已排除。`,
  ],
  [
    /^Columns ([A-Z]+) and ([A-Z]+) are both (.+); only column ([A-Z]+) is used\.$/,
    (m) => `${m[1]} 列和 ${m[2]} 列都是 ${fragments(m[3]!)}；只使用 ${m[4]} 列。`,
  ],
  [
    /^The period columns are not in date order on the sheet; they are read in date order\.$/,
    () => "工作表上的期间列不是按日期顺序排列的；已按日期顺序读取。",
  ],
  [
    /^The periods are not contiguous: no column for (.+)\.$/,
    (m) => `期间不连续：缺少 ${fragments(m[1]!)} 的列。`,
  ],
  [
    /^Fiscal-year labels are read as calendar periods \(FY2024 as January–December 2024\); change the mapping if your fiscal year starts in another month\.$/,
    () =>
      "财年标签按日历期间读取（FY2024 即 2024 年 1–12 月）；如果您的财年从其他月份开始，请修改映射。",
  ],
  [
    /^Rows? (.+) (?:has|have) amounts but no customer and (?:is|are) left out\.$/,
    (m) => `第 ${fragments(m[1]!)} 行有金额但没有客户，已排除。`,
  ],
  [
    /^(.+) appears? on more than one row; each row is read as its own customer\.$/s,
    (m) => `${fragments(m[1]!)} 出现在多行中；每行都作为单独的客户读取。`,
  ],
  [
    /^No column names the customers; each row is read as one customer\.$/,
    () => "没有列标明客户；每行作为一位客户读取。",
  ],
  [
    /^Some period cells hold text instead of amounts \((.+)\)\.$/s,
    (m) => `部分期间单元格是文字而不是金额（${fragments(m[1]!)}）。`,
  ],
  [
    /^(.+) (?:is|are) neither a period nor a segment and (?:is|are) not used\.$/s,
    (m) => `${fragments(m[1]!)} 既不是期间也不是细分，未使用。`,
  ],
  [
    /^Both (.+) and (.+) hold numbers that could be dates; (.+) is read as the date\. Change the mapping if that is wrong\.$/s,
    (m) => `${m[1]} 和 ${m[2]} 中的数字都可能是日期；已把 ${m[3]} 作为日期读取。如有误请修改映射。`,
  ],
  [
    /^The dates are not in order \(row (\d+) is earlier than the row above it\); that is fine, entries are grouped by customer and period whatever their order\.$/,
    (m) =>
      `日期没有按顺序排列（第 ${m[1]} 行早于上一行）；这没有关系，无论顺序如何，记录都会按客户和期间归并。`,
  ],
  [
    /^Some cells in (.+) are not dates \((.+)\)\.$/s,
    (m) => `${m[1]} 中有些单元格不是日期（${fragments(m[2]!)}）。`,
  ],
  [
    /^Some cells in (.+) are not numbers \((.+)\)\.$/s,
    (m) => `${m[1]} 中有些单元格不是数字（${fragments(m[2]!)}）。`,
  ],
  [
    /^(.+) is read as (.+) scores \((.+)\); change the scale if that is wrong\.$/s,
    (m) => {
      const why =
        m[3] === "its header says so"
          ? "表头如此标明"
          : m[3]!.replace(/^the answers run from (\S+) to (\S+)$/, "答案范围为 $1 到 $2");
      return `${fragments(m[1]!)} 按 ${SCALES[m[2]!] ?? m[2]} 评分读取（${why}）；如有误请修改量表。`;
    },
  ],
  [
    /^(\d+) rows? ha(?:s|ve) no score and (?:is|are) not counted as answers\.$/,
    (m) => `${m[1]} 行没有评分，不计为答卷。`,
  ],
  [
    /^No header names a score column; (.+) holds whole numbers from 0 to 10 and is read as the scores\.$/s,
    (m) => `没有表头标明评分列；${fragments(m[1]!)} 是 0 到 10 的整数，已作为评分读取。`,
  ],
];

/** The note in Chinese, or null when no rule knows it (the pane then shows it in English). */
export function layoutNoteInChinese(note: string): string | null {
  for (const [pattern, render] of RULES) {
    const match = pattern.exec(note);
    if (match) return render(match);
  }
  return null;
}
