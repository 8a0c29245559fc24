/**
 * The task pane's messages in English: the reference catalogue, the analysis's notes and problems
 * included. Every other language has exactly these keys (the type checks it, and
 * test/i18n/catalogues.test.ts checks that none is missing or unused and that placeholders match).
 *
 * Placeholders (src/i18n/render.ts): {name} inserts a parameter, worded for the language when it
 * is a structured value; {name:format} formats a number for the pane's locale: percent, rate (two
 * decimals), signedPercent, amount, number, points, integer, signedNumber. A `{ one, other }`
 * pair is chosen by the `count` parameter.
 */
export const paneEn = {
  "app.title": "Retention Metrics",
  "app.subtitle": "NRR, GRR, churn and NPS from your sheets",
  "language.label": "Language",
  "language.en": "English",
  "language.zh-CN": "简体中文",

  "host.excel": "Connected to Excel ({platform}).",
  "host.playground": "Connected to the playground workbook.",
  "host.none":
    "Open this pane in Excel or in the playground to analyse data. The functions work in any workbook once the add-in is loaded.",
  "host.officeFailed": "Office.js could not start: {message}",
  "host.officeCdnUnreachable":
    "Office.js could not be loaded from Microsoft's CDN (appsforoffice.microsoft.com), and the add-in's offline copy runs only outside Office. Check the network or the proxy, then close and reopen this pane.",
  "host.officeNoAnswer":
    "Office did not answer within {seconds:integer} seconds. Close and reopen this pane; if it happens again, restart Excel.",

  "tabs.label": "Sections",
  "tab.analyse": "Analyse",
  "tab.whatIf": "What-if",
  "tab.functions": "Functions",

  "analyse.intro":
    "Select your data (a customers × months table, a billing ledger or a column of survey scores) and analyse it. Your cells are never changed: results go to new sheets.",
  "analyse.button": "Analyse selection",
  "progress.label": "Reading the selection",
  "progress.rows": "{read:integer} of {total:integer} rows read",

  "sources.heading": "Data",
  "sources.revenue": "Revenue",
  "sources.survey": "Survey",
  "sources.remove": "Remove",
  "sources.removeLabel": "Remove {address} from the analysis",

  "layout.grid": "Customers × periods table",
  "layout.ledger": "Billing ledger",
  "layout.survey": "Survey answers",
  "layout.empty": "The selection is empty. Select your data, or a cell inside it, and try again.",
  "layout.tooLarge":
    "The selection has {cells:integer} cells ({rows:integer} rows × {columns:integer} columns); the pane analyses at most {limit:integer}. Select fewer rows or only the columns you need (the customers, the periods to compare, a segment column), or use the functions in cells, such as =SAAS.NRR(…), which have no such limit.",
  "layout.noHeader":
    "No header row found in the first {rows} rows. Select the table with its header row: period dates across the top for a customers × periods table, or column names such as Customer, Date and Amount.",
  "layout.noFit":
    "The columns fit none of the layouts: fewer than two period dates across the header row (customers × periods), no {missing} (ledger), and no column of whole-number scores from 0 to 10 (survey).",
  "note.missing.dateColumn": "date column",
  "note.missing.amountColumn": "amount column next to the date column",
  "note.missing.customerColumn": "customer column beside the date and amount columns",

  "note.totalsRow": "Row {row} ({label}) is a totals row and is left out.",
  "note.blankRows": { one: "Blank row {rows} skipped.", other: "Blank rows {rows} skipped." },
  "note.sumOfRowsAbove":
    "Row {row} equals the sum of the rows above it, so it is read as a totals row and left out.",
  "note.ledgerTotalsRow":
    "Row {row} has no customer or date and its amount equals the sum of the amounts above, so it is read as a totals row and left out.",
  "note.duplicatePeriod":
    "Columns {first} and {second} are both {period}; only column {first} is used.",
  "note.periodsOutOfOrder":
    "The period columns are not in date order on the sheet; they are read in date order.",
  "note.periodsMissing": "The periods are not contiguous: no column for {periods}.",
  "note.fiscalYears":
    "Fiscal-year labels are read as calendar periods (FY2024 as January–December 2024); change the mapping if your fiscal year starts in another month.",
  "note.rowsWithoutCustomer": {
    one: "Row {rows} has amounts but no customer and is left out.",
    other: "Rows {rows} have amounts but no customer and are left out.",
  },
  "note.repeatedCustomers": {
    one: "{names:capital} appears on more than one row; each row is read as its own customer.",
    other: "{names} appear on more than one row; each row is read as its own customer.",
  },
  "note.noCustomerColumn": "No column names the customers; each row is read as one customer.",
  "note.textInPeriods": "Some period cells hold text instead of amounts ({cells}).",
  "note.unusedColumns": {
    one: "{columns:capital} is neither a period nor a segment and is not used.",
    other: "{columns:capital} are neither a period nor a segment and are not used.",
  },
  "note.ambiguousDates":
    "Both {date} and {amount} hold numbers that could be dates; {date} is read as the date. Change the mapping if that is wrong.",
  "note.datesOutOfOrder":
    "The dates are not in order (row {row} is earlier than the row above it); that is fine, entries are grouped by customer and period whatever their order.",
  "note.notDates": "Some cells in {column} are not dates ({cells}).",
  "note.notAmounts": "Some cells in {column} are not numbers ({cells}).",
  "note.scoreScale":
    "{column:capital} is read as {scale} scores ({why}); change the scale if that is wrong.",
  "note.rowsWithoutScore": {
    one: "1 row has no score and is not counted as an answer.",
    other: "{count} rows have no score and are not counted as answers.",
  },
  "note.unnamedScoreColumn":
    "No header names a score column; {column} holds whole numbers from 0 to 10 and is read as the scores.",
  "note.bareScoreColumn": "The selection has no header row; its one column is read as scores.",
  "note.item.rowText": "row {row}: {text}",
  "note.item.periodCellText": "row {row}, {period}: {text}",
  "note.why.header": "its header says so",
  "note.why.range": "the answers run from {min} to {max}",
  "layout.unknown": "This selection does not look like retention data. {reason}",

  "mapping.heading": "What the columns hold",
  "mapping.hint": "Check the guess and change it if needed. It is remembered in this workbook.",
  "mapping.remembered": "Using the mapping remembered for this range.",
  "mapping.rememberedDropped":
    "The mapping remembered for this range no longer fits the sheet ({reason}), so it is set aside: check this fresh guess.",
  "mapping.layout": "Layout",
  "mapping.rows": "Data rows {first}–{last} ({count:integer} rows)",
  "mapping.customer": "Customer column",
  "mapping.customerNone": "None: each row is one customer",
  "mapping.periods": "Period columns",
  "mapping.periodsSummary": "{count:integer} columns, {first} to {last}",
  "mapping.date": "Date column",
  "mapping.amount": "Amount column",
  "mapping.periodUnit": "Sum the ledger by",
  "mapping.covers": "What each line pays for (period end or interval)",
  "mapping.coversNone": "None: amounts as billed (not MRR: an annual invoice is one spike)",
  "mapping.currency": "Currency column",
  "mapping.currencyNone": "None: one currency",
  "mapping.currencies": {
    one: "{count:integer} currency: {codes}.",
    other: "{count:integer} currencies: {codes}. Amounts are converted before they are added.",
  },
  "mapping.reportingCurrency": "Reporting currency",
  "mapping.rates": "Exchange rates (a range)",
  "mapping.ratesHint":
    "Three columns: currency, date and rate in {currency} per unit, for example Rates!A1:C40. Each amount is converted at its currency's latest rate on or before its date.",
  "mapping.score": "Score column",
  "mapping.scale": "Scale",
  "mapping.segments": "Segment columns",
  "mapping.segmentsNone": "No other column can be a segment.",
  "mapping.column": "Column {letters}: {header}",
  "mapping.columnUnnamed": "Column {letters}",
  "mapping.confirm": "Confirm and analyse",
  "mapping.details": "Notes from the layout check",

  "unit.month": "Month",
  "unit.quarter": "Quarter",
  "unit.year": "Year",
  "scale.nps": "NPS (0–10)",
  "scale.csat": "CSAT (1–5)",
  "scale.ces": "CES (1–7)",

  "note.excluded.totals": "Row {row} is a totals row and is left out.",
  "note.excluded.blank": "Blank row {row} is skipped.",
  "note.excluded.noCustomer": "Row {row} has amounts but no customer and is left out.",

  "period.label": "Compare",
  "period.lastPeriod.month": "Last month",
  "period.lastPeriod.quarter": "Last quarter",
  "period.lastPeriod.year": "Last year",
  "period.lastQuarter": "Last quarter (3 months)",
  "period.trailingYear": "Trailing 12 months",
  "period.between": "Any two periods",
  "period.from": "From",
  "period.to": "To",
  "period.span": "{start} → {end}, {months:integer} months",
  "period.spanOneMonth": "{start} → {end}, 1 month",
  "period.invalid": "Choose a start period before the end period.",
  "period.quarterLabel": "Q{quarter} {year}",
  "period.yearLabel": "{year}",

  "kpi.heading": "Key metrics",
  "kpi.nrr": "Net revenue retention",
  "kpi.grr": "Gross revenue retention",
  "kpi.logoRetention": "Logo retention",
  "kpi.mrrChurn": "MRR churn",
  "kpi.netMrrChurn": "Net MRR churn",
  "kpi.quickRatio": "Quick ratio",
  "kpi.nps": "NPS",
  "kpi.csat": "CSAT",
  "kpi.ces": "CES",
  "kpi.interval": "95% interval: {lower} to {upper}",
  "kpi.smallSample": {
    one: "Small sample: {count:integer} answer. A few more could move it a lot.",
    other: "Small sample: {count:integer} answers. A few more could move it a lot.",
  },
  "kpi.smallSampleCustomers": {
    one: "Small sample: {count:integer} customer at the start.",
    other: "Small sample: {count:integer} customers at the start.",
  },

  "reading.nrr.growing": "Above 100%: existing customers grow on their own.",
  "reading.nrr.flat": "Exactly 100%: expansion just offsets the losses.",
  "reading.nrr.shrinking": "Below 100%: without new sales, revenue shrinks.",
  "reading.grr.bestInClass":
    "Keeps {kept:percent} of revenue a month: best in class keep over {benchmark:percent}.",
  "reading.grr.belowBest":
    "Keeps {kept:percent} of revenue a month; best in class keep over {benchmark:percent}.",
  "reading.mrrChurn.bestInClass":
    "{monthly:percent} a month: under {benchmark:percent}, best in class.",
  "reading.mrrChurn.aboveBest":
    "{monthly:percent} a month; best in class is under {benchmark:percent}.",
  "reading.logo.withinTarget":
    "{monthly:percent} of customers lost a month: within the common {benchmark:percent} target.",
  "reading.logo.aboveTarget":
    "{monthly:percent} of customers lost a month: above the common {benchmark:percent} target.",
  "reading.netMrrChurn.negative": "Negative: expansion outweighs churn and contraction. Very good.",
  "reading.netMrrChurn.positive":
    "Positive: losses outweigh expansion. Negative net churn is very good.",
  "reading.quickRatio.gaining": "More revenue gained than lost.",
  "reading.quickRatio.losing": "More revenue lost than gained.",
  "reading.nps.poor": "Below 0: poor.",
  "reading.nps.positive": "Positive, but below the 30 that counts as high.",
  "reading.nps.high": "30 or above: high.",
  "reading.nps.veryGood": "50 or above: very good.",
  "reading.csat.atTarget": "At or above the common {target:percent} target.",
  "reading.csat.belowTarget": "Below the common {target:percent} target.",

  "figure.none": "—",
  "figure.noStartingRevenue": "No customer had revenue in the first period.",
  "figure.noLosses": "No churn or contraction: the ratio has no upper bound.",
  "figure.noResponses": "No answers.",
  "figure.error": "Cannot be computed: {problem}",

  "bridge.heading": "MRR bridge",
  "bridge.chartLabel": "MRR bridge from {start} to {end}",
  "bridge.noHistory":
    "Returning customers count as new: the earlier periods are not one block of columns on the sheet.",
  "bridge.startMrr": "Starting MRR",
  "bridge.newMrr": "New",
  "bridge.reactivation": "Reactivation",
  "bridge.expansion": "Expansion",
  "bridge.contraction": "Contraction",
  "bridge.churn": "Churn",
  "bridge.fxEffect": "Exchange-rate effect",
  "bridge.endMrr": "Ending MRR",

  "trend.heading": "NRR and GRR, period by period",
  "trend.chartLabel": "NRR and GRR from {first} to {last}",
  "trend.nrr": "NRR",
  "trend.grr": "GRR",
  "trend.reference": "Kept all (100%)",

  "segments.heading": "By segment",
  "segments.picker": "Segment column",
  "segments.total": "Total",
  "segments.blank": "(blank)",
  "segments.none": "Map a segment column (plan, region, CSM…) to compare segments.",
  "segments.nrr": "NRR",
  "segments.grr": "GRR",
  "segments.logoRetention": "Logos kept",
  "segments.mrrChurn": "MRR churn",

  "survey.heading": "Survey",
  "survey.answer": "Answer",
  "survey.count": "Count",
  "survey.share": "Share",
  "survey.promoters": "Promoters (9–10)",
  "survey.passives": "Passives (7–8)",
  "survey.detractors": "Detractors (0–6)",
  "survey.responses": "Responses",
  "survey.bySegment": "{metric} by segment",

  "pack.button": "Write board pack",
  "pack.hint":
    "Adds a new sheet of live =SAAS formulas over your data; your sheets stay as they are.",
  "pack.writing": "Writing the board pack…",
  "pack.done": "Board pack written to the new sheet “{sheet}”.",
  "pack.waterfallFallback":
    "A waterfall chart could not be drawn here, so the bridge is a stacked-column chart.",
  "pack.failed": "The board pack could not be written: {message}",
  "pack.sheetName": "Board pack",
  "pack.title": "Retention board pack",
  "pack.source": "Revenue data: {address}",
  "pack.surveySource": "Survey data: {address}",
  "pack.note":
    "Every figure is a live SAAS formula over your data: it recalculates when the data change.",
  "pack.metric": "Metric",
  "pack.value": "Value",
  "pack.context": "For context",
  "pack.npsMargin": "NPS margin of error (95%)",
  "pack.reading.grr.bestInClass":
    "Keeps over {benchmark:percent} of revenue a month: best in class",
  "pack.reading.grr.belowBest":
    "Keeps under {benchmark:percent} of revenue a month: below best in class",
  "pack.reading.mrrChurn.bestInClass": "Under {benchmark:percent} a month: best in class",
  "pack.reading.mrrChurn.aboveBest": "{benchmark:percent} a month or more: above best in class",
  "pack.reading.logo.withinTarget":
    "Under {benchmark:percent} of customers lost a month: within the common target",
  "pack.reading.logo.aboveTarget":
    "{benchmark:percent} or more of customers lost a month: above the common target",
  "pack.amount": "MRR",
  "pack.bridgeHelper": "Chart helper: the bridge as stacked columns",
  "pack.base": "Base",
  "pack.readings": "Readings of the key figures",
  "pack.totals": "Start and end",
  "pack.up": "Increase",
  "pack.down": "Decrease",
  "pack.cohortHeading": "Revenue retention by cohort",
  "pack.cohortNote": "A row per cohort (first paying period), a column per period since.",
  "pack.segmentHeading": "By {segment}",
  "billing.sheetName": "MRR from billing",
  "billing.failed": "The export's MRR sheet could not be written: {message}",
  "billing.title": "MRR from the billing export",
  "billing.note":
    "Live formulas over {source}: each line spread over the months it pays for (SAAS.MRRMATRIX with covers). They recalculate when the export changes; the pane's analysis and board pack read them.",
  "billing.noteConverted":
    "Live formulas over {source}: amounts in {currency} at each line's rate (SAAS.FX.CONVERT), each line spread over the months it pays for (SAAS.MRRMATRIX with covers). They recalculate when the export or the rates change; the pane's analysis and board pack read them.",
  "billing.converted": "Amount in {currency}",
  "billing.matrix": "MRR by customer and month",
  "billing.segment": "{segment} of each customer",
  "pack.constantMatrix": "MRR at constant currency ({currency} at the start period's rates)",
  "pack.bridgeConstant": "Bridge at constant currency",
  "pack.nrrConstant": "Net revenue retention, constant currency",
  "pack.nrrConstantContext":
    "Both periods at the start period's exchange rates: the customers' own change, without the currencies'",
  "moved.heading": "Who moved",
  "moved.intro": "The customers behind the bridge, the largest moves first (ten of each).",
  "moved.churn": "Churned",
  "moved.contraction": "Contracted",
  "moved.expansion": "Expanded",
  "moved.new": "New",
  "moved.none": "None in this span.",
  "compare.heading": "Compare with other tools",
  "compare.intro":
    "The same customers under each tool's documented formula, and what differs. An empty cell: the tool documents no formula for that figure.",
  "pack.arpa": "Average revenue per account",
  "pack.arpaContext": "Ending MRR over the customers paying at the end",
  "pack.ltv": "Customer lifetime value",
  "pack.ltvContext":
    "Average revenue per account over the mean monthly logo churn of the last six complete months (ChartMogul's convention); revenue, before gross margin",
  "pack.intervalsHeading": "Figures from samples: 95% intervals",
  "pack.lower": "Lower",
  "pack.upper": "Upper",
  "pack.sample": "Sample",
  "pack.smallSample": "Small sample: a few more could move it a lot",
  "pack.smallSampleTitle": "Said of a sample under 30",
  "pack.intervalOf": "{metric}: 95% interval",
  "pack.calculations":
    "Calculations: each SAAS function computed once; the tables on the left refer to these cells",
  "pack.segmentSpill": "{metric} by {segment}",
  "pack.matrixHeading": "Working data: MRR by customer and period, from the ledger",

  "whatIf.intro":
    "Start from the measured monthly rates and move the assumptions to see where MRR goes.",
  "whatIf.needsRevenue":
    "Analyse revenue data first: the what-if starts from its measured NRR and new MRR.",
  "whatIf.baseline":
    "Measured over {start} → {end}: monthly NRR {nrr:rate}, new MRR {newMrr:amount} a month, MRR now {startMrr:amount}.",
  "whatIf.skipped": "Comparisons without starting revenue left out: {count:integer}.",
  "whatIf.churn": "Churn a month",
  "whatIf.contraction": "Contraction a month",
  "whatIf.expansion": "Expansion a month",
  "whatIf.newBusiness": "New business",
  "whatIf.rateValue": "{rate:rate} ({change:signedNumber} pts)",
  "whatIf.newValue": "{amount:amount} a month ({change:signedPercent})",
  "whatIf.months": "Months to project",
  "whatIf.monthsOption": "{months:integer} months",
  "whatIf.reset": "Reset assumptions",
  "whatIf.chartLabel": "Projected MRR over {months:integer} months: baseline and scenario",
  "whatIf.result":
    "In {months:integer} months: MRR {scenario:amount} (ARR {scenarioArr:amount}), against {baseline:amount} (ARR {baselineArr:amount}) on the baseline.",
  "whatIf.write": "Write scenario sheet",
  "whatIf.writing": "Writing the scenario…",
  "whatIf.written": "Scenario written to the new sheet “{sheet}”.",
  "whatIf.failed": "The scenario could not be written: {message}",
  "whatIf.sheetName": "What-if",
  "whatIf.sheetTitle": "What-if: projected MRR",
  "whatIf.measuredOver": "Baseline measured over {start} → {end}",
  "whatIf.sheetNote": "Change the scenario cells: the projection follows (SAAS.PROJECT).",
  "whatIf.assumption": "Assumption",
  "whatIf.baselineColumn": "Baseline",
  "whatIf.scenarioColumn": "Scenario",
  "whatIf.startMrr": "Starting MRR",
  "whatIf.monthlyChurn": "Churn a month",
  "whatIf.monthlyContraction": "Contraction a month",
  "whatIf.monthlyExpansion": "Expansion a month",
  "whatIf.monthlyNrr": "NRR a month",
  "whatIf.newMrr": "New MRR a month",
  "whatIf.monthsRow": "Months",
  "whatIf.mrrAtEnd": "MRR at the last month",
  "whatIf.arrAtEnd": "ARR at the last month",
  "whatIf.monthLabel": "Month {n}",
  "whatIf.chartTitle": "Projected MRR",

  "problem.noDataRows": "The selection has a header row but no data below it.",
  "problem.tooFewPeriods":
    "Only {count:integer} period column found: comparing needs at least two.",
  "problem.columnUsedTwice": "Column {column} has two roles in the mapping: give each column one.",
  "problem.totalsRowInsideData":
    "Row {row} is a totals row between data rows. Functions read one block of rows, so it would count as a customer: move it below the data, or select the data without it.",
  "problem.unnamedRowInsideData":
    "Row {row} has amounts but no customer, between data rows. Name the customer or remove the row.",
  "problem.revenueText": "Row {row} of column {column} holds text {value}; MRR must be a number.",
  "problem.revenueNegative": "Row {row} of column {column} holds {value}; MRR cannot be below 0.",
  "problem.revenueLogical":
    "Row {row} of column {column} holds {value}, a logical value; MRR must be a number.",
  "problem.errorValue":
    "Row {row} of column {column} shows the error {value}; correct that cell first.",
  "problem.scoreText": "Row {row} of column {column} holds {value}; scores must be whole numbers.",
  "problem.scoreNotWhole":
    "Row {row} of column {column} holds {value}; scores must be whole numbers.",
  "problem.scoreOutsideScale":
    "Row {row} of column {column} holds {value}, outside the survey's scale; change the scale in the mapping if it is wrong.",
  "problem.customerBlank":
    "Row {row} of column {column} has no customer but a date or an amount; every ledger entry needs a customer.",
  "problem.dateBlank": "Row {row} of column {column} has no date; every ledger entry needs one.",
  "problem.dateInvalid":
    "Row {row} of column {column} holds {value}, not a date; use a date or text like 2024-03-15.",
  "problem.amountText": "Row {row} of column {column} holds {value}; amounts must be numbers.",
  "problem.core": "{error}",
  "problem.noStartingRevenue":
    "No period in this span has starting revenue, so there is nothing to project from.",

  "problem.ratesNeeded":
    "The export holds {count:integer} currencies ({codes}), which cannot be added as they stand: choose the reporting currency and give the range holding the exchange rates.",
  "problem.ratesUnreadable": "The exchange rates in {address} could not be read: {message}",
  "problem.billingNotComputed":
    "The formulas on {sheet} did not finish computing within {seconds:integer} seconds ({cell} still shows {value}). Wait for Excel to finish, then analyse again.",
  "problem.billingHeader":
    "The billing sheet's matrix does not start with months ({value}): was it edited? Analyse the export again.",
  "remembered.unreadable": "the workbook's saved settings could not be read: {message}",
  "remembered.malformed": "it is not a mapping this version of the add-in can read",
  "remembered.outside": "it names rows or columns outside the range read",
  "remembered.headerChanged": "column {column} was headed {then} and now reads {now}",
  "remembered.periodNotDate": "its period {label} is not the first day of a period",
  "remembered.periodsOutOfOrder":
    "its periods are not in date order: {later} comes before {earlier}",
  "remembered.periodChanged": "column {column} was {then} and its header now reads {now}",
  "remembered.periodAdded": "column {column} now names a period, {now}, that it leaves out",

  "write.removed": "The half-written sheet {sheet} was removed: the workbook is as it was.",
  "write.leftBehind":
    "The sheet {sheet} is incomplete and could not be removed: delete it before using it.",
  "error.readFailed": "The selection could not be read: {message}",
  "error.settingsFailed": "The mapping could not be remembered in this workbook: {message}",
  "error.unexpected": "Something went wrong: {message}",

  "functions.hint":
    "Type =SAAS. in a cell to use them. Rates come back as fractions: format the cell as %.",
  "functions.failed": "Could not list the functions ({message}).",
} as const;

export type MessageKey = keyof typeof paneEn;
