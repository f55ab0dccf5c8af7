import 'server-only';
import { FOCUS_ISSUES, PROVINCES, type GrantRound } from '@bandanh/contracts';
import { getTranslations } from 'next-intl/server';
import type { Choice } from '@/components/form-fields';
import { provinceName } from '@/lib/provinces';
import { APPROVAL_ROLES } from './constants';

/** A round's name in the reader's language. */
export const roundName = (round: Pick<GrantRound, 'nameKm' | 'nameEn'>, locale: string) =>
  locale === 'km' ? round.nameKm : round.nameEn;

/** An applicant CBO's name in the reader's language (its Khmer name when it has one); null when hidden. */
export const cboNameIn = (
  application: { cboName: string | null; cboNameKm: string | null },
  locale: string,
): string | null => (locale === 'km' ? (application.cboNameKm ?? application.cboName) : application.cboName);

/** The provinces as choices, in the reader's language. */
export const provinceChoices = (locale: string): Choice[] =>
  PROVINCES.map((province) => ({ value: province.code, label: provinceName(province, locale) }));

/** The focus issues as choices, in the reader's language. */
export async function focusIssueChoices(): Promise<Choice[]> {
  const t = await getTranslations('focusIssues');
  return FOCUS_ISSUES.map((issue) => ({ value: issue, label: t(issue) }));
}

/** The approval roles' names in the reader's language. */
export async function approvalRoleNames(): Promise<Record<string, string>> {
  const t = await getTranslations('roles');
  return Object.fromEntries(APPROVAL_ROLES.map((role) => [role, t(role)]));
}
