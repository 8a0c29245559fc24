/**
 * Survey metrics (shared/spec/metrics.md, "Surveys"). Scores arrive validated (coerce.ts): whole
 * numbers on their scale, BLANK_SCORE where a cell was blank (not a response).
 */
import { BLANK_SCORE, type ScoreScale } from "./coerce";
import { ratio } from "./ratios";

export const NPS_SCALE: ScoreScale = { min: 0, max: 10, label: "NPS scores" };

/** Promoters answer 9–10, passives 7–8, detractors 0–6. */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
}

export function emptyNpsCounts(): NpsCounts {
  return { promoters: 0, passives: 0, detractors: 0, responses: 0 };
}

function addScore(counts: NpsCounts, score: number): void {
  counts.responses++;
  if (score >= 9) counts.promoters++;
  else if (score >= 7) counts.passives++;
  else counts.detractors++;
}

/** Counts answers in one pass, per segment when `groupOf` is given; blanks are skipped. */
export function npsCounts(
  scores: Int16Array,
  groupOf?: Int32Array,
  groupCount = 0
): { overall: NpsCounts; groups: NpsCounts[] } {
  const overall = emptyNpsCounts();
  const groups = Array.from({ length: groupCount }, emptyNpsCounts);
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i] as number;
    if (score === BLANK_SCORE) continue;
    addScore(overall, score);
    if (groupOf !== undefined) addScore(groups[groupOf[i] as number] as NpsCounts, score);
  }
  return { overall, groups };
}

/**
 * Net Promoter Score in points: %promoters − %detractors; passives count in the total only.
 *
 * @example 200 responses, 100 promoters, 80 passives, 20 detractors → 40
 */
export function netPromoterScore(counts: NpsCounts): number {
  return (
    100 *
    ratio(
      counts.promoters - counts.detractors,
      counts.responses,
      "no responses: scores holds no answer"
    )
  );
}
