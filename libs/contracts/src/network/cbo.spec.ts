import { ApplicationReference, CboDraft, IdempotencyKey, createCbo } from './cbo';
import { toFieldIssues } from '../errors';
import { defineContract } from '../contract';
import { z } from 'zod';

const valid = {
  name: 'Prek Toal Fishing Community',
  provinceCode: 'KH-17',
  focusIssues: ['fisheries'],
  foundVia: 'referral',
};

function issuesOf(input: unknown) {
  const result = CboDraft.safeParse(input);
  return result.success ? [] : toFieldIssues(result.error);
}

describe('the CBO draft contract', () => {
  it('accepts a Khmer name and trims the spaces around it', () => {
    expect(CboDraft.parse({ ...valid, name: '  សហគមន៍នេសាទទន្លេសាប ' }).name).toBe('សហគមន៍នេសាទទន្លេសាប');
  });

  it('refuses an empty name, naming the field', () => {
    expect(issuesOf({ ...valid, name: '   ' })).toEqual([
      expect.objectContaining({ path: 'name', message: 'Name is required' }),
    ]);
  });

  it('refuses a province that is not one of the 25', () => {
    expect(issuesOf({ ...valid, provinceCode: 'KH-26' })).toEqual([
      expect.objectContaining({ path: 'provinceCode', message: 'Choose a province from the list' }),
    ]);
  });

  it('knows every province of the reference list', () => {
    for (const code of ['KH-1', 'KH-2', 'KH-12', 'KH-17', 'KH-25']) {
      expect(issuesOf({ ...valid, provinceCode: code })).toEqual([]);
    }
  });

  it('refuses an unknown focus issue and channel', () => {
    expect(issuesOf({ ...valid, focusIssues: ['mining'], foundVia: 'rumour' }).map((i) => i.path)).toEqual([
      'focusIssues.0',
      'foundVia',
    ]);
  });

  it('reads Khmer digits in the members count and a phone as Latin ones, as a Khmer keyboard types them', () => {
    const parsed = CboDraft.parse({
      ...valid,
      membersCount: '២៥',
      contacts: [{ name: 'សុខ ស្រីពៅ', phone: '០១២ ៣៤៥ ៦៧៨' }],
    });
    expect(parsed.membersCount).toBe(25);
    expect(parsed.contacts[0].phone).toBe('012 345 678');
    // Still refused when it is not a number, whatever the digits.
    expect(issuesOf({ ...valid, membersCount: '២៥ នាក់' }).map((i) => i.path)).toEqual(['membersCount']);
  });

  it('nests the draft under the create message, so a service names draft.<field>', () => {
    const result = createCbo.request.safeParse({
      idempotencyKey: 'form-0001',
      draft: { ...valid, name: '' },
    });
    expect(result.success).toBe(false);
    expect(toFieldIssues(result.error!)[0].path).toBe('draft.name');
  });
});

describe('idempotency keys', () => {
  it('accept a UUID and refuse short or odd keys', () => {
    expect(IdempotencyKey.safeParse('0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e').success).toBe(true);
    expect(IdempotencyKey.safeParse('short').success).toBe(false);
    expect(IdempotencyKey.safeParse('has spaces in it').success).toBe(false);
  });
});

describe('contract subjects', () => {
  it('must read <domain>.<entity>.<verb>', () => {
    expect(() =>
      defineContract({ subject: 'Network Create', request: z.object({}), response: z.object({}) }),
    ).toThrow(/<domain>\.<entity>\.<verb>/);
  });
});

describe('the rest of a CBO draft', () => {
  it('wants the Khmer name in Khmer script, and treats blank optional fields as absent', () => {
    expect(issuesOf({ ...valid, nameKm: 'Prek Toal' })).toEqual([
      expect.objectContaining({ path: 'nameKm', message: 'Write the Khmer name in Khmer script' }),
    ]);
    const parsed = CboDraft.parse({
      ...valid,
      nameKm: ' ',
      commune: '',
      contacts: [{ name: 'Sok', phone: '' }],
    });
    expect(parsed).toMatchObject({ nameKm: undefined, commune: undefined, contacts: [{ name: 'Sok' }] });
    expect(parsed.contacts[0].phone).toBeUndefined();
  });

  it('needs at least one focus issue, and keeps each once', () => {
    expect(issuesOf({ ...valid, focusIssues: [] }).map((i) => i.path)).toEqual(['focusIssues']);
    expect(CboDraft.parse({ ...valid, focusIssues: ['land', 'land', 'labour'] }).focusIssues).toEqual([
      'land',
      'labour',
    ]);
  });

  it('checks contact phones and caps the members count', () => {
    expect(
      issuesOf({ ...valid, contacts: [{ name: 'Sok', phone: 'call me' }], membersCount: 0 }).map(
        (i) => i.path,
      ),
    ).toEqual(['membersCount', 'contacts.0.phone']);
  });

  it('defaults the purpose to human rights and the contacts to unpublished', () => {
    expect(CboDraft.parse(valid)).toMatchObject({
      purpose: 'human_rights',
      publishContacts: false,
      contacts: [],
    });
  });
});

describe("a public application's reference, as someone types it", () => {
  it('reads case, spaces, dashes and the letters O, I and L as the stored reference', () => {
    expect(ApplicationReference.parse('bdh-7q2m9xka')).toBe('BDH-7Q2M9XKA');
    expect(ApplicationReference.parse(' BDH 7Q2M 9XKA ')).toBe('BDH-7Q2M9XKA');
    expect(ApplicationReference.parse('7q2m9xka')).toBe('BDH-7Q2M9XKA');
    expect(ApplicationReference.parse('BDH-O0IL1234')).toBe('BDH-00111234');
  });

  it('refuses what cannot be one: too short, too long, or a U', () => {
    for (const typed of ['BDH-12', 'BDH-123456789', 'BDH-UUUUUUUU', '']) {
      expect(ApplicationReference.safeParse(typed).success).toBe(false);
    }
  });
});
