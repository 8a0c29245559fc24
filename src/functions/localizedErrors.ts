/**
 * Custom-function error messages in the user's display language (issue: zh-CN first-class).
 * The core words every message once, in English; here each kind of message is matched and put
 * into Simplified Chinese, naming arguments by the Chinese parameter names Excel shows in the
 * zh-CN metadata. A message with no rule stays English (tests fail on any catalogued message that
 * does). Only #VALUE! and #N/A messages are ever shown, so only those are translated.
 */
/**
 * The Chinese parameter names of src/functions/locales/zh-CN.json, put in by the build
 * (webpack's DefinePlugin): functions.js loads at every Excel start, so it carries the names
 * only, not the translated descriptions, which Excel reads from functions.zh-CN.json.
 */
declare const __ZH_CN_PARAMETER_NAMES__: {
  readonly parameters: Record<string, { name: string }>;
  readonly functions: Record<string, { parameters?: Record<string, { name: string }> }>;
};

const translation = __ZH_CN_PARAMETER_NAMES__;

/** The display language Office reports to this runtime, or undefined outside Office. */
export function displayLanguage(): string | undefined {
  try {
    const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
    const language = office?.context?.displayLanguage;
    return typeof language === "string" && language ? language : undefined;
  } catch {
    return undefined; // office.js not ready: English
  }
}

export function isChinese(language: string | undefined): boolean {
  return (
    language !== undefined &&
    /^zh(-(cn|hans|sg))?/i.test(language) &&
    !/hant|tw|hk|mo/i.test(language)
  );
}

/** The Chinese name Excel shows for a parameter of `functionId`, or the name itself. */
function argumentName(functionId: string, name: string): string {
  return (
    translation.functions[functionId]?.parameters?.[name]?.name ??
    translation.parameters[name]?.name ??
    name
  );
}

const WHAT: Record<string, string> = {
  "revenue amounts": "收入金额",
  rates: "比率",
  "NPS scores": "NPS 评分",
  "CSAT scores": "CSAT 评分",
  "CES scores": "CES 评分",
};

const NEGATIVE: Record<string, string> = {
  "revenue cannot be below 0": "收入不能小于 0",
  "a retention rate cannot be below 0": "留存率不能小于 0",
};

const UNIT: Record<string, string> = { month: "月", quarter: "季度", year: "年" };

type Rule = readonly [RegExp, (m: RegExpExecArray, place: (text: string) => string) => string];

const shape = (rows: string, columns: string) => `${rows} 行 × ${columns} 列`;

/** Sentence rules, first match wins; `place` renders "end_mrr row 17" as "期末收入 第 17 行". */
const RULES: readonly Rule[] = [
  [
    /^(.+?): "(.*)" is text, not a number \(a number stored as text\? convert it with VALUE\)$/s,
    (m, p) =>
      `${p(m[1]!)}：“${m[2]}” 是文本，不是数字（是以文本形式存储的数字吗？请用 VALUE 函数转换）`,
  ],
  [
    /^(.+?): "(.*)" is text, not a number; (.+) must be numbers$/s,
    (m, p) => `${p(m[1]!)}：“${m[2]}” 是文本，不是数字；${WHAT[m[3]!] ?? m[3]}必须是数字`,
  ],
  [/^(.+?): "(.*)" is text, not a number$/s, (m, p) => `${p(m[1]!)}：“${m[2]}” 是文本，不是数字`],
  [
    /^(.+?): (TRUE|FALSE) is a logical value, not a number$/,
    (m, p) => `${p(m[1]!)}：${m[2]} 是逻辑值，不是数字`,
  ],
  [
    /^(.+?): (\S+) is negative; (.+)$/,
    (m, p) => `${p(m[1]!)}：${m[2]} 是负数；${NEGATIVE[m[3]!] ?? m[3]}`,
  ],
  [/^(.+?): (\S+) is not a finite number$/, (m, p) => `${p(m[1]!)}：${m[2]} 不是有限数值`],
  [
    /^(.+?): (\S+) is not a score; (.+) are whole numbers from (\S+) to (\S+)$/,
    (m, p) =>
      `${p(m[1]!)}：${m[2]} 不是有效评分；${WHAT[m[3]!] ?? m[3]}是 ${m[4]} 到 ${m[5]} 的整数`,
  ],
  [
    /^(.+?): (\S+) is not a whole number; (.+) are whole numbers from (\S+) to (\S+)$/,
    (m, p) => `${p(m[1]!)}：${m[2]} 不是整数；${WHAT[m[3]!] ?? m[3]}是 ${m[4]} 到 ${m[5]} 的整数`,
  ],
  [
    /^(.+?): (\S+) is outside the scale; (.+) are whole numbers from (\S+) to (\S+)$/,
    (m, p) =>
      `${p(m[1]!)}：${m[2]} 超出量表范围；${WHAT[m[3]!] ?? m[3]}是 ${m[4]} 到 ${m[5]} 的整数`,
  ],
  [
    /^(.+?): a data type \((.*)\) is not a number$/s,
    (m, p) => `${p(m[1]!)}：数据类型（${m[2]}）不是数字`,
  ],
  [
    /^(.+?): (.+) is not a number; amounts must be numbers$/s,
    (m, p) => `${p(m[1]!)}：${m[2]} 不是数字；金额必须是数字`,
  ],
  [/^(.+?): (.+) is not a number$/s, (m, p) => `${p(m[1]!)}：${m[2]} 不是数字`],
  [/^(.+?): (.+) cannot be used as a segment$/s, (m, p) => `${p(m[1]!)}：${m[2]} 不能用作细分`],
  [/^(.+?): (.+) cannot be read here$/s, (m, p) => `${p(m[1]!)}：无法读取 ${m[2]}`],
  [/^(.+?): (\S+) is not a segment$/, (m, p) => `${p(m[1]!)}：${m[2]} 不是有效的细分`],
  [
    /^(.+?) holds (#\S+); correct that cell first$/,
    (m, p) => `${p(m[1]!)} 含有 ${m[2]}；请先更正该单元格`,
  ],
  [/^(.+?) holds (#\S+)$/, (m, p) => `${p(m[1]!)} 含有 ${m[2]}`],
  [
    /^(.+?) is blank; every cell needs one of the (.+)$/,
    (m, p) => `${p(m[1]!)} 为空；每个单元格都必须有${WHAT[m[2]!] ?? m[2]}`,
  ],
  [
    /^(.+?) is blank while its amount is (.+); every entry needs a customer$/,
    (m, p) => `${p(m[1]!)} 为空，但其金额为 ${m[2]}；每条流水都必须有客户`,
  ],
  [
    /^(\w+) and (\w+) must be the same shape, one value per customer: (\w+) has (\d+) rows? × (\d+) columns?, (\w+) has (\d+) rows? × (\d+) columns?(, header rows not counted)?$/,
    (m, p) =>
      `${p(m[1]!)} 和 ${p(m[2]!)} 的形状必须相同（每位客户一个值）：${p(m[3]!)} 为 ${shape(m[4]!, m[5]!)}，${p(m[6]!)} 为 ${shape(m[7]!, m[8]!)}${m[9] ? "（不计表头行）" : ""}`,
  ],
  [
    /^(\w+) has (\d+) rows? × (\d+) columns? and (\w+) (\d+) rows? × (\d+) columns? without a header row: one row more, so every label would sit one row off; select \w+ over the same rows as \w+$/,
    (m, p) =>
      `${p(m[1]!)} 为 ${shape(m[2]!, m[3]!)}，而 ${p(m[4]!)} 为 ${shape(m[5]!, m[6]!)} 且没有表头行：多出一行，每个标签都会错开一行；请让 ${p(m[1]!)} 与 ${p(m[4]!)} 选择相同的行`,
  ],
  [
    /^customers has (\d+) rows and amounts (\d+) without a header row: one row more, so every id would sit one row off; select customers over the same rows as dates and amounts$/,
    (m, p) =>
      `${p("customers")} 有 ${m[1]} 行，而 ${p("amounts")} 有 ${m[2]} 行且没有表头行：多出一行，每个客户编号都会错开一行；请让 ${p("customers")} 与 ${p("dates")}、${p("amounts")} 选择相同的行`,
  ],
  [
    /^segments must have one row per ledger entry, like customers: segments has (\d+) rows, customers has (\d+)$/,
    (m, p) =>
      `${p("segments")} 必须每条流水一行，与 ${p("customers")} 相同：${p("segments")} 有 ${m[1]} 行，${p("customers")} 有 ${m[2]} 行`,
  ],
  [
    /^the result would be (\d+) rows × (\d+) columns, more than a sheet holds \((\d+) rows × (\d+) columns\); select fewer rows or columns$/,
    (m) =>
      `结果将有 ${m[1]} 行 × ${m[2]} 列，超出工作表的容量（${m[3]} 行 × ${m[4]} 列）；请选择更少的行或列`,
  ],
  [
    /^segment (.+) matches no row of segments \(segments holds the number (.+): give segment without quotes\)$/,
    (m, p) =>
      `${p("segment")} ${m[1]} 在${p("segments")}中没有匹配的行（${p("segments")}中是数字 ${m[2]}：请不加引号输入${p("segment")}）`,
  ],
  [
    /^segment (.+) matches no row of segments \(segments holds the text (.+): give segment in quotes\)$/,
    (m, p) =>
      `${p("segment")} ${m[1]} 在${p("segments")}中没有匹配的行（${p("segments")}中是文本 ${m[2]}：请加引号输入${p("segment")}）`,
  ],
  [
    /^segment (.+) matches no row of segments$/,
    (m, p) => `${p("segment")} ${m[1]} 在${p("segments")}中没有匹配的行`,
  ],
  [
    /^segment (.+) needs a segments range to pick it from$/,
    (m, p) => `${p("segment")} ${m[1]} 需要一个${p("segments")}区域`,
  ],
  [/^(\w+): (.+) is not TRUE or FALSE$/, (m, p) => `${p(m[1]!)}：${m[2]} 不是 TRUE 或 FALSE`],
  [
    /^(\w+): (.+) is not one of (.+)$/,
    (m, p) => `${p(m[1]!)}：${m[2]} 不是 ${m[3]!.replace(/, /g, "、")} 之一`,
  ],
  [
    /^(\w+): (\S+) must be a (whole number|number) from (\S+) to (\S+)$/,
    (m, p) =>
      `${p(m[1]!)}：${m[2]} 必须是 ${m[4]} 到 ${m[5]} 之间的${m[3] === "number" ? "数" : "整数"}`,
  ],
  [
    /^(\w+): (\S+) must be a (whole number|number) of at least (\S+)$/,
    (m, p) => `${p(m[1]!)}：${m[2]} 必须是不小于 ${m[4]} 的${m[3] === "number" ? "数" : "整数"}`,
  ],
  [
    /^(\w+): (\S+) must be a (whole number|number) of at most (\S+)$/,
    (m, p) => `${p(m[1]!)}：${m[2]} 必须是不大于 ${m[4]} 的${m[3] === "number" ? "数" : "整数"}`,
  ],
  [/^(\w+): (\S+) must be a whole number$/, (m, p) => `${p(m[1]!)}：${m[2]} 必须是整数`],
  [/^(\w+) is missing$/, (m, p) => `缺少${p(m[1]!)}`],
  [
    /^(\w+) must be a single value, not a range of (\d+) cells$/,
    (m, p) => `${p(m[1]!)} 必须是单个值，而不是 ${m[2]} 个单元格的区域`,
  ],
  [
    /^(\w+) must be one column, not (\d+) rows? × (\d+) columns?$/,
    (m, p) => `${p(m[1]!)} 必须是一列，而不是 ${shape(m[2]!, m[3]!)}`,
  ],
  [/^(\w+) is not a range of cells$/, (m, p) => `${p(m[1]!)} 不是单元格区域`],
  [
    /^(\w+) row (\d+) has a different number of columns from row 1$/,
    (m, p) => `${p(m[1]!)} 第 ${m[2]} 行的列数与第 1 行不同`,
  ],
  [/^(\w+) holds no rate$/, (m, p) => `${p(m[1]!)} 中没有比率`],
  [
    /^start_mrr holds no customer: there is nothing to label$/,
    (_m, p) => `${p("start_mrr")} 中没有客户：没有可标注的内容`,
  ],
  [
    /^history goes with a start_mrr of one column, one customer a row; start_mrr has (\d+) rows? × (\d+) columns?$/,
    (m, p) =>
      `${p("history")} 需要 ${p("start_mrr")} 为一列（每行一位客户）；${p("start_mrr")} 为 ${shape(m[1]!, m[2]!)}`,
  ],
  [
    /^history must have one row per customer, like start_mrr: history has (\d+) rows, start_mrr has (\d+)( \(header rows not counted\))?$/,
    (m, p) =>
      `${p("history")} 必须每位客户一行，与 ${p("start_mrr")} 相同：${p("history")} 有 ${m[1]} 行，${p("start_mrr")} 有 ${m[2]} 行${m[3] ? "（不计表头行）" : ""}`,
  ],
  [
    /^contraction \((\S+)\) and churn \((\S+)\) add up to more than start \((\S+)\): a cohort cannot lose more than it had$/,
    (m, p) =>
      `${p("contraction")}（${m[1]}）与${p("churn")}（${m[2]}）之和超过${p("start")}（${m[3]}）：一批客户损失的收入不能超过其原有收入`,
  ],
  [
    /^customers, dates and amounts must have one row per ledger entry: they have (\d+), (\d+) and (\d+) rows(, header rows not counted)?$/,
    (m, p) =>
      `${p("customers")}、${p("dates")} 和 ${p("amounts")} 必须每条流水一行：它们分别有 ${m[1]}、${m[2]} 和 ${m[3]} 行${m[4] ? "（不计表头行）" : ""}`,
  ],
  [
    /^(.+?): (.+) is not a date; use a date, a date serial or text like 2024-03-15$/s,
    (m, p) => `${p(m[1]!)}：${m[2]} 不是日期；请使用日期、日期序列号或 2024-03-15 这样的文字`,
  ],
  [
    /^the ledger holds no entry: customers, dates and amounts are all blank$/,
    (_m, p) => `流水中没有记录：${p("customers")}、${p("dates")} 和 ${p("amounts")} 全为空`,
  ],
  [
    /^customer (.+) has a negative total of (\S+) in the (month|quarter|year) starting (\S+); credits cannot exceed charges$/,
    (m) => `客户 ${m[1]} 在 ${m[4]} 开始的${UNIT[m[3]!]}合计为负数 ${m[2]}；贷项不能超过应收金额`,
  ],
  [
    /^the matrix would be (\d+) customers × (\d+) (month|quarter|year)s, more than a sheet can hold; use a longer period or a shorter ledger$/,
    (m) =>
      `矩阵将有 ${m[1]} 位客户 × ${m[2]} 个${UNIT[m[3]!]}，超出工作表的容量；请使用更长的期间或更短的流水`,
  ],
  [
    /^start_mrr row 1 and end_mrr row 1 hold the dates (\S+) and (\S+) \(a header row of dates\), not revenue: select the rows below the header, or make the header text such as 2024-01$/,
    (m, p) =>
      `${p("start_mrr")} 第 1 行和${p("end_mrr")} 第 1 行是日期 ${m[1]} 和 ${m[2]}（日期表头行），不是收入：请只选表头下面的行，或把表头改为 2024-01 这样的文字`,
  ],
  [
    /^mrr_matrix row 1 holds (.+) \(dates in a header row\?\), not revenue: select the rows below the header, or make the header text such as 2024-01$/,
    (m, p) =>
      `${p("mrr_matrix")} 第 1 行是 ${m[1]!.replace(/ and /g, "、")}（日期表头行？），不是收入：请只选表头下面的行，或把表头改为 2024-01 这样的文字`,
  ],
  [
    /^SAAS\.(\S+) failed unexpectedly \((.*)\); please report this with the inputs$/s,
    (m) => `SAAS.${m[1]} 意外失败（${m[2]}）；请连同输入一起报告此问题`,
  ],
];

/**
 * `message` (from the core, in English) in Simplified Chinese for function `functionId`;
 * unchanged when no rule knows it.
 *
 * @example toChinese("NRR", 'end_mrr row 17: "1,200" is text, not a number') === '期末收入 第 17 行：“1,200” 是文本，不是数字'
 */
export function toChinese(functionId: string, message: string): string {
  const place = (text: string) =>
    text.replace(
      /^([a-z_]+)(?: row (\d+))?(?:,? column (\d+))?$/,
      (_all, argument: string, row?: string, column?: string) => {
        const name = argumentName(functionId, argument);
        const rowText = row ? ` 第 ${row} 行` : "";
        const columnText = column ? `${row ? "" : " "}第 ${column} 列` : "";
        return `${name}${rowText}${columnText}`;
      }
    );
  for (const [pattern, render] of RULES) {
    const match = pattern.exec(message);
    if (match) return render(match, place);
  }
  return message;
}

/** The message in the display language Office reports, English otherwise. */
export function localizeMessage(
  functionId: string,
  message: string,
  language = displayLanguage()
): string {
  return isChinese(language) ? toChinese(functionId, message) : message;
}
