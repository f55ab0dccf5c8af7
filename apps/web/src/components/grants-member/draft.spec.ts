import { applyEntries, cambodiaToday, entriesFrom, sameDraft, totalsOf } from './draft';
import { LINE_A, aDraft } from './draft.fixtures';

const LINE_B = '22222222-2222-4222-8222-222222222222';

const draft = aDraft;

describe("the application form's draft", () => {
  it('lays the fields sent over the draft and keeps the others', () => {
    const { draft: next, errors } = applyEntries(draft(), {
      title: '  Patrol boat ',
      beneficiariesMen: '១២',
    });
    expect(errors).toEqual({});
    expect(next.plan.title).toBe('Patrol boat');
    expect(next.plan.beneficiariesMen).toBe(12);
    expect(next.plan.provinceCode).toBe('KH-2');
    expect(next.budget).toHaveLength(1);
  });

  it('says beside the dates when the activity starts before today or ends before it starts', () => {
    const today = '2026-12-03';
    expect(
      applyEntries(draft(), { startsOn: '2026-12-02', endsOn: '2026-12-05' }, undefined, today).errors,
    ).toEqual({
      startsOn: 'datePast',
    });
    expect(
      applyEntries(draft(), { startsOn: '2027-01-11', endsOn: '2027-01-05' }, undefined, today).errors,
    ).toEqual({
      endsOn: 'datesOrder',
    });
    expect(
      applyEntries(draft(), { startsOn: '2026-12-03', endsOn: '2026-12-03' }, undefined, today).errors,
    ).toEqual({});
    // A step without the dates is not held up by them.
    const late = { ...draft(), plan: { ...draft().plan, startsOn: '2020-01-01', endsOn: '2020-01-02' } };
    expect(applyEntries(late, { title: 'Boat' }, undefined, today).errors).toEqual({});
    expect(cambodiaToday(Date.parse('2026-12-02T17:30:00Z'))).toBe('2026-12-03');
  });

  it('rebuilds the budget from its rows, leaving blank and removed rows out', () => {
    const entries = {
      rows: '3',
      'budget.0.id': LINE_A,
      'budget.0.category': 'materials',
      'budget.0.description': 'Buoys',
      'budget.0.unitCost': '12.50',
      'budget.0.quantity': '4',
      'budget.0.contribution': '',
      'budget.1.id': '33333333-3333-4333-8333-333333333333',
      'budget.2.id': LINE_B,
      'budget.2.category': 'food',
      'budget.2.description': 'Lunch',
      'budget.2.unitCost': '2.75',
      'budget.2.quantity': '30',
      'budget.2.contribution': '10',
    };
    const applied = applyEntries(draft(), entries);
    expect(applied.errors).toEqual({});
    expect(applied.rows).toEqual([0, 2]);
    expect(applied.draft.budget.map((line) => [line.unitCost, line.quantity, line.contribution])).toEqual([
      [1250, 4, 0],
      [275, 30, 1000],
    ]);
    expect(totalsOf(applied.draft.budget)).toEqual({
      total: 5000 + 8250,
      contribution: 1000,
      requested: 12250,
    });
    expect(applyEntries(draft(), entries, LINE_A).draft.budget.map((line) => line.id)).toEqual([LINE_B]);
  });

  it('says which typed amounts it cannot read, by field', () => {
    const { errors } = applyEntries(draft(), {
      rows: '1',
      'budget.0.id': LINE_A,
      'budget.0.description': 'Buoys',
      'budget.0.unitCost': '12.505',
      'budget.0.quantity': '0',
      beneficiariesWomen: 'ten',
    });
    expect(errors).toEqual({
      'budget.0.unitCost': 'moneyInvalid',
      'budget.0.quantity': 'quantityInvalid',
      beneficiariesWomen: 'countInvalid',
    });
  });

  it('shows a draft as the form and reads it back the same', () => {
    const start = draft();
    expect(sameDraft(applyEntries(start, entriesFrom(start)).draft, start)).toBe(true);
    expect(sameDraft(applyEntries(start, { title: 'Other' }).draft, start)).toBe(false);
  });
});
