import { AssessmentDraft, CboDraft, toFieldIssues } from '@bandanh/contracts';
import { assessmentErrorsFrom, fieldErrorsFrom, reasonErrorFrom } from './form-errors';

function errorsFor(input: Record<string, unknown>) {
  const result = CboDraft.safeParse(input);
  if (result.success) throw new Error('expected the draft to be refused');
  return fieldErrorsFrom(toFieldIssues(result.error));
}

const valid = {
  name: 'Prek Toal Fishing Community',
  nameKm: 'សហគមន៍នេសាទព្រែកទាល់',
  provinceCode: 'KH-17',
  focusIssues: ['fisheries'],
  foundVia: 'referral',
};

describe('CBO form errors', () => {
  it('accepts the example, so each case below fails for its own reason', () => {
    expect(CboDraft.safeParse(valid).success).toBe(true);
  });

  it('asks for a name when it is empty or only spaces', () => {
    expect(errorsFor({ ...valid, name: '   ' })).toEqual({ name: 'nameRequired' });
  });

  it('says a name is too long past 200 characters', () => {
    expect(errorsFor({ ...valid, name: 'ក'.repeat(201) })).toEqual({ name: 'nameTooLong' });
  });

  it('asks for the Khmer name in Khmer script', () => {
    expect(errorsFor({ ...valid, nameKm: 'Prek Toal' })).toEqual({ nameKm: 'nameKmScript' });
    expect(errorsFor({ ...valid, nameKm: 'ក'.repeat(201) })).toEqual({ nameKm: 'nameKmTooLong' });
  });

  it('asks for a province from the list when the code is unknown', () => {
    expect(errorsFor({ ...valid, provinceCode: 'KH-99' })).toEqual({ provinceCode: 'provinceRequired' });
  });

  it('asks for at least one focus issue, and only known ones', () => {
    expect(errorsFor({ ...valid, focusIssues: [] })).toEqual({ focusIssues: 'focusIssueRequired' });
    expect(errorsFor({ ...valid, focusIssues: ['forests'] })).toEqual({ focusIssues: 'focusIssueRequired' });
  });

  it('names the contact row and the part of it that is wrong', () => {
    expect(
      errorsFor({
        ...valid,
        contacts: [
          { name: 'Sok Dara', phone: '012 345 678' },
          { name: '', phone: 'call me' },
        ],
      }),
    ).toEqual({ 'contacts.1.name': 'contactNameRequired', 'contacts.1.phone': 'contactPhoneInvalid' });
  });

  it('says what is wrong with the number of members and the dates', () => {
    expect(errorsFor({ ...valid, membersCount: 0 })).toEqual({ membersCount: 'membersInvalid' });
    expect(errorsFor({ ...valid, foundOn: '12/05/2026' })).toEqual({ foundOn: 'foundOnInvalid' });
    expect(errorsFor({ ...valid, fieldVisitId: 'visit' })).toEqual({ fieldVisitId: 'fieldVisitInvalid' });
  });

  it('names every wrong field at once', () => {
    expect(errorsFor({})).toEqual({
      name: 'nameRequired',
      provinceCode: 'provinceRequired',
      focusIssues: 'focusIssueRequired',
      foundVia: 'foundViaRequired',
    });
  });

  it('reads nested paths from the API the same way', () => {
    expect(
      fieldErrorsFrom([
        { path: 'draft.name', code: 'too_small', message: 'Name is required' },
        { path: 'draft.contacts.0.phone', code: 'invalid_format', message: 'Enter a phone number' },
        { path: 'draft.contacts.7.phone', code: 'invalid_format', message: 'A row the form has not' },
      ]),
    ).toEqual({ name: 'nameRequired', 'contacts.0.phone': 'contactPhoneInvalid' });
  });
});

describe('needs-assessment form errors', () => {
  const assessment = {
    membersWomen: 12,
    membersMen: 9,
    ongoingActivities: 'Patrols of the fishing lot',
    plannedActivities: 'A complaint to the provincial fisheries office',
    ambitions: 'Secure community fishing rights',
    leadership: 'An elected committee of five',
    meetingsHeld: 10,
    recordsKept: true,
    registration: 'in_progress',
    risks: 'Threats from illegal fishers',
    scores: { organisation: 4 },
  };

  function assessmentErrorsFor(input: Record<string, unknown>) {
    const result = AssessmentDraft.safeParse(input);
    if (result.success) throw new Error('expected the assessment to be refused');
    return assessmentErrorsFrom(toFieldIssues(result.error));
  }

  it('names each missing answer', () => {
    expect(
      assessmentErrorsFor({ ...assessment, membersWomen: 'many', leadership: ' ', registration: '' }),
    ).toEqual({
      membersWomen: 'countInvalid',
      leadership: 'textRequired',
      registration: 'registrationRequired',
    });
    expect(assessmentErrorsFor({ ...assessment, risks: 'x'.repeat(2001) })).toEqual({ risks: 'textTooLong' });
  });

  it('puts a score refused by the rubric next to its criterion', () => {
    expect(
      assessmentErrorsFrom([
        { path: 'draft.scores.reach', code: 'out_of_range', message: 'Scored from 0 to 5' },
        { path: 'scores.reach', code: 'missing', message: 'Score it' },
      ]),
    ).toEqual({ 'score.reach': 'scoreRequired' });
  });

  it('says what is wrong with a reason', () => {
    expect(reasonErrorFrom([{ path: 'decision.reason', code: 'too_small', message: 'Give it' }])).toBe(
      'reasonRequired',
    );
    expect(reasonErrorFrom([{ path: 'reason', code: 'too_big', message: 'Too long' }])).toBe('reasonTooLong');
    expect(reasonErrorFrom([{ path: 'outcome', code: 'invalid_value', message: '?' }])).toBeUndefined();
  });
});

describe('data that should not get in, worded beside the field', () => {
  it('says a CBO cannot have been found after today', () => {
    expect(errorsFor({ ...valid, foundOn: '2030-01-01' })).toEqual({ foundOn: 'foundOnFuture' });
  });

  it('says women and men do not add up to the members recorded', () => {
    const issue = (path: string) => ({ path, code: 'members_mismatch', message: 'add up to 500' });
    expect(assessmentErrorsFrom([issue('membersWomen'), issue('membersMen')])).toEqual({
      membersWomen: 'membersMismatch',
      membersMen: 'membersMismatch',
    });
  });
});
