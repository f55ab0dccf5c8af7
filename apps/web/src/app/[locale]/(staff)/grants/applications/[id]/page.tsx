import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import type { GrantApplication, GrantApplicationRun, GrantReview, GrantRound } from '@bandanh/contracts';
import { ApplicationView } from '@/components/grants/application-view';
import { cboNameIn, roundName } from '@/components/grants/grant-data';
import { formatMoney, fromMinor } from '@/components/grants/money';
import { ReviewBoard } from '@/components/grants/review-board';
import { RunView } from '@/components/grants/run-view';
import { DecisionForm, EligibilityForm } from '@/components/grants/step-forms';
import styles from '@/components/grants/grants.module.css';
import { NotAllowed } from '@/components/not-allowed';
import { staffNames } from '@/components/training/training-data';
import { Unavailable } from '@/components/unavailable';
import { Link, redirect } from '@/i18n/navigation';
import { getLocalFormat } from '@/i18n/local-format-server';
import { can } from '@/lib/access';
import { api, GatewayError, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<{ done?: string }>;
};

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('grants.application');

/** The run of an application not submitted yet is none (404); anything else is a failure. */
async function runOf(id: string): Promise<GrantApplicationRun | null> {
  try {
    return await api(ROUTES.getGrantApplicationRun, { params: { id } });
  } catch (error) {
    if (error instanceof GatewayError && error.status === 404) return null;
    throw error;
  }
}

/**
 * One application for grant staff: what the CBO wrote (plan, budget, files), where its
 * workflow is, the review board, and the form of the step the reader may take now (the
 * coordinator's eligibility check, or the current approver's decision).
 */
export default async function ApplicationPage({ params, searchParams }: Props) {
  const { locale: raw, id } = await params;
  const locale = localeOf(raw);
  setRequestLocale(locale);
  if (!z.uuid().safeParse(id).success) notFound();
  const path = `/grants/applications/${id}`;
  const t = await getTranslations('grants');
  const roles = await getTranslations('roles');
  const format = await getLocalFormat();
  const { account } = await requireAccount(locale, path);
  // An assigned reviewer reads it on their review page (after declaring no conflict).
  if (!can(account, 'readGrants') && can(account, 'reviewGrants'))
    redirect({ href: `/grants/reviews/${id}`, locale });
  if (!can(account, 'readGrants')) return <NotAllowed title={t('application.pageTitle')} />;

  let application: GrantApplication;
  let round: GrantRound;
  let run: GrantApplicationRun | null;
  let reviews: GrantReview[];
  try {
    ({ application } = await api(ROUTES.getGrantApplication, { params: { id } }));
    [{ round }, run, { items: reviews }] = await Promise.all([
      api(ROUTES.getGrantRound, { params: { id: application.roundId } }),
      runOf(id),
      api(ROUTES.listGrantReviews, { params: { id } }).catch(() => ({ items: [] as GrantReview[] })),
    ]);
  } catch (error) {
    const failure = afterFailure(error, locale, path);
    if (failure === 'notFound') notFound();
    if (failure === 'notAllowed') return <NotAllowed title={t('application.pageTitle')} />;
    return <Unavailable title={t('application.pageTitle')} message={t('application.unavailable')} />;
  }
  const money = (minor: number) => formatMoney(locale, minor, application.currency);
  const names = await staffNames([
    ...(run?.steps.flatMap((step) => (step.decidedBy ? [step.decidedBy] : [])) ?? []),
    ...(run?.eligibility.decision ? [run.eligibility.decision.decidedBy] : []),
    ...(run?.reviews.map((review) => review.reviewerId) ?? []),
  ]);

  const mayCheck =
    run?.stage === 'eligibility' && !run.eligibility.decision && can(account, 'checkGrantEligibility');
  const step = run?.stage === 'approval' && run.currentStep !== null ? run.steps[run.currentStep] : undefined;
  const mayDecide = Boolean(step && can(account, 'approveGrants') && account.roles.includes(step.role));
  // The most the current step may approve: the requested amount, or an earlier step's lower one.
  const ceiling = run
    ? run.steps
        .slice(0, run.currentStep ?? 0)
        .reduce(
          (max, earlier) => (earlier.amount !== null ? Math.min(max, earlier.amount) : max),
          run.requested,
        )
    : application.totals.requested;
  const done = (await searchParams).done;

  return (
    <>
      <p>
        <Link href={`/grants/rounds/${round.id}`}>
          {t('application.backToRound', { round: roundName(round, locale) })}
        </Link>
      </p>
      <h1 data-application-id={application.id}>
        {application.plan.title || t('untitled')}{' '}
        <span className="stage" data-stage={application.stage}>
          {t(`stages.${application.stage}`)}
        </span>
      </h1>
      <dl className="facts">
        <dt>{t('application.reference')}</dt>
        <dd data-reference>{application.reference ?? '—'}</dd>
        <dt>{t('application.cbo')}</dt>
        <dd>
          {application.cboId ? (
            <Link href={`/cbos/${application.cboId}`}>{cboNameIn(application, locale)}</Link>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('application.submittedAt')}</dt>
        <dd>
          {application.submittedAt
            ? format.dateTime(new Date(application.submittedAt), { dateStyle: 'medium', timeStyle: 'short' })
            : t('application.notSubmitted')}
        </dd>
        <dt>{t('application.requested')}</dt>
        <dd>{money(application.totals.requested)}</dd>
        <dt>{t('envelope.remaining')}</dt>
        <dd data-remaining={round.remaining}>{money(round.remaining)}</dd>
      </dl>
      {(done === 'eligibility' || done === 'decision') && (
        <p className="notice ok" role="status" data-step-done={done}>
          {t(`application.done.${done}`)}
        </p>
      )}
      {application.decision && (
        <p className="notice" data-decision={application.decision.outcome}>
          {t(`application.decision.${application.decision.outcome}`, {
            amount: money(application.decision.amount ?? application.totals.requested),
          })}
          {application.decision.reason && (
            <>
              <br />
              <span className={styles.text}>{application.decision.reason}</span>
            </>
          )}
        </p>
      )}

      <div className={styles.split}>
        <div>
          <ApplicationView
            application={application}
            locale={locale}
            money={money}
            fileHref={(attachmentId) => `/${locale}${path}/files/${attachmentId}`}
          />
          <section aria-labelledby="board-title">
            <h2 id="board-title">{t('board.title')}</h2>
            <ReviewBoard reviews={reviews} rubric={round.rubric} locale={locale} names={names} />
          </section>
        </div>
        <div>
          {mayCheck && <EligibilityForm locale={locale} applicationId={id} currency={application.currency} />}
          {mayDecide && step && (
            <DecisionForm
              locale={locale}
              applicationId={id}
              currency={application.currency}
              roleName={roles(step.role)}
              maxAmount={`${fromMinor(ceiling)} ${application.currency}`}
            />
          )}
          {run ? (
            <RunView run={run} reviews={reviews} names={names} money={money} />
          ) : (
            <p className="muted" data-no-run>
              {t('run.none')}
            </p>
          )}
        </div>
      </div>
    </>
  );
}
