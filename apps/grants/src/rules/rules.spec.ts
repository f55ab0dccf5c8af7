import { ActivityPlan, type BudgetLine } from '@bandanh/contracts';
import { chooseReviewers } from './reviewers';
import { GRANT_REFERENCE } from '@bandanh/contracts';
import { generateReference } from './reference';
import { amountFailures, automaticCheck, cboFailures, roundState } from './rounds';
import { scoreOnRubric } from './scores';
import { phnomPenhToday, submissionIssues } from './submission';

const round = {
  opensAt: '2026-12-01T01:00:00.000Z',
  closesAt: '2026-12-31T10:00:00.000Z',
  minAmount: 50_000,
  maxAmount: 300_000,
  currency: 'USD',
  eligibility: { provinceCodes: [], focusIssues: [] },
};
const cbo = { provinceCode: 'KH-2', focusIssues: ['land', 'fisheries'], stage: 'grant_eligible' };

describe("a round's state", () => {
  it('is upcoming before it opens, open from its opening, closed from its closing', () => {
    expect(roundState(round, new Date('2026-12-01T00:59:59.999Z'))).toBe('upcoming');
    expect(roundState(round, new Date('2026-12-01T01:00:00.000Z'))).toBe('open');
    expect(roundState(round, new Date('2026-12-31T09:59:59.999Z'))).toBe('open');
    expect(roundState(round, new Date('2026-12-31T10:00:00.000Z'))).toBe('closed');
  });
});

describe('who may apply to a round', () => {
  it('is a grant-eligible CBO, anywhere and on any issue when the round says nothing', () => {
    expect(cboFailures(cbo, round)).toEqual([]);
    expect(cboFailures({ ...cbo, stage: 'training' }, round)).toEqual(['cbo_not_grant_eligible']);
    expect(cboFailures({ ...cbo, stage: null }, round)).toEqual(['cbo_not_grant_eligible']);
  });

  it("is limited to the round's provinces and focus issues (one shared issue is enough)", () => {
    const limited = { eligibility: { provinceCodes: ['KH-3' as const], focusIssues: ['labour' as const] } };
    expect(cboFailures(cbo, limited)).toEqual(['province_not_in_round', 'focus_issue_not_in_round']);
    expect(
      cboFailures(cbo, {
        eligibility: { provinceCodes: ['KH-2' as const], focusIssues: ['fisheries' as const] },
      }),
    ).toEqual([]);
  });

  it("asks for an amount within the round's minimum and ceiling", () => {
    expect(amountFailures(49_999, round)).toEqual(['amount_below_minimum']);
    expect(amountFailures(50_000, round)).toEqual([]);
    expect(amountFailures(300_000, round)).toEqual([]);
    expect(amountFailures(300_001, round)).toEqual(['amount_above_ceiling']);
  });

  it('checks a submission automatically: the CBO, the amount and the round open when submitted', () => {
    const submittedAt = new Date('2026-12-10T00:00:00.000Z');
    expect(automaticCheck({ cbo, round, requested: 100_000, submittedAt })).toEqual({
      passed: true,
      failed: [],
    });
    expect(
      automaticCheck({
        cbo: { ...cbo, stage: 'declined' },
        round,
        requested: 400_000,
        submittedAt: new Date('2098-01-01T00:00:00.000Z'),
      }),
    ).toEqual({
      passed: false,
      failed: ['cbo_not_grant_eligible', 'amount_above_ceiling', 'round_not_open'],
    });
    expect(automaticCheck({ cbo: null, round, requested: 100_000, submittedAt }).failed).toEqual([
      'cbo_not_grant_eligible',
    ]);
  });
});

const plan = ActivityPlan.parse({
  title: 'Land rights forum',
  objectives: 'Know the land law',
  description: 'Two days of meetings',
  provinceCode: 'KH-2',
  place: 'Pagoda hall',
  startsOn: '2098-01-10',
  endsOn: '2098-01-11',
  beneficiariesWomen: 30,
  beneficiariesMen: 20,
  expectedResults: 'Claims filed',
});
const line = (unitCost: number, quantity = 1, contribution = 0): BudgetLine => ({
  id: '0c5bd3c2-1111-4111-8111-111111111111',
  category: 'venue',
  description: 'Hall',
  unitCost,
  quantity,
  contribution,
});

describe('what a submission needs', () => {
  it('is nothing more when every field is given and the amount is within the limits', () => {
    expect(submissionIssues({ plan, budget: [line(60_000, 2, 20_000)] }, round)).toEqual([]);
  });

  it('names every missing field by its path', () => {
    const empty = ActivityPlan.parse({});
    const issues = submissionIssues({ plan: empty, budget: [] }, round);
    expect(issues.map((issue) => issue.path)).toEqual([
      'plan.title',
      'plan.objectives',
      'plan.description',
      'plan.provinceCode',
      'plan.place',
      'plan.startsOn',
      'plan.endsOn',
      'plan.beneficiariesWomen',
      'plan.beneficiariesMen',
      'plan.expectedResults',
      'budget',
    ]);
    expect(issues.every((issue) => issue.code === 'required' && issue.message.length > 0)).toBe(true);
  });

  it('keeps 0 beneficiaries (a number given) and refuses an end before the start', () => {
    const issues = submissionIssues(
      { plan: { ...plan, beneficiariesMen: 0, endsOn: '2098-01-09' }, budget: [line(60_000)] },
      round,
    );
    expect(issues).toEqual([expect.objectContaining({ path: 'plan.endsOn', code: 'before_start' })]);
  });

  it('refuses an activity that starts before today in Cambodia', () => {
    const issues = submissionIssues(
      { plan: { ...plan, startsOn: '2026-12-02', endsOn: '2026-12-04' }, budget: [line(60_000)] },
      round,
      '2026-12-03',
    );
    expect(issues).toEqual([expect.objectContaining({ path: 'plan.startsOn', code: 'in_past' })]);
    expect(
      submissionIssues(
        { plan: { ...plan, startsOn: '2026-12-03', endsOn: '2026-12-04' }, budget: [line(60_000)] },
        round,
        '2026-12-03',
      ),
    ).toEqual([]);
    // Cambodia is UTC+7: at 18:00 UTC on 2 December it is already 3 December there.
    expect(phnomPenhToday(Date.parse('2026-12-02T18:00:00Z'))).toBe('2026-12-03');
  });

  it("refuses an amount asked (total − contribution) outside the round's limits, on the budget", () => {
    expect(submissionIssues({ plan, budget: [line(60_000, 1, 20_000)] }, round)).toEqual([
      expect.objectContaining({
        path: 'budget',
        code: 'amount_below_minimum',
        message: expect.stringContaining('$500'),
      }),
    ]);
    expect(submissionIssues({ plan, budget: [line(100_000, 4)] }, round)).toEqual([
      expect.objectContaining({
        path: 'budget',
        code: 'amount_above_ceiling',
        message: expect.stringContaining('$3,000'),
      }),
    ]);
  });
});

describe("an application's reference", () => {
  it('is GRT- and eight letters and digits without look-alikes', () => {
    for (let i = 0; i < 200; i++) expect(generateReference()).toMatch(GRANT_REFERENCE);
  });
});

describe('the choice of reviewers', () => {
  const candidates = [
    { userId: 'c', open: 0, total: 5 },
    { userId: 'a', open: 1, total: 1 },
    { userId: 'b', open: 0, total: 5 },
    { userId: 'd', open: 0, total: 0 },
  ];

  it('takes the fewest open first, then the fewest in all, then by id', () => {
    expect(chooseReviewers(candidates, new Set(), 4)).toEqual(['d', 'b', 'c', 'a']);
    expect(chooseReviewers(candidates, new Set(), 2)).toEqual(['d', 'b']);
  });

  it('never takes someone excluded, and answers fewer when too few are left', () => {
    expect(chooseReviewers(candidates, new Set(['d', 'b', 'c']), 2)).toEqual(['a']);
    expect(chooseReviewers(candidates, new Set(['a', 'b', 'c', 'd']), 2)).toEqual([]);
  });
});

describe('scores on a rubric', () => {
  const rubric = [
    { key: 'relevance', labelKm: 'ភាពពាក់ព័ន្ធ', labelEn: 'Relevance', weight: 3, maxScore: 5 },
    { key: 'budget', labelKm: 'ថវិកា', labelEn: 'Budget', weight: 1, maxScore: 10 },
  ];
  const score = (key: string, value: number) => ({ key, score: value, comment: '' });

  it('weighs each criterion into a total out of 100', () => {
    expect(scoreOnRubric(rubric, [score('relevance', 5), score('budget', 10)])).toEqual({
      issues: [],
      total: 100,
    });
    expect(scoreOnRubric(rubric, [score('relevance', 4), score('budget', 5)]).total).toBe(72.5);
  });

  it('names the criterion that is missing, unknown, twice or over its top score', () => {
    expect(scoreOnRubric(rubric, [score('relevance', 5)]).issues).toEqual([
      expect.objectContaining({
        path: 'scores',
        code: 'missing_criterion',
        message: expect.stringContaining('Budget'),
      }),
    ]);
    expect(scoreOnRubric(rubric, [score('relevance', 6), score('budget', 1)]).issues).toEqual([
      expect.objectContaining({ path: 'scores.0.score', message: 'Relevance is scored out of 5' }),
    ]);
    expect(
      scoreOnRubric(rubric, [
        score('relevance', 1),
        score('relevance', 1),
        score('budget', 1),
        score('impact', 1),
      ]).issues.map((issue) => issue.code),
    ).toEqual(['duplicate_criterion', 'unknown_criterion']);
  });
});
