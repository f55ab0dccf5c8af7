import type { CriterionScore, FieldIssue, GrantRubricCriterion } from '@bandanh/contracts';

/**
 * Checks a reviewer's scores against the rubric: each criterion once, none unknown, each within
 * its top score. Answers the issues naming the criterion, or the weighted total out of 100.
 */
export function scoreOnRubric(
  rubric: readonly GrantRubricCriterion[],
  scores: readonly CriterionScore[],
): { issues: FieldIssue[]; total: number } {
  const issues: FieldIssue[] = [];
  const byKey = new Map(rubric.map((criterion) => [criterion.key, criterion]));
  const seen = new Set<string>();
  scores.forEach((score, index) => {
    const criterion = byKey.get(score.key);
    if (!criterion) {
      issues.push({
        path: `scores.${index}.key`,
        code: 'unknown_criterion',
        message: `The rubric has no criterion ${score.key}`,
      });
      return;
    }
    if (seen.has(score.key)) {
      issues.push({
        path: `scores.${index}.key`,
        code: 'duplicate_criterion',
        message: `${criterion.labelEn} is scored twice`,
      });
    }
    seen.add(score.key);
    if (score.score > criterion.maxScore) {
      issues.push({
        path: `scores.${index}.score`,
        code: 'too_big',
        message: `${criterion.labelEn} is scored out of ${criterion.maxScore}`,
      });
    }
  });
  for (const criterion of rubric) {
    if (!seen.has(criterion.key)) {
      issues.push({
        path: 'scores',
        code: 'missing_criterion',
        message: `Score ${criterion.labelEn} (${criterion.key})`,
      });
    }
  }
  if (issues.length > 0) return { issues, total: 0 };
  const weights = rubric.reduce((sum, criterion) => sum + criterion.weight, 0);
  let total = 0;
  for (const score of scores) {
    const criterion = byKey.get(score.key)!;
    total += (score.score / criterion.maxScore) * (criterion.weight / weights) * 100;
  }
  return { issues, total: Math.round(total * 100) / 100 };
}
