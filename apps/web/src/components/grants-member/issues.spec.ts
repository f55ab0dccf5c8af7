import { fieldErrorsOf, formIssueOf, issuesByStep } from './issues';

describe("the API's field issues on the form", () => {
  it('names plan fields and budget parts by their form rows', () => {
    expect(formIssueOf({ path: 'draft.plan.title', code: 'too_small' })).toEqual({
      field: 'title',
      step: 'plan',
      key: 'required',
    });
    expect(formIssueOf({ path: 'plan.place', code: 'too_big' })).toEqual({
      field: 'place',
      step: 'place',
      key: 'tooLong',
    });
    expect(formIssueOf({ path: 'budget.1.unitCost', code: 'invalid_type' }, [0, 2])).toEqual({
      field: 'budget.2.unitCost',
      step: 'budget',
      key: 'moneyInvalid',
    });
    expect(formIssueOf({ path: 'budget.0.contribution', code: 'custom' })?.key).toBe('contributionTooHigh');
    expect(formIssueOf({ path: 'budget', code: 'too_small' })).toEqual({
      field: 'budget',
      step: 'budget',
      key: 'budgetRequired',
    });
    expect(formIssueOf({ path: 'requested', code: 'custom' })?.key).toBe('amountOutOfRange');
    expect(formIssueOf({ path: 'plan.endsOn', code: 'custom' })?.key).toBe('datesOrder');
    expect(formIssueOf({ path: 'plan.endsOn', code: 'before_start' })?.key).toBe('datesOrder');
    expect(formIssueOf({ path: 'plan.startsOn', code: 'in_past' })?.key).toBe('datePast');
    expect(formIssueOf({ path: 'plan.startsOn', code: 'required' })?.key).toBe('required');
    expect(formIssueOf({ path: 'budget', code: 'amount_above_ceiling' })?.key).toBe('amountAboveCeiling');
    expect(formIssueOf({ path: 'budget', code: 'amount_below_minimum' })?.key).toBe('amountBelowMinimum');
    expect(formIssueOf({ path: 'budget', code: 'required' })?.key).toBe('budgetRequired');
    expect(formIssueOf({ path: 'somethingElse', code: 'custom' })).toBeUndefined();
  });

  it('keeps the first issue of each field, and lists them by step for the review', () => {
    const issues = [
      { path: 'plan.title', code: 'too_small' },
      { path: 'plan.title', code: 'too_big' },
      { path: 'plan.beneficiariesMen', code: 'invalid_type' },
      { path: 'roundClosed', code: 'custom' },
    ];
    expect(fieldErrorsOf(issues)).toEqual({ title: 'required', beneficiariesMen: 'countInvalid' });
    expect(issuesByStep(issues).map((issue) => issue.step)).toEqual(['plan', 'people', 'review']);
  });

  it('lists the issues in the order of the steps and their fields, whatever order they came in', () => {
    const issues = [
      { path: 'budget.1.quantity', code: 'invalid_type' },
      { path: 'plan.beneficiariesWomen', code: 'invalid_type' },
      { path: 'budget.0.unitCost', code: 'invalid_type' },
      { path: 'plan.place', code: 'too_small' },
      { path: 'budget.1.category', code: 'invalid_type' },
      { path: 'plan.provinceCode', code: 'invalid_type' },
      { path: 'plan.expectedResults', code: 'too_small' },
      { path: 'plan.title', code: 'too_small' },
    ];
    expect(issuesByStep(issues).map((issue) => issue.field)).toEqual([
      'title',
      'expectedResults',
      'provinceCode',
      'place',
      'beneficiariesWomen',
      'budget.0.unitCost',
      'budget.1.category',
      'budget.1.quantity',
    ]);
  });
});
