/**
 * The playground's sample data, generated from a seed so that every run, every test and every
 * screenshot shows the same workbook: a customers × months MRR sheet (segment, region and CSM
 * columns, then one column of MRR per month), the same revenue as a billing ledger in long form,
 * a billing export in three currencies with its exchange rates (sampleBilling.ts), and a survey
 * of NPS, CSAT and CES answers.
 *
 * The customers behave like a SaaS book of business: some are paying before the first month,
 * others arrive later (new); each month a paying customer may expand, contract or churn, and a
 * churned one may come back (reactivation). Rates differ by segment: small customers churn more,
 * large ones expand more.
 *
 * The same generator makes the large grids of the performance benchmark (100,000 customers × 36
 * months): pass other options. It imports only its two siblings (sampleCommon.ts and
 * sampleBilling.ts), which import nothing else, so that `npm run sample` can compile the three
 * files on their own and run them in Node.
 */
import { type SampleBilling, generateBilling } from "./sampleBilling";
import {
  type SampleCell,
  type SampleRows,
  excelSerial,
  mulberry32,
  pickWeighted,
} from "./sampleCommon";

export type { SampleCell, SampleRows } from "./sampleCommon";
export { excelSerial, mulberry32 } from "./sampleCommon";
export type { SampleBilling } from "./sampleBilling";

export interface SampleOptions {
  /** The seed of the random numbers (default 42): the same seed gives the same workbook. */
  readonly seed?: number;
  /** Customers on the MRR sheet (default 300). */
  readonly customers?: number;
  /** Months of MRR (default 24). */
  readonly months?: number;
  /** The first month, "yyyy-mm" (default "2024-01"). */
  readonly firstMonth?: string;
  /** Survey answers (default 1,000; 0 for no survey sheet). */
  readonly surveyResponses?: number;
  /** Whether to write the ledger sheet (default: only up to 20,000 customers, as it has a row per paying month). */
  readonly ledger?: boolean;
  /** Whether to write the billing export and its rates (default: as the ledger; it has a few hundred customers at most). */
  readonly billing?: boolean;
}

export interface SampleWorkbook {
  /** Header row (Customer, Segment, Region, CSM, then the months as text: "Jan 2024"), then a row per customer. */
  readonly mrr: SampleRows;
  /** Header row (Customer, Date, Amount), then a row per customer and paying month, by date; null when not generated. */
  readonly ledger: SampleRows | null;
  /** The billing export (Billing sheet) and its exchange rates (Rates sheet); null when not generated. */
  readonly billing: SampleBilling | null;
  /** Header row (Respondent, Segment, Wave, NPS, CSAT, CES), then a row per answer; null when not generated. */
  readonly survey: SampleRows | null;
  /** The month headers, "Jan 2024" … */
  readonly monthLabels: readonly string[];
  /** The segments in the order they first appear on the MRR sheet. */
  readonly segments: readonly string[];
  /** The survey's two waves, first half of the answers then second half. */
  readonly waves: readonly [string, string];
  readonly options: Required<SampleOptions>;
}

/** The sample workbook's sheets, in tab order. */
export const SHEET_NAMES = {
  mrr: "MRR",
  ledger: "Ledger",
  billing: "Billing",
  rates: "Rates",
  survey: "Survey",
  examples: "Examples",
} as const;

/** Columns of the MRR sheet (0-based): the months start at MRR_FIRST_MONTH_COLUMN (E). */
export const MRR_COLUMNS = ["Customer", "Segment", "Region", "CSM"] as const;
export const MRR_FIRST_MONTH_COLUMN = MRR_COLUMNS.length;
export const LEDGER_COLUMNS = ["Customer", "Date", "Amount"] as const;
export const SURVEY_COLUMNS = ["Respondent", "Segment", "Wave", "NPS", "CSAT", "CES"] as const;

export const DEFAULT_SAMPLE: Required<SampleOptions> = {
  seed: 42,
  customers: 300,
  months: 24,
  firstMonth: "2024-01",
  surveyResponses: 1000,
  ledger: true,
  billing: true,
};

/** Above this many customers the ledger is left out unless asked for (a row per paying month). */
const LEDGER_CUSTOMER_LIMIT = 20_000;

interface Segment {
  readonly name: string;
  readonly share: number;
  /** Starting MRR range: drawn log-uniformly. */
  readonly minMrr: number;
  readonly maxMrr: number;
  /** Monthly probabilities of each movement for a paying customer. */
  readonly churn: number;
  readonly expansion: number;
  readonly contraction: number;
  /** Survey answers: shares of promoters and detractors. */
  readonly promoters: number;
  readonly detractors: number;
}

const SEGMENTS: readonly Segment[] = [
  {
    name: "SMB",
    share: 0.55,
    minMrr: 49,
    maxMrr: 600,
    churn: 0.03,
    expansion: 0.05,
    contraction: 0.02,
    promoters: 0.38,
    detractors: 0.27,
  },
  {
    name: "Mid-market",
    share: 0.3,
    minMrr: 600,
    maxMrr: 4000,
    churn: 0.014,
    expansion: 0.06,
    contraction: 0.03,
    promoters: 0.45,
    detractors: 0.2,
  },
  {
    name: "Enterprise",
    share: 0.15,
    minMrr: 4000,
    maxMrr: 25000,
    churn: 0.006,
    expansion: 0.07,
    contraction: 0.035,
    promoters: 0.55,
    detractors: 0.14,
  },
];

const REGIONS: readonly (readonly [string, number])[] = [
  ["North America", 0.45],
  ["EMEA", 0.3],
  ["APAC", 0.17],
  ["LATAM", 0.08],
];

const CSMS = [
  "Ana Ruiz",
  "Ben Okafor",
  "Chloé Martin",
  "Dev Patel",
  "Elif Yılmaz",
  "Feng Li",
  "Grace Kim",
  "Hugo Silva",
];

const NAME_STARTS = [
  "Acme",
  "Apex",
  "Aurora",
  "Beacon",
  "Blue Harbor",
  "Brightline",
  "Cascade",
  "Cedar",
  "Cobalt",
  "Crescent",
  "Delta",
  "Evergreen",
  "Falcon",
  "Granite",
  "Harbor",
  "Horizon",
  "Ironwood",
  "Juniper",
  "Keystone",
  "Lakeside",
  "Lumen",
  "Maple",
  "Meridian",
  "Northwind",
  "Oakridge",
  "Orion",
  "Pinnacle",
  "Quartz",
  "Redwood",
  "Riverbend",
  "Sable",
  "Silverline",
  "Summit",
  "Tidewater",
  "Vertex",
  "Willow",
];
const NAME_ENDS = [
  "Analytics",
  "Bank",
  "Bio",
  "Capital",
  "Clinics",
  "Foods",
  "Freight",
  "Games",
  "Health",
  "Labs",
  "Legal",
  "Logistics",
  "Media",
  "Motors",
  "Partners",
  "Retail",
  "Robotics",
  "Software",
  "Studios",
  "Systems",
];

const MONTH_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

/**
 * Generates the sample workbook.
 *
 * @example
 * const sample = generateSample({ seed: 7, customers: 10, months: 3 });
 * sample.mrr[0]; // ["Customer", "Segment", "Region", "CSM", "Jan 2024", "Feb 2024", "Mar 2024"]
 */
export function generateSample(options: SampleOptions = {}): SampleWorkbook {
  const customers = options.customers ?? DEFAULT_SAMPLE.customers;
  const settings: Required<SampleOptions> = {
    seed: options.seed ?? DEFAULT_SAMPLE.seed,
    customers,
    months: options.months ?? DEFAULT_SAMPLE.months,
    firstMonth: options.firstMonth ?? DEFAULT_SAMPLE.firstMonth,
    surveyResponses: options.surveyResponses ?? DEFAULT_SAMPLE.surveyResponses,
    ledger: options.ledger ?? customers <= LEDGER_CUSTOMER_LIMIT,
    billing: options.billing ?? customers <= LEDGER_CUSTOMER_LIMIT,
  };
  const match = /^(\d{4})-(\d{2})$/.exec(settings.firstMonth);
  if (!match) throw new Error(`firstMonth must look like 2024-01, not "${settings.firstMonth}"`);
  const firstYear = Number(match[1]);
  const firstMonthIndex = Number(match[2]) - 1;
  if (
    !Number.isInteger(customers) ||
    customers < 1 ||
    !Number.isInteger(settings.months) ||
    settings.months < 2
  )
    throw new Error("a sample needs at least one customer and two months");

  // Separate streams, so that adding survey answers or the billing export does not change the
  // revenue.
  const revenueRandom = mulberry32(settings.seed);
  const surveyRandom = mulberry32(settings.seed ^ 0x5eed5);
  const billingRandom = mulberry32(settings.seed ^ 0xb111);

  const monthLabels = Array.from({ length: settings.months }, (_, m) => {
    const index = firstMonthIndex + m;
    return `${MONTH_NAMES[index % 12]} ${firstYear + Math.floor(index / 12)}`;
  });
  const names = customerNames(customers, revenueRandom);
  const mrr: SampleRows = [[...MRR_COLUMNS, ...monthLabels]];
  const segments: string[] = [];
  for (let i = 0; i < customers; i++) {
    const segment = pickWeighted(SEGMENTS, (s) => s.share, revenueRandom);
    if (!segments.includes(segment.name)) segments.push(segment.name);
    const region = pickWeighted(REGIONS, (r) => r[1], revenueRandom)[0];
    const csm = CSMS[Math.floor(revenueRandom() * CSMS.length)] as string;
    mrr.push([
      names[i] as string,
      segment.name,
      region,
      csm,
      ...revenueHistory(segment, settings.months, revenueRandom),
    ]);
  }

  const ledger = settings.ledger
    ? ledgerRows(mrr, settings.months, firstYear, firstMonthIndex)
    : null;
  const billing = settings.billing
    ? generateBilling({
        random: billingRandom,
        names,
        firstYear,
        firstMonthIndex,
        months: settings.months,
      })
    : null;
  const waves: [string, string] = surveyWaves(firstYear, firstMonthIndex, settings.months);
  const survey =
    settings.surveyResponses > 0 ? surveyRows(settings.surveyResponses, waves, surveyRandom) : null;
  return { mrr, ledger, billing, survey, monthLabels, segments, waves, options: settings };
}

/** One customer's MRR month by month: null before it arrives and while it has churned. */
function revenueHistory(segment: Segment, months: number, random: () => number): (number | null)[] {
  // A bit over half the customers are paying before the first month; the rest arrive later.
  const arrival = random() < 0.55 ? 0 : 1 + Math.floor(random() * (months - 1));
  const step = segment.maxMrr >= 4000 ? 50 : segment.maxMrr >= 600 ? 10 : 1;
  const round = (value: number) => Math.max(step, Math.round(value / step) * step);
  let mrr = round(segment.minMrr * Math.pow(segment.maxMrr / segment.minMrr, random()));
  let lastPaid = mrr;
  let paying = true;
  const row: (number | null)[] = [];
  for (let m = 0; m < months; m++) {
    if (m < arrival) {
      row.push(null);
      continue;
    }
    if (m > arrival) {
      const roll = random();
      if (paying) {
        if (roll < segment.churn) {
          paying = false;
          lastPaid = mrr;
        } else if (roll < segment.churn + segment.expansion) {
          mrr = round(mrr * (1.05 + random() * 0.35));
        } else if (roll < segment.churn + segment.expansion + segment.contraction) {
          mrr = round(mrr * (0.7 + random() * 0.25));
        }
      } else if (roll < 0.03) {
        // Reactivation: back at roughly the old price.
        paying = true;
        mrr = round(lastPaid * (0.6 + random() * 0.5));
      }
    }
    row.push(paying ? mrr : null);
  }
  return row;
}

/** The MRR sheet in long form: a row per customer and paying month, ordered by date. */
function ledgerRows(
  mrr: SampleRows,
  months: number,
  firstYear: number,
  firstMonthIndex: number
): SampleRows {
  const rows: SampleRows = [[...LEDGER_COLUMNS]];
  for (let m = 0; m < months; m++) {
    const index = firstMonthIndex + m;
    const year = firstYear + Math.floor(index / 12);
    const month = index % 12;
    const entries: [number, string, number][] = [];
    for (let i = 1; i < mrr.length; i++) {
      const row = mrr[i] as SampleCell[];
      const amount = row[MRR_FIRST_MONTH_COLUMN + m];
      if (typeof amount !== "number" || amount <= 0) continue;
      // Each customer is billed on its own day of the month (1–28).
      const day = 1 + ((i * 7) % 28);
      entries.push([day, row[0] as string, amount]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    for (const [day, customer, amount] of entries)
      rows.push([customer, excelSerial(year, month, day), amount]);
  }
  return rows;
}

/** The survey: answers in two waves (the quarters before the last month), by segment. */
function surveyRows(
  count: number,
  waves: readonly [string, string],
  random: () => number
): SampleRows {
  const rows: SampleRows = [[...SURVEY_COLUMNS]];
  const half = Math.ceil(count / 2);
  for (let i = 0; i < count; i++) {
    const segment = pickWeighted(SEGMENTS, (s) => s.share, random);
    const second = i >= half;
    // The second wave is a little happier: the product improved between the waves.
    const lift = second ? 0.08 : 0;
    const roll = random();
    let nps: number;
    if (roll < segment.detractors - lift)
      nps = pickWeighted([0, 1, 2, 3, 4, 5, 6], (s) => 1 + s, random);
    else if (roll < 1 - segment.promoters - lift) nps = random() < 0.45 ? 7 : 8;
    else nps = random() < 0.55 ? 9 : 10;
    // CSAT (1–5) and CES (1–7, lower is easier) follow the NPS answer, with noise.
    const csat = clamp(Math.round(1 + (nps / 10) * 4 + (random() - 0.5) * 1.6), 1, 5);
    const ces = clamp(Math.round(7 - (nps / 10) * 5 + (random() - 0.5) * 2), 1, 7);
    rows.push([
      `R${String(i + 1).padStart(4, "0")}`,
      segment.name,
      second ? waves[1] : waves[0],
      random() < 0.04 ? null : nps, // some skip the question: a blank is not an answer
      random() < 0.06 ? null : csat,
      random() < 0.08 ? null : ces,
    ]);
  }
  return rows;
}

function surveyWaves(firstYear: number, firstMonthIndex: number, months: number): [string, string] {
  const lastIndex = firstMonthIndex + months - 1;
  const quarter = (index: number) =>
    `Q${Math.floor((index % 12) / 3) + 1} ${firstYear + Math.floor(index / 12)}`;
  return [quarter(lastIndex - 3), quarter(lastIndex)];
}

/** Unique company names; past the combinations of the word lists, numbered ones. */
function customerNames(count: number, random: () => number): string[] {
  const pairs: string[] = [];
  for (const start of NAME_STARTS) for (const end of NAME_ENDS) pairs.push(`${start} ${end}`);
  // Shuffle (Fisher–Yates) so that neighbours do not share a first word.
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j] as string, pairs[i] as string];
  }
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    names.push(
      i < pairs.length ? (pairs[i] as string) : `Customer ${String(i + 1).padStart(6, "0")}`
    );
  }
  return names;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * A sheet as CSV (RFC 4180: fields with a comma, quote or line break are quoted), for
 * `npm run sample`.
 */
export function toCsv(rows: SampleRows): string {
  const field = (cell: SampleCell) => {
    if (cell === null) return "";
    const text = String(cell);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}
