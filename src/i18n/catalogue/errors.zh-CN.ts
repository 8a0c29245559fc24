/**
 * The functions' messages in Simplified Chinese: the same codes as errors.en.ts, arguments named
 * by the Chinese parameter names Excel shows in the zh-CN metadata ({@start_mrr} → 期初收入).
 */
import type { ErrorCode, Term } from "../../core";

export const errorsZhCn: Readonly<Record<ErrorCode, string>> = {
  "cell.passedOn": "{message}",
  "cell.errorValue": "{where} 含有 {code}",
  "cell.errorToCorrect": "{where} 含有 {code}；请先更正该单元格",
  "cell.textLikeNumber":
    "{where}：{value} 是文本，不是数字（是以文本形式存储的数字吗？请用 VALUE 函数转换）",
  "cell.text": "{where}：{value} 是文本，不是数字；{what}必须是数字",
  "cell.textOption": "{where}：{value} 是文本，不是数字",
  "cell.logical": "{where}：{value} 是逻辑值，不是数字",
  "cell.notFinite": "{where}：{value} 不是有限数值",
  "cell.notNumber": "{where}：{value} 不是数字",
  "cell.blank": "{where} 为空",
  "cell.blankNeeded": "{where} 为空；每个单元格都必须有{what}",
  "cell.negative": "{where}：{value} 是负数；{rule}",
  "cell.cannotBeRead": "{where}：无法读取 {value}",
  "cell.cannotBeSegment": "{where}：{value} 不能用作细分",
  "cell.notSegment": "{where}：{value} 不是有效的细分",

  "score.notScore": "{where}：{value} 不是有效评分；{what}是 {min} 到 {max} 的整数",
  "score.notWhole": "{where}：{value} 不是整数；{what}是 {min} 到 {max} 的整数",
  "score.outside": "{where}：{value} 超出量表范围；{what}是 {min} 到 {max} 的整数",
  "scores.noCells": "{argument} 中没有单元格：没有可标注的内容",
  "csat.notMethod":
    "{where}：{value} 不是 {choices} 之一，也不是 {min} 到 {max} 的整数评分（即该评分及以上答案的比例）",
  "csat.topThreeOfSmallScale":
    '{where}："top3" 需要 3 分以上的量表；在 1 到 {max} 的量表上它会计入所有答案',
  "share.successesExceedTrials":
    "{@successes}（{successes}）大于 {@trials}（{trials}）：比例不能超过 1",

  "range.notCells": "{argument} 不是单元格区域",
  "range.ragged": "{where}的列数与第 1 行不同",
  "range.sameShape":
    "{first} 和 {second} 的形状必须相同（每位客户一个值）：{first} 为 {firstShape}，{second} 为 {secondShape}",
  "range.sameShapeWithoutHeaders":
    "{first} 和 {second} 的形状必须相同（每位客户一个值）：{first} 为 {firstShape}，{second} 为 {secondShape}（不计表头行）",
  "range.oneColumn": "{argument} 必须是一列，而不是 {shape}",
  "range.segmentsOffByOne":
    "{labels} 为 {labelsShape}，而 {data} 为 {dataShape} 且没有表头行：多出一行，每个标签都会错开一行；请让 {labels} 与 {data} 选择相同的行",
  "range.dateHeaderPair":
    "{start}和{end}是日期 {startDate} 和 {endDate}（日期表头行），不是收入：请只选表头下面的行，或把表头改为 2024-01 这样的文字",
  "range.dateHeaderMatrix":
    "{where}是 {dates}（日期表头行？），不是收入：请只选表头下面的行，或把表头改为 2024-01 这样的文字",

  "option.singleValue": "{argument} 必须是单个值，而不是 {cells} 个单元格的区域",
  "option.notBoolean": "{where}：{value} 不是 TRUE 或 FALSE",
  "option.notChoice": "{where}：{value} 不是 {choices} 之一",
  "option.missing": "缺少{argument}",
  "movers.oneColumn": "{argument} 必须是一列，每个客户一行",
  "movers.customersRows":
    "{@customers} 必须与 {@start_mrr} 一样每个客户一行：{@customers} 有 {customerRows} 行，{@start_mrr} 有 {startRows} 行",
  "number.between": "{where}：{value} 必须是 {min} 到 {max} 之间的数",
  "number.atLeast": "{where}：{value} 必须是不小于 {min} 的数",
  "number.atMost": "{where}：{value} 必须是不大于 {max} 的数",
  "whole.between": "{where}：{value} 必须是 {min} 到 {max} 之间的整数",
  "whole.atLeast": "{where}：{value} 必须是不小于 {min} 的整数",
  "whole.atMost": "{where}：{value} 必须是不大于 {max} 的整数",
  "whole.only": "{where}：{value} 必须是整数",
  "number.aboveAtMost": "{where}：{value} 必须是大于 {min} 且不大于 {max} 的数",
  "number.inside": "{where}：{value} 必须是大于 {min} 且小于 {max} 的数",

  "segment.needsSegments": "{@segment} {segment} 需要一个{@segments}区域",
  "segment.noMatch": "{@segment} {segment} 在{@segments}中没有匹配的行",
  "segment.noMatchIsNumber":
    "{@segment} {segment} 在{@segments}中没有匹配的行（{@segments}中是数字 {found}：请不加引号输入{@segment}）",
  "segment.noMatchIsText":
    "{@segment} {segment} 在{@segments}中没有匹配的行（{@segments}中是文本 {found}：请加引号输入{@segment}）",

  "history.oneColumn":
    "{@history} 需要 {@start_mrr} 为一列（每行一位客户）；{@start_mrr} 为 {shape}",
  "history.rows":
    "{@history} 必须每位客户一行，与 {@start_mrr} 相同：{@history} 有 {historyRows} 行，{@start_mrr} 有 {startRows} 行",
  "history.rowsWithoutHeaders":
    "{@history} 必须每位客户一行，与 {@start_mrr} 相同：{@history} 有 {historyRows} 行，{@start_mrr} 有 {startRows} 行（不计表头行）",
  "parts.lossesExceedStart":
    "{@contraction}（{contraction}）与{@churn}（{churn}）之和超过{@start}（{start}）：一批客户损失的收入不能超过其原有收入",
  "rates.none": "{argument} 中没有比率",
  "movement.noCustomer": "{argument} 中没有客户：没有可标注的内容",
  "trailing.tooFewPeriods":
    "{argument} 有 {periods} 个期间；计算最近 {months} 个期间的平均流失率需要 {needed} 个：还需要它们之前的一个期间，以及作为未完成期间被排除的最新期间",

  "ledger.rows":
    "{@customers}、{@dates} 和 {@amounts} 必须每条流水一行：它们分别有 {customerRows}、{dateRows} 和 {amountRows} 行",
  "ledger.rowsWithoutHeaders":
    "{@customers}、{@dates} 和 {@amounts} 必须每条流水一行：它们分别有 {customerRows}、{dateRows} 和 {amountRows} 行（不计表头行）",
  "ledger.customersOffByOne":
    "{@customers} 有 {customerRows} 行，而 {@amounts} 有 {amountRows} 行且没有表头行：多出一行，每个客户编号都会错开一行；请让 {@customers} 与 {@dates}、{@amounts} 选择相同的行",
  "ledger.customerBlank": "{where} 为空，但其金额为 {amount}；每条流水都必须有客户",
  "ledger.amountNotNumber": "{where}：{value} 不是数字；金额必须是数字",
  "ledger.notDate": "{where}：{value} 不是日期；请使用日期、日期序列号或 2024-03-15 这样的文字",
  "ledger.empty": "流水中没有记录：{@customers}、{@dates} 和 {@amounts} 全为空",
  "ledger.tooLarge":
    "矩阵将有 {customers} 位客户 × {periods} 个{unit}，超出工作表的容量；请使用更长的期间或更短的流水",
  "ledger.negativeTotal":
    "客户 {customer} 在 {start} 开始的{unit}合计为负数 {total}；贷项不能超过应收金额",
  "ledger.overflow": "客户 {customer} 在 {start} 开始的{unit}金额过大，无法相加",
  "ledger.segmentsRows":
    "{@segments} 必须每条流水一行，与 {@customers} 相同：{@segments} 有 {segmentRows} 行，{@customers} 有 {customerRows} 行",

  "covers.rows":
    "{@covers} 必须是所有流水共用的一个值，或与 {@customers} 一样每条流水一行：{@covers} 有 {coverRows} 行，{@customers} 有 {customerRows} 行",
  "covers.notCovers":
    "{where}：{value} 不是服务结束日期，不是 1 到 {max} 之间的整数月数，也不是 {choices} 之一",
  "covers.endNotAfterStart":
    "{where}：服务结束日期 {end} 不晚于该流水的日期 {start}（{line}）；大于 {max} 的数字是结束日期",

  "fx.noAmounts": "{@amounts} 中没有可换算的金额",
  "fx.rows":
    "{@currencies} 和 {@dates} 必须与 {@amounts} 一样每个金额一行，或为所有金额共用的一个值：{@amounts} 有 {amountRows} 行，{@currencies} 有 {currencyRows} 行，{@dates} 有 {dateRows} 行",
  "fx.currenciesOffByOne":
    "{@currencies} 有 {currencyRows} 行，而 {@amounts} 有 {amountRows} 行且没有表头行：多出一行，每个币种都会错开一行；请让 {@currencies} 与 {@amounts} 选择相同的行",
  "fx.ratesShape": "{@rates} 必须是币种、日期、汇率三列的表，而不是 {shape}",
  "fx.rateCurrencyBlank": "{where} 为空，但其汇率为 {rate}；每个汇率都必须有币种",
  "fx.rateNotPositive":
    "{where}：{value} 不是汇率；汇率是大于 0 的数字，即每单位该币种折合的报告币种金额",
  "fx.rateConflict":
    "{@rates} 为 {currency} 在 {date} 给出了两个汇率：{first}（{firstWhere}）和 {second}（{secondWhere}）；请只保留一个",
  "fx.noRate": "{where}：{@rates} 中没有 {currency} 在 {date} 或之前的汇率",

  "date.serialOutOfRange": "{value} 不是日期：Excel 日期从 1（1900-01-01）到 {last}（9999-12-31）",
  "date.notIsoDate": "“{value}” 不是以 yyyy-mm-dd 书写、介于 1900-01-01 和 9999-12-31 之间的日期",

  "limit.spill": "结果将有 {shape}，超出工作表的容量（{sheet}）；请选择更少的行或列",

  "div0.noStartingRevenue": "没有期初收入：{@start_mrr} 中没有收入大于 0 的客户",
  "div0.noStartingCustomers": "没有期初客户：{@start_mrr} 中没有收入大于 0 的客户",
  "div0.noLosses": "本期没有收缩或流失：快速比率没有上限",
  "div0.noStart": "{@start} 为 0：没有期初收入",
  "div0.noResponses": "没有答卷：{argument} 中没有答案",
  "div0.noTrials": "{@trials} 为 0：没有可估计的比例",
  "div0.noPayingCustomers": "没有付费客户：{@mrr} 中没有收入大于 0 的客户",
  "div0.noChurn": "{@monthly_churn} 为 0：没有流失时生命周期价值没有上限",
  "div0.cohortFirstPeriod": "该同期群在首期没有收入",
  "num.tooLargeToAdd": "金额过大，无法相加；请检查区域中是否有误填的极大值",
  "num.resultTooLarge": "结果过大，无法显示",
  "num.projectionOverflow": "预测在第 {month} 个月溢出",
};

export const termsZhCn: Readonly<Record<Term, string>> = {
  revenueAmounts: "收入金额",
  rates: "比率",
  npsScores: "NPS 评分",
  csatScores: "CSAT 评分",
  cesScores: "CES 评分",
  revenueNotNegative: "收入不能小于 0",
  rateNotNegative: "留存率不能小于 0",
  month: "月",
  quarter: "季度",
  year: "年",
};

export const unexpectedZhCn = "SAAS.{function} 意外失败（{detail}）；请连同输入一起报告此问题";
