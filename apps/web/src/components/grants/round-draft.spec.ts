import { GrantRoundDraft, toFieldIssues } from '@bandanh/contracts';
import {
  applyIntent,
  blankRound,
  intentOf,
  phnomPenhInstant,
  roundDraftOf,
  roundErrors,
  roundFromForm,
  roundValues,
  type RoundValues,
} from './round-draft';

const filled = (values: Partial<RoundValues> = {}): RoundValues => ({
  ...blankRound(),
  nameKm: 'ជុំទី១',
  nameEn: 'Round 1',
  budget: '25,000.00',
  minAmount: '200',
  maxAmount: '8000.00',
  opensDate: '2027-01-05',
  opensTime: '08:00',
  closesDate: '2027-02-05',
  closesTime: '17:30',
  ...values,
});

function formOf(values: RoundValues): FormData {
  const data = new FormData();
  for (const name of ['nameKm', 'nameEn', 'currency', 'budget', 'minAmount', 'maxAmount'] as const)
    data.set(name, values[name]);
  for (const name of [
    'opensDate',
    'opensTime',
    'closesDate',
    'closesTime',
    'reviewersPerApplication',
  ] as const)
    data.set(name, values[name]);
  values.provinceCodes.forEach((code) => data.append('provinceCodes', code));
  if (values.blindReview) data.set('blindReview', 'on');
  data.set('rubricRows', String(values.rubric.length));
  values.rubric.forEach((row, i) => {
    for (const [part, value] of Object.entries(row)) data.set(`rubric.${i}.${part}`, value);
  });
  data.set('chainRows', String(values.approvalChain.length));
  values.approvalChain.forEach((row, i) => {
    for (const [part, value] of Object.entries(row)) data.set(`approvalChain.${i}.${part}`, value);
  });
  return data;
}

describe('the round form', () => {
  it('turns Phnom Penh wall time into an instant with +07:00', () => {
    expect(phnomPenhInstant('2027-01-05', '08:00')).toBe('2027-01-05T08:00:00+07:00');
    expect(Date.parse(phnomPenhInstant('2027-01-05', '06:00'))).toBe(Date.parse('2027-01-04T23:00:00Z'));
    expect(phnomPenhInstant('2027-02-30', '08:00')).toBe('');
    expect(phnomPenhInstant('2027-01-05', '25:00')).toBe('');
  });

  it('sends amounts in minor units and the dates as instants, which the contract accepts', () => {
    const draft = roundDraftOf(
      roundFromForm(formOf(filled({ provinceCodes: ['KH-12'], blindReview: true }))),
    );
    expect(draft).toMatchObject({
      budget: 2500000,
      minAmount: 20000,
      maxAmount: 800000,
      opensAt: '2027-01-05T08:00:00+07:00',
      closesAt: '2027-02-05T17:30:00+07:00',
      blindReview: true,
      eligibility: { provinceCodes: ['KH-12'], focusIssues: [] },
      reviewersPerApplication: 2,
    });
    expect(draft.approvalChain).toEqual([
      { role: 'programme_manager', aboveAmount: 0 },
      { role: 'grant_committee', aboveAmount: 100000 },
      { role: 'director', aboveAmount: 500000 },
    ]);
    expect(GrantRoundDraft.safeParse(draft).success).toBe(true);
  });

  it('gives a round back as the same values (Phnom Penh time)', () => {
    const draft = GrantRoundDraft.parse(roundDraftOf(filled()));
    const values = roundValues({ ...draft, opensAt: '2027-01-05T01:00:00.000Z', closesAt: draft.closesAt });
    expect(values).toMatchObject({
      opensDate: '2027-01-05',
      opensTime: '08:00',
      budget: '25000.00',
      maxAmount: '8000.00',
    });
    expect(values.approvalChain.map((step) => step.aboveAmount)).toEqual(['0.00', '1000.00', '5000.00']);
  });

  it('says a closing before the opening on the closing date', () => {
    const values = filled({ closesDate: '2027-01-04' });
    const parsed = GrantRoundDraft.safeParse(roundDraftOf(values));
    expect(parsed.success).toBe(false);
    expect(roundErrors(toFieldIssues(parsed.error!), values)).toEqual({ closesDate: 'closesBeforeOpens' });
  });

  it('names each wrong field in the form’s words', () => {
    const values = filled({ budget: 'lots', minAmount: '9000', nameEn: '', opensDate: '' });
    values.rubric[1] = { ...values.rubric[1]!, key: 'Bad Key' };
    values.approvalChain[2] = { ...values.approvalChain[2]!, aboveAmount: '500' };
    const parsed = GrantRoundDraft.safeParse(roundDraftOf(values));
    // Every mistake at once: the rules between fields too, although other fields are wrong.
    expect(roundErrors(toFieldIssues(parsed.error!), values)).toEqual({
      budget: 'money',
      nameEn: 'name',
      opensDate: 'opensAt',
      'rubric.1.key': 'key',
      minAmount: 'minAboveCeiling',
      'approvalChain.2.aboveAmount': 'stepOrder',
    });
    const rules = filled({ minAmount: '9000' });
    rules.approvalChain[2] = { ...rules.approvalChain[2]!, aboveAmount: '500' };
    const refused = GrantRoundDraft.safeParse(roundDraftOf(rules));
    expect(roundErrors(toFieldIssues(refused.error!), rules)).toEqual({
      minAmount: 'minAboveCeiling',
      'approvalChain.2.aboveAmount': 'stepOrder',
    });
  });

  it('adds and removes rows, keeping each row with its own id', () => {
    const values = filled();
    const added = applyIntent(values, intentOf('addCriterion'));
    expect(added.rubric).toHaveLength(4);
    const removed = applyIntent(added, intentOf('removeCriterion.0'));
    expect(removed.rubric.map((row) => row.key)).toEqual(['feasibility', 'value', '']);
    expect(removed.rubric[0]!.uid).toBe(values.rubric[1]!.uid);
    expect(applyIntent(values, intentOf('removeStep.1')).approvalChain.map((s) => s.role)).toEqual([
      'programme_manager',
      'director',
    ]);
    expect(intentOf('anything else')).toEqual({ kind: 'save' });
  });
});
