import { CLAIM_STATUSES, STAFF_ROLES } from '@bandanh/contracts';
import { loadMessages } from '@/i18n/catalog';
import { ACCOUNT_ERROR_KEYS } from './account-errors';

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

const KHMER = /[\u1780-\u17FF]/;

const en = loadMessages('en') as any;

const km = loadMessages('km') as any;

describe('the message catalogs', () => {
  it('have the same keys in Khmer and English', () => {
    expect(keys(km).sort()).toEqual(keys(en).sort());
  });

  it('have no empty message', () => {
    for (const catalog of [en, km]) {
      const empty = keys(catalog).filter((key) => {
        const value = key.split('.').reduce<any>((node, part) => node[part], catalog);
        return String(value).trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });

  it('write the Khmer catalog in Khmer script', () => {
    expect(km.nav.cbos).toMatch(KHMER);
    expect(km.form.errors.nameRequired).toMatch(KHMER);
    for (const section of [
      km.signIn,
      km.signUp,
      km.invitation,
      km.mfa,
      km.account.errors,
      km.roles,
      km.linkCbo,
      km.claims,
      km.claimStatus,
    ]) {
      const notKhmer = Object.entries(section).filter(([, text]) => !KHMER.test(String(text)));
      expect(notKhmer).toEqual([]);
    }
  });

  it('have a message for every error an account form can show, every staff role and claim status', () => {
    for (const catalog of [en, km]) {
      expect(ACCOUNT_ERROR_KEYS.filter((key) => !(key in catalog.account.errors))).toEqual([]);
      expect(STAFF_ROLES.filter((role) => !(role in catalog.roles))).toEqual([]);
      expect(CLAIM_STATUSES.filter((status) => !(status in catalog.claimStatus))).toEqual([]);
    }
  });
});
