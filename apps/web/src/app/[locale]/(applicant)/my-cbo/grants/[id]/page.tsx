import { randomUUID } from 'node:crypto';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PROVINCES, type GrantApplication, type GrantRound } from '@bandanh/contracts';
import { EDITABLE_APPLICATION_STAGES } from '@bandanh/contracts/constants';
import { draftOf, entriesFrom, isStep, STEPS, type Step } from '@/components/grants-member/draft';
import { FilesStep } from '@/components/grants-member/files-step';
import { ReviewStep } from '@/components/grants-member/review-step';
import { StatusView } from '@/components/grants-member/status-view';
import { StepForm } from '@/components/grants-member/step-form';
import { StepNav } from '@/components/grants-member/step-nav';
import { when } from '@/components/grants-member/format';
import { getLocalFormat } from '@/i18n/local-format-server';
import { NotAllowed } from '@/components/not-allowed';
import { Unavailable } from '@/components/unavailable';
import { ClientMessages } from '@/i18n/client-messages';
import { Link } from '@/i18n/navigation';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { provinceName } from '@/lib/provinces';

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props) {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'grantsMember' });
  return { title: t('form.title') };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The CBO's application: while it is a draft (or returned for changes), the form in steps, each
 * a page of its own that saves on the server; once submitted, its status page.
 */
export default async function ApplicationPage({ params, searchParams }: Props) {
  const { locale: rawLocale, id } = await params;
  const locale = localeOf(rawLocale);
  const query = await searchParams;
  setRequestLocale(locale);
  const t = await getTranslations('grantsMember');
  const path = `/my-cbo/grants/${id}`;
  // Signing in comes back to the step asked for.
  const { account } = await requireAccount(locale, isStep(query.step) ? `${path}?step=${query.step}` : path);
  if (!can(account, 'readOwnCbo')) return <NotAllowed title={t('form.title')} />;

  const notFound = (
    <>
      <h1>{t('form.notFoundTitle')}</h1>
      <p>{t('form.notFound')}</p>
      <Link href="/grants">{t('status.allGrants')}</Link>
    </>
  );
  if (!UUID.test(id)) return notFound;
  let application: GrantApplication;
  try {
    application = (await api(ROUTES.getGrantApplication, { params: { id } })).application;
  } catch (error) {
    const failure = afterFailure(error, locale, path);
    if (failure === 'notFound') return notFound;
    if (failure === 'notAllowed') return <NotAllowed title={t('form.title')} />;
    return <Unavailable title={t('form.title')} message={t('list.unavailable')} />;
  }
  const round: GrantRound | null = await api(ROUTES.getGrantRound, { params: { id: application.roundId } })
    .then((answer) => answer.round)
    .catch(() => null);

  const editable = (EDITABLE_APPLICATION_STAGES as readonly string[]).includes(application.stage);
  const asked = isStep(query.step) ? query.step : undefined;
  if (!editable || (application.stage === 'returned' && !asked)) {
    return (
      <ClientMessages namespaces={['grantsMember']}>
        <StatusView
          application={application}
          round={round}
          locale={locale}
          justSubmitted={query.submitted === '1'}
        />
      </ClientMessages>
    );
  }

  const step: Step = asked ?? 'plan';
  const format = await getLocalFormat();
  const names = Object.fromEntries(STEPS.map((name) => [name, t(`steps.${name}`)])) as Record<Step, string>;
  // The links say each step's number, in the reader's digits.
  const numbered = Object.fromEntries(
    STEPS.map((name, index) => [name, `${format.number(index + 1)}. ${names[name]}`]),
  ) as Record<Step, string>;
  const provinces = PROVINCES.map((province) => ({
    code: province.code,
    name: provinceName(province, locale),
  }));

  return (
    <ClientMessages namespaces={['grantsMember']}>
      <p className="muted">{round ? (locale === 'km' ? round.nameKm : round.nameEn) : t('form.title')}</p>
      <h1 data-application={application.id} data-stage={application.stage}>
        {application.plan.title || t('form.title')}
      </h1>
      {application.stage === 'returned' && application.decision?.reason && (
        <p className="notice error" data-returned-reason>
          {t('form.returned', { reason: application.decision.reason })}
        </p>
      )}
      <StepNav applicationId={application.id} current={step} label={t('form.stepsLabel')} names={numbered} />
      <h2>{names[step]}</h2>
      {step === 'files' ? (
        <FilesStep
          application={application}
          locale={locale}
          uploaded={query.uploaded === '1'}
          removed={query.removed === '1'}
          fileError={query.fileError}
        />
      ) : step === 'review' ? (
        <ReviewStep application={application} round={round} locale={locale} />
      ) : (
        <StepForm
          key={`${step}:${application.version}`}
          locale={locale}
          applicationId={application.id}
          version={application.version}
          updatedAt={application.updatedAt}
          updatedAtText={when(format, application.updatedAt)}
          step={step}
          draft={draftOf(application)}
          entries={entriesFrom(draftOf(application))}
          blankId={randomUUID()}
          provinces={provinces}
          currency={application.currency}
          minAmount={round?.minAmount ?? null}
          maxAmount={round?.maxAmount ?? null}
          saved={query.saved === '1'}
        />
      )}
    </ClientMessages>
  );
}
