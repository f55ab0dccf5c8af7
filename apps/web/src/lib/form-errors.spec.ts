import { CboDraft, toFieldIssues } from '@bandanh/contracts';
import { fieldErrorsFrom } from './form-errors';

function errorsFor(input: Record<string, unknown>) {
  const result = CboDraft.safeParse(input);
  if (result.success) throw new Error('expected the draft to be refused');
  return fieldErrorsFrom(toFieldIssues(result.error));
}

const valid = {
  name: 'Prek Toal Fishing Community',
  provinceCode: 'KH-17',
  focusIssue: 'fisheries',
  foundVia: 'referral',
};

describe('form errors', () => {
  it('asks for a name when it is empty or only spaces', () => {
    expect(errorsFor({ ...valid, name: '   ' })).toEqual({ name: 'nameRequired' });
  });

  it('says a name is too long past 200 characters', () => {
    expect(errorsFor({ ...valid, name: 'ក'.repeat(201) })).toEqual({ name: 'nameTooLong' });
  });

  it('asks for a province from the list when the code is unknown', () => {
    expect(errorsFor({ ...valid, provinceCode: 'KH-99' })).toEqual({ provinceCode: 'provinceRequired' });
  });

  it('names every wrong field at once', () => {
    expect(errorsFor({})).toEqual({
      name: 'nameRequired',
      provinceCode: 'provinceRequired',
      focusIssue: 'focusIssueRequired',
      foundVia: 'foundViaRequired',
    });
  });

  it('reads nested paths from the API the same way', () => {
    expect(fieldErrorsFrom([{ path: 'draft.name', code: 'too_small', message: 'Name is required' }])).toEqual(
      {
        name: 'nameRequired',
      },
    );
  });
});
