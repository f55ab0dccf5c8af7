import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { GrantApplicationSummary, GrantReview } from '@bandanh/contracts';
import { NotAllowed } from '@/components/not-allowed';
import { Unavailable } from '@/components/unavailable';
import styles from '@/components/grants/grants.module.css';
import { Link } from '@/i18n/navigation';
import { getLocalFormat } from '@/i18n/local-format-server';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { cboNameIn } from '@/components/grants/grant-data';

const PATH = '/grants/reviews';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ declared?: string; scored?: string }>;
};

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('grants.reviews');

/** A reviewer's assignments, open first: each opens on its declaration of conflicts, then its scoring. */
export default async function MyReviewsPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('grants');
  const format = await getLocalFormat();
  const query = await searchParams;
  const { account } = await requireAccount(locale, PATH);
  if (!can(account, 'reviewGrants')) return <NotAllowed title={t('reviews.title')} />;

  let items: Array<{ review: GrantReview; application: GrantApplicationSummary }>;
  try {
    ({ items } = await api(ROUTES.listMyGrantReviews));
  } catch (error) {
    if (afterFailure(error, locale, PATH) === 'notAllowed') return <NotAllowed title={t('reviews.title')} />;
    return <Unavailable title={t('reviews.title')} message={t('reviews.unavailable')} />;
  }
  const open = items.filter(({ review }) => review.status === 'assigned' || review.status === 'cleared');
  const closed = items.filter(({ review }) => review.status === 'scored' || review.status === 'conflict');

  const list = (some: typeof items, part: 'open' | 'closed') => (
    <ul className="list" data-reviews={part}>
      {some.map(({ review, application }) => (
        <li key={application.id} data-review-for={application.id} data-review-status={review.status}>
          <div className="name">
            <Link href={`/grants/reviews/${application.id}`}>
              {application.reference ?? ''} {application.title || t('untitled')}
            </Link>{' '}
            <span className={styles.badge}>{t(`reviewStatuses.${review.status}`)}</span>
          </div>
          <dl className="facts">
            <dt>{t('reviews.cbo')}</dt>
            <dd>{cboNameIn(application, locale) ?? t('reviews.blind')}</dd>
            <dt>{t('reviews.assignedAt')}</dt>
            <dd>
              {format.dateTime(new Date(review.assignedAt), { dateStyle: 'medium', timeStyle: 'short' })}
            </dd>
            {review.total !== null && (
              <>
                <dt>{t('reviews.total')}</dt>
                <dd>
                  {t('board.outOf100', { score: format.number(review.total, { maximumFractionDigits: 1 }) })}
                </dd>
              </>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );

  return (
    <>
      <h1>{t('reviews.title')}</h1>
      <p className="muted">{t('reviews.intro')}</p>
      {query.declared === 'conflict' && (
        <p className="notice ok" role="status" data-declared="conflict">
          {t('reviews.conflictDeclared')}
        </p>
      )}
      {query.scored && (
        <p className="notice ok" role="status" data-scored>
          {t('reviews.scored')}
        </p>
      )}
      <h2>{t('reviews.open')}</h2>
      {open.length === 0 ? <p data-no-open-reviews>{t('reviews.noneOpen')}</p> : list(open, 'open')}
      {closed.length > 0 && (
        <>
          <h2>{t('reviews.closed')}</h2>
          {list(closed, 'closed')}
        </>
      )}
    </>
  );
}
