import type { FieldIssue, Rubric, ScorePart } from '@bandanh/contracts';

/**
 * Scores an assessment on the rubric: each criterion gives `score / maxScore` of its weight,
 * and the total is out of 100 whatever the weights add up to. Every criterion must be
 * scored, within its range, and nothing else.
 */
export function scoreAssessment(
  rubric: Rubric,
  scores: Record<string, number>,
): { parts: ScorePart[]; total: number } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  for (const criterion of rubric) {
    const score = scores[criterion.key];
    if (score === undefined) {
      issues.push({
        path: `scores.${criterion.key}`,
        code: 'missing',
        message: `Score “${criterion.labelEn}”`,
      });
    } else if (!Number.isInteger(score) || score < 0 || score > criterion.maxScore) {
      issues.push({
        path: `scores.${criterion.key}`,
        code: 'out_of_range',
        message: `“${criterion.labelEn}” is scored from 0 to ${criterion.maxScore}`,
      });
    }
  }
  for (const key of Object.keys(scores)) {
    if (!rubric.some((criterion) => criterion.key === key)) {
      issues.push({
        path: `scores.${key}`,
        code: 'unknown',
        message: `The rubric has no criterion “${key}”`,
      });
    }
  }
  if (issues.length > 0) return { issues };

  const totalWeight = rubric.reduce((sum, criterion) => sum + criterion.weight, 0);
  const parts = rubric.map((criterion) => {
    const score = scores[criterion.key];
    const points = round((score / criterion.maxScore) * (criterion.weight / totalWeight) * 100);
    return { ...criterion, score, points };
  });
  return { parts, total: round(parts.reduce((sum, part) => sum + part.points, 0)) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
