import 'server-only';
import { getTranslations } from 'next-intl/server';
import { getLocalFormat } from '@/i18n/local-format-server';
import { CBO_PURPOSES, FOCUS_ISSUES } from '@bandanh/contracts/constants';
import type { Choice } from '@/components/form-fields';
import { CONTACT_ROWS, type ApplyErrorKey } from './values';

const ERROR_KEYS: readonly ApplyErrorKey[] = [
  'summary',
  'invalid',
  'unavailable',
  'keyReused',
  'unexpected',
  'nameRequired',
  'nameTooLong',
  'nameKmScript',
  'nameKmTooLong',
  'provinceRequired',
  'provinceNotOpen',
  'placeTooLong',
  'focusIssuesRequired',
  'purposeRequired',
  'membersInvalid',
  'contactsRequired',
  'contactNameRequired',
  'contactNameTooLong',
  'contactPhoneInvalid',
  'contactRoleTooLong',
  'aboutTooLong',
  'emailInvalid',
];

const WORDS = [
  'required',
  'groupTitle',
  'nameKm',
  'nameKmHint',
  'name',
  'nameHint',
  'purpose',
  'purposeHint',
  'focusIssues',
  'membersCount',
  'about',
  'aboutHint',
  'placeTitle',
  'province',
  'provinceHint',
  'chooseProvince',
  'district',
  'commune',
  'village',
  'contactsTitle',
  'contactsHint',
  'contactName',
  'contactPhone',
  'contactRole',
  'publishContacts',
  'submit',
  'submitting',
  'email',
  'emailHint',
] as const;

/** Everything the application form says, in the reader's language. */
export type ApplyText = Record<(typeof WORDS)[number], string> & {
  /** Each contact row's legend ("Contact person 1"…). */
  contacts: string[];
  purposes: Choice[];
  issues: Choice[];
  errors: Record<ApplyErrorKey, string>;
};

/**
 * The application form's words, translated on the server and handed to the form as props: the
 * form is a client component, and this way the browser needs no translation code for it.
 */
export async function applyText(): Promise<ApplyText> {
  const t = await getTranslations('apply');
  const issues = await getTranslations('focusIssues');
  const format = await getLocalFormat();
  return {
    ...(Object.fromEntries(WORDS.map((key) => [key, t(key)])) as Record<(typeof WORDS)[number], string>),
    contacts: Array.from({ length: CONTACT_ROWS }, (_, row) =>
      t('contact', { number: format.number(row + 1) }),
    ),
    purposes: CBO_PURPOSES.map((value) => ({ value, label: t(`purposes.${value}`) })),
    issues: FOCUS_ISSUES.map((value) => ({ value, label: issues(value) })),
    errors: Object.fromEntries(ERROR_KEYS.map((key) => [key, t(`errors.${key}`)])) as Record<
      ApplyErrorKey,
      string
    >,
  };
}
