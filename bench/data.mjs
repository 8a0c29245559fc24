// Seeded data shaped as Excel passes it: ranges as arrays of rows, blanks as null.

/** mulberry32: small, fast, seeded. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Two aligned columns of MRR: churn, contraction, expansion, new and blanks mixed. */
export function revenueColumns(customers, seed = 1) {
  const next = random(seed);
  const start = new Array(customers);
  const end = new Array(customers);
  for (let i = 0; i < customers; i++) {
    const mrr = Math.round(next() * 500000) / 100;
    const roll = next();
    const s = roll < 0.05 ? null : mrr; // 5% new (blank at the start)
    let e;
    if (roll < 0.05) e = Math.round(next() * 300000) / 100;
    else if (roll < 0.1) e = null; // churned
    else if (roll < 0.2) e = Math.round(mrr * (0.5 + next() * 0.4) * 100) / 100;
    else if (roll < 0.35) e = Math.round(mrr * (1.05 + next()) * 100) / 100;
    else e = mrr;
    start[i] = [s];
    end[i] = [e];
  }
  return { start, end };
}

export function segmentColumn(customers, segments, seed = 2) {
  const next = random(seed);
  const names = Array.from({ length: segments }, (_, i) => `Segment ${i + 1}`);
  return Array.from({ length: customers }, () => [names[Math.floor(next() * segments)]]);
}

/** A customers × months block: customers start at random months and churn, expand or shrink. */
export function mrrMatrixBlock(customers, months, seed = 3) {
  const next = random(seed);
  const rows = new Array(customers);
  for (let i = 0; i < customers; i++) {
    const row = new Array(months).fill(null);
    const first = Math.floor(next() * months);
    let mrr = Math.round(next() * 200000) / 100;
    for (let m = first; m < months; m++) {
      if (next() < 0.02) break; // churn
      if (next() < 0.05) mrr = Math.round(mrr * (0.8 + next() * 0.5) * 100) / 100;
      row[m] = mrr;
    }
    rows[i] = row;
  }
  return rows;
}

/** A ledger of `entries` rows: customer id, date serial within 2 years, amount. */
export function ledgerColumns(entries, seed = 4) {
  const next = random(seed);
  const customers = new Array(entries);
  const dates = new Array(entries);
  const amounts = new Array(entries);
  const start = 45292; // 2024-01-01
  for (let i = 0; i < entries; i++) {
    customers[i] = [`C${Math.floor(next() * 40000)}`];
    dates[i] = [start + Math.floor(next() * 730)];
    amounts[i] = [Math.round(next() * 100000) / 100];
  }
  return { customers, dates, amounts };
}

/**
 * The ledger of ledgerColumns with what each line pays for, as a billing export has it: mostly
 * monthly plans, then yearly and quarterly ones (as words and as numbers of months), service end
 * dates in both forms (last day covered, first day no longer covered) and weekly charges.
 */
export function ledgerWithServicePeriods(entries, seed = 6) {
  const { customers, dates, amounts } = ledgerColumns(entries);
  const next = random(seed);
  const covers = new Array(entries);
  for (let i = 0; i < entries; i++) {
    const roll = next();
    const date = dates[i][0];
    if (roll < 0.55) covers[i] = ["month"];
    else if (roll < 0.7) covers[i] = ["year"];
    else if (roll < 0.8) covers[i] = [3];
    else if (roll < 0.85) covers[i] = [date + 365]; // the first day no longer covered
    else if (roll < 0.9) covers[i] = [date + 29]; // the last day covered
    else covers[i] = ["week"];
  }
  return { customers, dates, amounts, covers };
}

export function npsScores(responses, seed = 5) {
  const next = random(seed);
  return Array.from({ length: responses }, () => [next() < 0.03 ? null : Math.floor(next() * 11)]);
}

/**
 * The playground's MRR sheet as the pane reads it (blanks as ""): a header row (Customer,
 * Segment, Region, CSM, then "Jan 2024"…), then one row per customer whose revenue arrives,
 * moves and may churn. Made row by row, so that making it needs no more memory than it holds.
 */
export function mrrSheet(customers, months, seed = 7) {
  const next = random(seed);
  const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const header = ["Customer", "Segment", "Region", "CSM"];
  for (let m = 0; m < months; m++) header.push(`${monthNames[m % 12]} ${2024 + Math.floor(m / 12)}`);
  const segments = ["SMB", "Mid-market", "Enterprise"];
  const regions = ["EMEA", "North America", "APAC", "LATAM"];
  const rows = [header];
  for (let i = 0; i < customers; i++) {
    const row = [`Customer ${i + 1}`, segments[i % 3], regions[i % 4], `CSM ${(i % 20) + 1}`];
    let mrr = next() < 0.6 ? Math.round(50 + next() * 2000) : 0;
    for (let m = 0; m < months; m++) {
      const roll = next();
      if (mrr === 0 && roll < 0.03) mrr = Math.round(50 + next() * 2000);
      else if (mrr > 0 && roll < 0.02) mrr = 0;
      else if (mrr > 0 && roll < 0.08) mrr = Math.round(mrr * (0.8 + next() * 0.5));
      row.push(mrr === 0 ? "" : mrr);
    }
    rows.push(row);
  }
  return rows;
}
