/**
 * The functions' messages in English: one sentence per code the core can give (src/core/errors.ts).
 * Placeholders: {name} inserts a parameter worded for the language (a cell's place, a quoted
 * value, a shape, a list…; see src/i18n/words.ts); {name:format} formats a number.
 */
import type { ErrorCode, Term } from "../../core";

export const errorsEn: Readonly<Record<ErrorCode, string>> = {
  "cell.passedOn": "{message}",
  "cell.errorValue": "{where} holds {code}",
  "cell.errorToCorrect": "{where} holds {code}; correct that cell first",
  "cell.textLikeNumber":
    "{where}: {value} is text, not a number (a number stored as text? convert it with VALUE)",
  "cell.text": "{where}: {value} is text, not a number; {what} must be numbers",
  "cell.textOption": "{where}: {value} is text, not a number",
  "cell.logical": "{where}: {value} is a logical value, not a number",
  "cell.notFinite": "{where}: {value} is not a finite number",
  "cell.notNumber": "{where}: {value} is not a number",
  "cell.blank": "{where} is blank",
  "cell.blankNeeded": "{where} is blank; every cell needs one of the {what}",
  "cell.negative": "{where}: {value} is negative; {rule}",
  "cell.cannotBeRead": "{where}: {value} cannot be read here",
  "cell.cannotBeSegment": "{where}: {value} cannot be used as a segment",
  "cell.notSegment": "{where}: {value} is not a segment",

  "score.notScore": "{where}: {value} is not a score; {what} are whole numbers from {min} to {max}",
  "score.notWhole":
    "{where}: {value} is not a whole number; {what} are whole numbers from {min} to {max}",
  "score.outside":
    "{where}: {value} is outside the scale; {what} are whole numbers from {min} to {max}",
  "scores.noCells": "{argument} holds no cell: there is nothing to label",
  "csat.notMethod":
    "{where}: {value} is not one of {choices}, nor a whole score from {min} to {max} (the share of answers from that score up)",
  "csat.topThreeOfSmallScale":
    '{where}: "top3" needs a scale of more than 3 points; on 1 to {max} it would count every answer',
  "share.successesExceedTrials":
    "{@successes} ({successes}) is more than {@trials} ({trials}): a share cannot exceed 1",

  "range.notCells": "{argument} is not a range of cells",
  "range.ragged": "{where} has a different number of columns from row 1",
  "range.sameShape":
    "{first} and {second} must be the same shape, one value per customer: {first} has {firstShape}, {second} has {secondShape}",
  "range.sameShapeWithoutHeaders":
    "{first} and {second} must be the same shape, one value per customer: {first} has {firstShape}, {second} has {secondShape}, header rows not counted",
  "range.oneColumn": "{argument} must be one column, not {shape}",
  "range.segmentsOffByOne":
    "{labels} has {labelsShape} and {data} {dataShape} without a header row: one row more, so every label would sit one row off; select {labels} over the same rows as {data}",
  "range.dateHeaderPair":
    "{start} and {end} hold the dates {startDate} and {endDate} (a header row of dates), not revenue: select the rows below the header, or make the header text such as 2024-01",
  "range.dateHeaderMatrix":
    "{where} holds {dates} (dates in a header row?), not revenue: select the rows below the header, or make the header text such as 2024-01",

  "option.singleValue": "{argument} must be a single value, not a range of {cells} cells",
  "option.notBoolean": "{where}: {value} is not TRUE or FALSE",
  "option.notChoice": "{where}: {value} is not one of {choices}",
  "option.missing": "{argument} is missing",
  "movers.oneColumn": "{argument} must be one column, one row per customer",
  "movers.customersRows":
    "{@customers} must have one row per customer, like {@start_mrr}: {@customers} has {customerRows} rows, {@start_mrr} has {startRows}",
  "number.between": "{where}: {value} must be a number from {min} to {max}",
  "number.atLeast": "{where}: {value} must be a number of at least {min}",
  "number.atMost": "{where}: {value} must be a number of at most {max}",
  "whole.between": "{where}: {value} must be a whole number from {min} to {max}",
  "whole.atLeast": "{where}: {value} must be a whole number of at least {min}",
  "whole.atMost": "{where}: {value} must be a whole number of at most {max}",
  "whole.only": "{where}: {value} must be a whole number",
  "number.aboveAtMost": "{where}: {value} must be a number above {min} and at most {max}",
  "number.inside": "{where}: {value} must be a number above {min} and below {max}",

  "segment.needsSegments": "{@segment} {segment} needs a {@segments} range to pick it from",
  "segment.noMatch": "{@segment} {segment} matches no row of {@segments}",
  "segment.noMatchIsNumber":
    "{@segment} {segment} matches no row of {@segments} ({@segments} holds the number {found}: give {@segment} without quotes)",
  "segment.noMatchIsText":
    "{@segment} {segment} matches no row of {@segments} ({@segments} holds the text {found}: give {@segment} in quotes)",

  "history.oneColumn":
    "{@history} goes with a {@start_mrr} of one column, one customer a row; {@start_mrr} has {shape}",
  "history.rows":
    "{@history} must have one row per customer, like {@start_mrr}: {@history} has {historyRows} rows, {@start_mrr} has {startRows}",
  "history.rowsWithoutHeaders":
    "{@history} must have one row per customer, like {@start_mrr}: {@history} has {historyRows} rows, {@start_mrr} has {startRows} (header rows not counted)",
  "parts.lossesExceedStart":
    "{@contraction} ({contraction}) and {@churn} ({churn}) add up to more than {@start} ({start}): a cohort cannot lose more than it had",
  "rates.none": "{argument} holds no rate",
  "movement.noCustomer": "{argument} holds no customer: there is nothing to label",
  "trailing.tooFewPeriods":
    "{argument} has {periods} periods; the mean churn of the last {months} needs {needed}: the month before them, and the latest, which is left out as incomplete",

  "ledger.rows":
    "{@customers}, {@dates} and {@amounts} must have one row per ledger entry: they have {customerRows}, {dateRows} and {amountRows} rows",
  "ledger.rowsWithoutHeaders":
    "{@customers}, {@dates} and {@amounts} must have one row per ledger entry: they have {customerRows}, {dateRows} and {amountRows} rows, header rows not counted",
  "ledger.customersOffByOne":
    "{@customers} has {customerRows} rows and {@amounts} {amountRows} without a header row: one row more, so every id would sit one row off; select {@customers} over the same rows as {@dates} and {@amounts}",
  "ledger.customerBlank":
    "{where} is blank while its amount is {amount}; every entry needs a customer",
  "ledger.amountNotNumber": "{where}: {value} is not a number; amounts must be numbers",
  "ledger.notDate":
    "{where}: {value} is not a date; use a date, a date serial or text like 2024-03-15",
  "ledger.empty": "the ledger holds no entry: {@customers}, {@dates} and {@amounts} are all blank",
  "ledger.tooLarge":
    "the matrix would be {customers} customers × {periods} {unit}s, more than a sheet can hold; use a longer period or a shorter ledger",
  "ledger.negativeTotal":
    "customer {customer} has a negative total of {total} in the {unit} starting {start}; credits cannot exceed charges",
  "ledger.overflow":
    "customer {customer} has amounts too large to add up in the {unit} starting {start}",
  "ledger.segmentsRows":
    "{@segments} must have one row per ledger entry, like {@customers}: {@segments} has {segmentRows} rows, {@customers} has {customerRows}",

  "covers.rows":
    "{@covers} must be one value for all lines or have one row per ledger entry, like {@customers}: {@covers} has {coverRows} rows, {@customers} has {customerRows}",
  "covers.notCovers":
    "{where}: {value} is not a service end date, a whole number of months from 1 to {max}, or one of {choices}",
  "covers.endNotAfterStart":
    "{where}: the service end {end} is not after the line's date {start} ({line}); numbers above {max} are end dates",

  "fx.noAmounts": "{@amounts} holds no amount to convert",
  "fx.rows":
    "{@currencies} and {@dates} must have one row per amount, like {@amounts}, or be one value for all: {@amounts} has {amountRows} rows, {@currencies} {currencyRows}, {@dates} {dateRows}",
  "fx.currenciesOffByOne":
    "{@currencies} has {currencyRows} rows and {@amounts} {amountRows} without a header row: one row more, so every currency would sit one row off; select {@currencies} over the same rows as {@amounts}",
  "fx.ratesShape":
    "{@rates} must be a table of three columns, currency, date and rate, not {shape}",
  "fx.rateCurrencyBlank":
    "{where} is blank while its rate is {rate}; every rate needs its currency",
  "fx.rateNotPositive":
    "{where}: {value} is not a rate; a rate is a number above 0, in reporting-currency units per unit of the currency",
  "fx.rateConflict":
    "{@rates} gives {currency} two rates on {date}: {first} ({firstWhere}) and {second} ({secondWhere}); keep one",
  "fx.noRate": "{where}: {@rates} has no rate for {currency} on or before {date}",

  "date.serialOutOfRange":
    "{value} is not a date: Excel dates run from 1 (1900-01-01) to {last} (9999-12-31)",
  "date.notIsoDate":
    '"{value}" is not a date between 1900-01-01 and 9999-12-31 written as yyyy-mm-dd',

  "limit.spill":
    "the result would be {shape}, more than a sheet holds ({sheet}); select fewer rows or columns",

  "div0.noStartingRevenue":
    "no starting revenue: {@start_mrr} has no customer with revenue above 0",
  "div0.noStartingCustomers":
    "no starting customers: {@start_mrr} has no customer with revenue above 0",
  "div0.noLosses": "no contraction or churn in the period: the quick ratio is unbounded",
  "div0.noStart": "{@start} is 0: no starting revenue",
  "div0.noResponses": "no responses: {argument} holds no answer",
  "div0.noTrials": "{@trials} is 0: there is no share to estimate",
  "div0.noPayingCustomers": "no paying customer: {@mrr} has no customer with revenue above 0",
  "div0.noChurn": "{@monthly_churn} is 0: with no churn the lifetime value is unbounded",
  "div0.cohortFirstPeriod": "the cohort had no revenue in its first period",
  "num.tooLargeToAdd": "the amounts are too large to add up; check the range for stray huge values",
  "num.resultTooLarge": "the result is too large to show",
  "num.projectionOverflow": "the projection overflows by month {month}",
};

export const termsEn: Readonly<Record<Term, string>> = {
  revenueAmounts: "revenue amounts",
  rates: "rates",
  npsScores: "NPS scores",
  csatScores: "CSAT scores",
  cesScores: "CES scores",
  revenueNotNegative: "revenue cannot be below 0",
  rateNotNegative: "a retention rate cannot be below 0",
  month: "month",
  quarter: "quarter",
  year: "year",
};

/** The boundary's own message, for a failure the core did not foresee. */
export const unexpectedEn =
  "SAAS.{function} failed unexpectedly ({detail}); please report this with the inputs";
