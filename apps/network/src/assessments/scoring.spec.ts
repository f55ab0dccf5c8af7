import type { Rubric } from '@bandanh/contracts';
import { scoreAssessment } from './scoring';

const rubric: Rubric = [
  { key: 'organisation', labelEn: 'Organisation', labelKm: 'ការរៀបចំ', weight: 30, maxScore: 5 },
  { key: 'activities', labelEn: 'Activities', labelKm: 'សកម្មភាព', weight: 10, maxScore: 4 },
];

describe('scoring an assessment on the rubric', () => {
  it('gives each criterion its share of 100 by weight, and totals the parts', () => {
    const result = scoreAssessment(rubric, { organisation: 4, activities: 2 });
    expect(result).toEqual({
      parts: [
        expect.objectContaining({ key: 'organisation', score: 4, points: 60 }),
        expect.objectContaining({ key: 'activities', score: 2, points: 12.5 }),
      ],
      total: 72.5,
    });
  });

  it('gives 100 for full marks whatever the weights add up to', () => {
    expect(scoreAssessment(rubric, { organisation: 5, activities: 4 })).toMatchObject({ total: 100 });
  });

  it('names every missing, out-of-range and unknown score', () => {
    const result = scoreAssessment(rubric, { organisation: 6, reach: 1 });
    expect('issues' in result && result.issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['scores.organisation', 'out_of_range'],
      ['scores.activities', 'missing'],
      ['scores.reach', 'unknown'],
    ]);
  });
});
