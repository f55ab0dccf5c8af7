import { checkApplication, fieldErrorsFrom, valuesFrom } from './application';

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  }
  return data;
}

const complete = {
  name: 'Ou Ta Ki Land Community',
  nameKm: 'សហគមន៍ដីធ្លីអូរតាគី',
  provinceCode: 'KH-2',
  focusIssues: ['land', 'labour'],
  purpose: 'human_rights',
  membersCount: '42',
  'contacts.1.name': 'Sokha Phan',
  'contacts.1.phone': '012 345 678',
  publishContacts: 'yes',
};

describe('the application form', () => {
  it('sends the issues as an array and only the contact rows that were filled in', () => {
    const checked = checkApplication(valuesFrom(form(complete)));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.application).toMatchObject({
      name: 'Ou Ta Ki Land Community',
      provinceCode: 'KH-2',
      focusIssues: ['land', 'labour'],
      purpose: 'human_rights',
      membersCount: 42,
      contacts: [{ name: 'Sokha Phan', phone: '012 345 678' }],
      publishContacts: true,
    });
    expect(checked.rows).toEqual([1]);
  });

  it('refuses no issue, no contact and no purpose, each next to its field', () => {
    const checked = checkApplication(
      valuesFrom(
        form({ ...complete, focusIssues: [], purpose: '', 'contacts.1.name': '', 'contacts.1.phone': '' }),
      ),
    );
    expect(checked).toEqual({
      ok: false,
      fieldErrors: {
        focusIssues: 'focusIssuesRequired',
        contacts: 'contactsRequired',
        purpose: 'purposeRequired',
      },
    });
  });

  it("points a contact's error at the row it was typed in", () => {
    const checked = checkApplication(valuesFrom(form({ ...complete, 'contacts.2.phone': 'call me' })));
    expect(checked).toEqual({
      ok: false,
      fieldErrors: { 'contacts.2.name': 'contactNameRequired', 'contacts.2.phone': 'contactPhoneInvalid' },
    });
  });

  it('reads the API refusal of a province that is not open, whatever the prefix of its path', () => {
    expect(fieldErrorsFrom([{ path: 'application.provinceCode', code: 'province_not_open' }], [])).toEqual({
      provinceCode: 'provinceNotOpen',
    });
    expect(fieldErrorsFrom([{ path: 'contacts.0.phone', code: 'invalid_format' }], [2])).toEqual({
      'contacts.2.phone': 'contactPhoneInvalid',
    });
    expect(fieldErrorsFrom([{ path: 'idempotency-key', code: 'too_small' }], [])).toEqual({});
  });

  it('refuses a Khmer name written in Latin letters, and a number of members that is not one', () => {
    const checked = checkApplication(
      valuesFrom(form({ ...complete, nameKm: 'Ou Ta Ki', membersCount: 'many' })),
    );
    expect(checked).toEqual({
      ok: false,
      fieldErrors: { nameKm: 'nameKmScript', membersCount: 'membersInvalid' },
    });
  });
});
