import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import type { GrantApplication, GrantApplicationSummary, GrantReview, GrantRound } from '@bandanh/contracts';
import { ApplicationView } from '@/components/grants/application-view';
import { formatMoney } from '@/components/grants/money';
import { DeclarationForm, ScoreForm } from '@/components/grants/review-forms';
import { NotAllowed } from '@/components/not-allowed';
import { Unavailable } from '@/components/unavailable';
import { Link } from '@/i18n/navigation';
import { getLocalFormat } from '@/i18n/local-format-server';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { cboNameIn } from '@/components/grants/grant-data';

type Props = {
  params: Promise<{ locale: string; applicationId: string }>;
  searchParams: Promise<{ declared?: string }>;
};

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('grants.review');

/**
 * A reviewer's assignment: first the declaration of conflicts (only the title, and the CBO
 * unless the round is blind); once they declare none, the application and the scoring form.
 */
export default async function ReviewPage({ params, searchParams }: Props) {
  const { locale: raw, applicationId } = await params;
  const locale = localeOf(raw);
  setRequestLocale(locale);
  if (!z.uuid().safeParse(applicationId).success) notFound();
  const path = `/grants/reviews/${applicationId}`;
  const t = await getTranslations('grants');
  const format = await getLocalFormat();
  const { account } = await requireAccount(locale, path);
  if (!can(account, 'reviewGrants')) return <NotAllowed title={t('review.title')} />;

  let mine: { review: GrantReview; application: GrantApplicationSummary } | undefined;
  try {
    const { items } = await api(ROUTES.listMyGrantReviews);
    mine = items.find((item) => item.application.id === applicationId);
  } catch (error) {
    if (afterFailure(error, locale, path) === 'notAllowed') return <NotAllowed title={t('review.title')} />;
    return <Unavailable title={t('review.title')} message={t('reviews.unavailable')} />;
  }
  if (!mine) notFound();
  const { review, application: summary } = mine;
  const money = (minor: number) => formatMoney(locale, minor, summary.currency);
  const heading = (
    <>
      <p>
        <Link href="/grants/reviews">{t('review.back')}</Link>
      </p>
      <h1>
        {t('review.heading', { title: summary.title || t('untitled') })}{' '}
        <span className="muted">{summary.reference}</span>
      </h1>
      <dl className="facts">
        <dt>{t('reviews.cbo')}</dt>
        <dd data-review-cbo>{cboNameIn(summary, locale) ?? t('reviews.blind')}</dd>
        <dt>{t('application.requested')}</dt>
        <dd>{money(summary.totals.requested)}</dd>
      </dl>
    </>
  );

  if (review.status === 'assigned') {
    return (
      <>
        {heading}
        <section aria-labelledby="declare-title">
          <h2 id="declare-title">{t('declaration.title')}</h2>
          <p>{t('declaration.intro')}</p>
          <DeclarationForm locale={locale} applicationId={applicationId} currency={summary.currency} />
        </section>
      </>
    );
  }
  if (review.status === 'conflict') {
    return (
      <>
        {heading}
        <p className="notice" data-review-conflict>
          {t('review.conflictRecorded')}
        </p>
      </>
    );
  }

  let application: GrantApplication;
  let round: GrantRound;
  try {
    ({ application } = await api(ROUTES.getGrantApplication, { params: { id: applicationId } }));
    ({ round } = await api(ROUTES.getGrantRound, { params: { id: application.roundId } }));
  } catch (error) {
    const failure = afterFailure(error, locale, path);
    if (failure === 'notFound') notFound();
    if (failure === 'notAllowed') return <NotAllowed title={t('review.title')} />;
    return <Unavailable title={t('review.title')} message={t('application.unavailable')} />;
  }
  const scoring = review.status === 'cleared' && application.stage === 'review';

  return (
    <>
      {heading}
      {(await searchParams).declared === 'none' && (
        <p className="notice ok" role="status" data-declared="none">
          {t('review.declaredNone')}
        </p>
      )}
      {review.status === 'scored' && (
        <p className="notice ok" data-review-scored>
          {t('review.alreadyScored', {
            score: review.total === null ? '—' : format.number(review.total, { maximumFractionDigits: 1 }),
          })}
        </p>
      )}
      <ApplicationView
        application={application}
        locale={locale}
        money={money}
        fileHref={(attachmentId) => `/${locale}/grants/applications/${applicationId}/files/${attachmentId}`}
      />
      {scoring ? (
        <section aria-labelledby="score-title">
          <h2 id="score-title">{t('scoreForm.title')}</h2>
          <p className="muted">{t('scoreForm.intro')}</p>
          <ScoreForm
            locale={locale}
            applicationId={applicationId}
            currency={application.currency}
            criteria={round.rubric.map((criterion) => ({
              key: criterion.key,
              label: locale === 'km' ? criterion.labelKm : criterion.labelEn,
              weight: criterion.weight,
              maxScore: criterion.maxScore,
            }))}
          />
        </section>
      ) : (
        review.status === 'cleared' && (
          <p className="notice" data-not-scoring>
            {t('review.notInReview', { stage: t(`stages.${application.stage}`) })}
          </p>
        )
      )}
    </>
  );
}
