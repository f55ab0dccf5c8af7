import { randomUUID } from 'node:crypto';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { approvalRoleNames, focusIssueChoices, provinceChoices } from '@/components/grants/grant-data';
import { RoundForm } from '@/components/grants/round-form';
import { blankRound } from '@/components/grants/round-draft';
import { NotAllowed } from '@/components/not-allowed';
import { Link } from '@/i18n/navigation';
import { can } from '@/lib/access';
import { requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';

const PATH = '/grants/rounds/new';

type Props = { params: Promise<{ locale: string }> };

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('grants.round.new');

/** An admin opens a grant round: every setting on one form, the usual chain filled in. */
export default async function NewRoundPage({ params }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('grants.round');
  const { account } = await requireAccount(locale, PATH);
  if (!can(account, 'keepRounds')) return <NotAllowed title={t('new.title')} />;
  return (
    <>
      <p>
        <Link href="/grants/rounds">{t('back')}</Link>
      </p>
      <h1>{t('new.title')}</h1>
      <RoundForm
        locale={locale}
        idempotencyKey={randomUUID()}
        values={blankRound()}
        provinces={provinceChoices(locale)}
        focusIssues={await focusIssueChoices()}
        roleNames={await approvalRoleNames()}
      />
    </>
  );
}
