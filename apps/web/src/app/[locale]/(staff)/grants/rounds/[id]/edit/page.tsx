import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import type { GrantRound } from '@bandanh/contracts';
import {
  approvalRoleNames,
  focusIssueChoices,
  provinceChoices,
  roundName,
} from '@/components/grants/grant-data';
import { RoundForm } from '@/components/grants/round-form';
import { roundValues } from '@/components/grants/round-draft';
import { NotAllowed } from '@/components/not-allowed';
import { Unavailable } from '@/components/unavailable';
import { Link } from '@/i18n/navigation';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';

type Props = { params: Promise<{ locale: string; id: string }> };

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('grants.round.edit');

/** An admin changes a round (its rubric, currency and chain stay once it has applications: the API says so). */
export default async function EditRoundPage({ params }: Props) {
  const { locale: raw, id } = await params;
  const locale = localeOf(raw);
  setRequestLocale(locale);
  if (!z.uuid().safeParse(id).success) notFound();
  const path = `/grants/rounds/${id}/edit`;
  const t = await getTranslations('grants.round');
  const { account } = await requireAccount(locale, path);
  if (!can(account, 'keepRounds')) return <NotAllowed title={t('edit.title')} />;

  let round: GrantRound;
  try {
    ({ round } = await api(ROUTES.getGrantRound, { params: { id } }));
  } catch (error) {
    const failure = afterFailure(error, locale, path);
    if (failure === 'notFound') notFound();
    if (failure === 'notAllowed') return <NotAllowed title={t('edit.title')} />;
    return <Unavailable title={t('edit.title')} message={t('unavailable')} />;
  }
  return (
    <>
      <p>
        <Link href={`/grants/rounds/${id}`}>{t('backToRound')}</Link>
      </p>
      <h1>{t('edit.heading', { name: roundName(round, locale) })}</h1>
      <RoundForm
        locale={locale}
        idempotencyKey=""
        roundId={round.id}
        values={roundValues(round)}
        provinces={provinceChoices(locale)}
        focusIssues={await focusIssueChoices()}
        roleNames={await approvalRoleNames()}
      />
    </>
  );
}
