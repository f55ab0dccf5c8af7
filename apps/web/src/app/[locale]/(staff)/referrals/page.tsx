import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Referral } from '@bandanh/contracts';
import { NotAllowed } from '@/components/not-allowed';
import { OutcomeForm } from '@/components/referrals/outcome-form';
import { ReferralStatus } from '@/components/referrals/referral-status';
import styles from '@/components/referrals/referrals.module.css';
import { Unavailable } from '@/components/unavailable';
import { Link } from '@/i18n/navigation';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { getLocalFormat } from '@/i18n/local-format-server';

type Filter = 'all' | 'open' | 'closed';
type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ status?: string; recorded?: string }>;
};

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('referrals');

/** Referrals to partner NGOs, open ones first, with how each turned out or the form to record it. */
export default async function ReferralsPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const query = await searchParams;
  const filter: Filter = query.status === 'open' || query.status === 'closed' ? query.status : 'all';
  const t = await getTranslations('referrals');
  const format = await getLocalFormat();
  const path = filter === 'all' ? '/referrals' : `/referrals?status=${filter}`;

  const { account } = await requireAccount(locale, path);
  if (!can(account, 'readProgramme')) return <NotAllowed title={t('title')} />;
  const writer = can(account, 'recordCbo');

  let referrals: Referral[];
  try {
    ({ items: referrals } = await api(ROUTES.listReferrals, {
      query: { status: filter === 'all' ? undefined : filter },
    }));
  } catch (error) {
    if (afterFailure(error, locale, path) === 'notAllowed') return <NotAllowed title={t('title')} />;
    return <Unavailable title={t('title')} message={t('unavailable')} />;
  }
  // Newest first from the API; the open ones, still to follow up, come before the closed.
  const ordered = [
    ...referrals.filter((r) => r.status === 'open'),
    ...referrals.filter((r) => r.status !== 'open'),
  ];
  const recorded = query.recorded ? referrals.find((r) => r.id === query.recorded) : undefined;
  const now = new Date();
  const filters: Array<{ value: Filter; href: string }> = [
    { value: 'all', href: '/referrals' },
    { value: 'open', href: '/referrals?status=open' },
    { value: 'closed', href: '/referrals?status=closed' },
  ];

  return (
    <>
      <h1>{t('title')}</h1>
      {query.recorded && (
        <p className="notice ok" role="status" data-recorded>
          {recorded?.status === 'closed' ? t('recordedClosed') : t('recordedOpen')}
        </p>
      )}
      <p className="muted">{t('intro')}</p>
      <nav aria-label={t('filter')}>
        <ul className={styles.filters}>
          {filters.map((f) => (
            <li key={f.value}>
              <Link href={f.href} aria-current={filter === f.value ? 'page' : undefined}>
                {t(`filters.${f.value}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {ordered.length === 0 ? (
        <p>{t(`empty.${filter}`)}</p>
      ) : (
        <ul className="list" data-referrals>
          {ordered.map((referral) => (
            <li key={referral.id} data-referral-id={referral.id} data-status={referral.status}>
              <div className="name">
                <Link href={`/cbos/${referral.cboId}/hotline`}>{referral.cboName}</Link> →{' '}
                {referral.partnerName} <ReferralStatus referral={referral} />
              </div>
              <dl>
                <dt>{t('reason')}</dt>
                <dd className={styles.text}>{referral.reason}</dd>
                <dt>{t('referred')}</dt>
                <dd>
                  <time
                    dateTime={referral.createdAt}
                    title={format.dateTime(new Date(referral.createdAt), {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    })}
                  >
                    {format.relativeTime(new Date(referral.createdAt), now)}
                  </time>
                </dd>
                {referral.outcomeNote && (
                  <>
                    <dt>{t('note')}</dt>
                    <dd className={styles.text}>{referral.outcomeNote}</dd>
                  </>
                )}
                {referral.outcomeAt && (
                  <>
                    <dt>{t(referral.status === 'closed' ? 'closedOn' : 'updatedOn')}</dt>
                    <dd>{format.dateTime(new Date(referral.outcomeAt), { dateStyle: 'medium' })}</dd>
                  </>
                )}
              </dl>
              {writer && referral.status === 'open' && (
                <OutcomeForm
                  key={referral.outcomeAt ?? 'none'}
                  locale={locale}
                  referralId={referral.id}
                  status={filter === 'all' ? undefined : filter}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
