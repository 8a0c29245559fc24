/**
 * A survey column summed up as the survey functions sum it up (src/analysis/survey.ts).
 */
import { describe, expect, it } from "vitest";
import {
  countNps,
  netPromoterScore,
  npsInterval,
  NPS_SCALE,
  readScores,
  readSurveyInput,
  surveyMetric,
} from "../../src/core";
import {
  type SurveyMapping,
  analyseSurvey,
  detectLayout,
  mappingFromLayout,
  prepareSurvey,
} from "../../src/analysis";

import { source, valueOf } from "./support";

describe("a survey", () => {
  const SURVEY: unknown[][] = [
    ["Respondent", "Segment", "NPS score"],
    ...[10, 9, 9, 8, 7, 6, 0, 10, "", 5].map((score, i) => [`R${i}`, i % 2 ? "SMB" : "Ent", score]),
  ];
  const mapping = mappingFromLayout(detectLayout(SURVEY)) as SurveyMapping;
  const model = prepareSurvey(source(SURVEY, "NPS"), mapping);
  if (!model.ok) throw new Error(model.problem.key);
  const analysis = analyseSurvey(model.value);

  it("4 promoters, 2 passives, 3 detractors of 9 answers (a blank is no answer) → NPS 11.1", () => {
    expect(analysis.breakdown).toEqual({ promoters: 4, passives: 2, detractors: 3, responses: 9 });
    const [nps] = analysis.kpis;
    expect(valueOf(nps!.figure)).toBeCloseTo(100 / 9, 12);
    expect(nps?.reading).toMatchObject({ key: "reading.nps.positive", tone: "neutral" });
  });

  it("NPS is SAAS.NPS's, with SAAS.NPS.CI's adjusted-Wald interval, and 9 answers is a small sample", () => {
    const scores = SURVEY.slice(1).map((row) => [row[2]]);
    const [nps] = analysis.kpis;
    expect(valueOf(nps!.figure)).toBe(
      surveyMetric(readSurveyInput(scores, NPS_SCALE, null, null), netPromoterScore)
    );
    const counts = countNps(readScores(scores, "scores", NPS_SCALE));
    const interval = npsInterval(counts, 0.95, "adjusted");
    expect(nps!.interval).toEqual({
      lower: interval.lower,
      upper: interval.upper,
      sample: 9,
      small: true,
    });
    // By hand: n' = 12, p' = (4 + 0.75) / 12, d' = (3 + 0.75) / 12: centre 100 · (p' − d') = 8.33.
    expect(interval.centre).toBeCloseTo((100 * (4.75 - 3.75)) / 12, 9);
  });

  it("NPS per segment", () => {
    const [table] = analysis.segmentTables;
    // Ent: 10, 9, 7, 0, "" → 2 promoters, 1 detractor of 4: 25. SMB: 9, 8, 6, 10, 5 → 2 − 2 of 5: 0.
    expect(table?.rows.map((row) => [row.label, valueOf(row.figure)])).toEqual([
      ["Ent", 25],
      ["SMB", 0],
      ["Total", 100 / 9],
    ]);
  });

  it("a score off the scale is named on the sheet", () => {
    const cells = SURVEY.map((row, r) => (r === 3 ? [row[0], row[1], 11] : row));
    const result = prepareSurvey(source(cells, "NPS", 4, 0), mapping);
    expect(result.ok ? null : result.problem).toEqual({
      key: "problem.scoreOutsideScale",
      params: { row: 8, column: "C", value: { cell: { kind: "number", value: 11 } } },
    });
  });
});
