import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Account, Assessment, Cbo, PipelineState, Province, RubricCriterion } from '@bandanh/contracts';
import { CboFacts } from '@/components/cbo-facts';
import { LinkCodeForm } from '@/components/link-code-form';
import { NotAllowed } from '@/components/not-allowed';
import { AssessmentForm } from '@/components/pipeline/assessment-form';
import { AssessmentView } from '@/components/pipeline/assessment-view';
import { CboName } from '@/components/pipeline/cbo-name';
import { DecisionForm } from '@/components/pipeline/decision-form';
import { DecisionReason } from '@/components/pipeline/decision-reason';
import { PipelineHistory } from '@/components/pipeline/pipeline-history';
import { ReassessForm } from '@/components/pipeline/reassess-form';
import { WithdrawForm } from '@/components/pipeline/withdraw-form';
import { TaskList } from '@/components/tasks/task-list';
import { Unavailable } from '@/components/unavailable';
import { Link } from '@/i18n/navigation';
import { can } from '@/lib/access';
import { pipelineApi } from '@/lib/api/pipeline';
import { programme } from '@/lib/api/programme';
import { afterFailure, requireAccount } from '@/lib/auth';
import { GatewayError, gateway } from '@/lib/gateway';
import { localeOf } from '@/lib/locale';
import type { Step } from './actions';

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<{ done?: string; visitLinked?: string }>;
};

const STEPS: readonly Step[] = ['assessed', 'decided', 'reassessed', 'withdrawn'];

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'cbo' });
  return { title: t('title') };
}

/** A part of the page that may fail alone: the rest of the page still shows. */
const optional = <T,>(promise: Promise<T>): Promise<T | undefined> => promise.catch(() => undefined);

export default async function CboPage({ params, searchParams }: Props) {
  const { locale: requested, id } = await params;
  const locale = localeOf(requested);
  setRequestLocale(locale);
  const t = await getTranslations();
  const format = await getFormatter();
  const query = await searchParams;
  const path = `/cbos/${encodeURIComponent(id)}`;

  const { account } = await requireAccount(locale, path);
  if (!can(account, 'readCbos')) return <NotAllowed title={t('cbo.title')} />;

  let cbo: Cbo;
  let provinces: Province[];
  try {
    [{ cbo }, { items: provinces }] = await Promise.all([gateway.getCbo(id), gateway.listProvinces()]);
  } catch (error) {
    // A malformed id is a page that does not exist, like a CBO that is not there (or not this account's).
    if (error instanceof GatewayError && error.status === 400) notFound();
    const failure = afterFailure(error, locale, path);
    if (failure === 'notFound') notFound();
    if (failure === 'notAllowed') return <NotAllowed title={t('cbo.title')} />;
    return <Unavailable title={t('cbo.title')} message={t('cbos.unavailable')} />;
  }
  const province = provinces.find((p) => p.code === cbo.provinceCode);
  const staff = account.kind === 'staff';

  // Each part only for those whose roles read it; none of them stops the page.
  const [pipeline, assessments, tasks, calls, lookalikes] = await Promise.all([
    staff ? optional(pipelineApi.pipeline(cbo.id)) : undefined,
    can(account, 'readProgramme') ? optional(pipelineApi.assessments(cbo.id)) : undefined,
    can(account, 'readTasks') ? optional(pipelineApi.tasks({ cboId: cbo.id, all: true })) : undefined,
    can(account, 'readProgramme') ? optional(programme.listCalls(cbo.id)) : undefined,
    staff
      ? Promise.all(cbo.likelyDuplicateOf.slice(0, 5).map((other) => optional(gateway.getCbo(other))))
      : undefined,
  ]);
  const stage = pipeline?.stage ?? cbo.stage;
  const assessing = can(account, 'assessCbos') && stage === 'assessment';
  const rubric: RubricCriterion[] | undefined = assessing
    ? (await optional(pipelineApi.settings()))?.settings.rubric
    : undefined;

  // Who recorded, assessed and decided, by name for staff (the ids come from the records above).
  const ids = [
    cbo.foundBy,
    ...(pipeline?.history.map((event) => event.by) ?? []),
    ...(assessments?.items.map((item) => item.assessedBy) ?? []),
  ].filter((id): id is string => Boolean(id) && id !== account.id);
  const staffNames =
    ids.length > 0 && can(account, 'readTasks') ? await optional(pipelineApi.staffNames(ids)) : undefined;
  const names = new Map(staffNames?.items.map((person) => [person.id, person.displayName]));
  const nameOf = (person: string | null) => {
    if (!person) return t('pipeline.system');
    if (person === account.id) return t('pipeline.you');
    return names.get(person) ?? t('pipeline.colleague');
  };
  const done = STEPS.find((step) => step === query.done);
  const decision = cbo.decision;

  return (
    <>
      <p>
        <Link href="/cbos">{t('cbo.back')}</Link>
      </p>
      <h1>
        <CboName name={cbo.name} nameKm={cbo.nameKm} />
      </h1>
      {done && (
        <p className="notice ok" role="status" data-done={done}>
          {t(`pipeline.done.${done}`, { stage: stage ? t(`stages.${stage}`) : '' })}
        </p>
      )}
      {query.visitLinked && (
        <p className="notice ok" role="status">
          {t('cbo.visitLinked')}
        </p>
      )}
      {lookalikes && lookalikes.some(Boolean) && (
        <div className="notice" data-likely-duplicates>
          <p>{t('cbo.likelyDuplicate')}</p>
          <ul>
            {lookalikes.map(
              (other) =>
                other && (
                  <li key={other.cbo.id}>
                    <Link href={`/cbos/${other.cbo.id}`}>
                      {other.cbo.nameKm ? `${other.cbo.nameKm} · ${other.cbo.name}` : other.cbo.name}
                    </Link>
                  </li>
                ),
            )}
          </ul>
        </div>
      )}
      <section className="card" data-cbo-id={cbo.id}>
        <CboFacts
          cbo={cbo}
          province={province}
          locale={locale}
          className="facts"
          full
          foundBy={cbo.foundBy ? nameOf(cbo.foundBy) : undefined}
        />
        {decision && (
          <p
            className={`notice ${decision.outcome === 'selected' ? 'ok' : 'error'}`}
            data-decision={decision.outcome}
          >
            {t(`cbo.decision.${decision.outcome}`, {
              date: format.dateTime(new Date(decision.decidedAt), { dateStyle: 'medium' }),
            })}
            {decision.reason && (
              <>
                {' '}
                {t('cbo.decision.reason')} <DecisionReason reason={decision.reason} />
              </>
            )}
          </p>
        )}
        {can(account, 'readProgramme') && (
          <div data-hotline-summary>
            <h2>{t('cbo.hotlineRecent')}</h2>
            {calls && calls.items.length > 0 ? (
              <ul>
                {calls.items.slice(0, 3).map((call) => (
                  <li key={call.id}>
                    {format.dateTime(new Date(call.occurredAt), { dateStyle: 'medium' })} ·{' '}
                    {t(`focusIssues.${call.issue}`)}: {call.summary}
                    {call.referral && (
                      <> · {t('cbo.hotlineReferred', { partner: call.referral.partnerName })}</>
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              calls && <p className="muted">{t('cbo.hotlineNone')}</p>
            )}
            <p>
              <Link href={`/cbos/${cbo.id}/hotline`} data-hotline-link>
                {t('cbo.hotline')}
              </Link>
            </p>
          </div>
        )}
        {can(account, 'recordCbo') && (
          <LinkCodeForm locale={locale} cboId={cbo.id} cboName={cbo.name} permalink={`/${locale}${path}`} />
        )}
      </section>

      {staff && (
        <>
          <NextSteps
            cbo={cbo}
            pipeline={pipeline}
            stage={stage}
            account={account}
            rubric={rubric}
            latestTotal={assessments?.items[0]?.total}
          />
          {tasks && (
            <section aria-labelledby="tasks-title">
              <h2 id="tasks-title">{t('cbo.tasks')}</h2>
              {tasks.items.length > 0 ? (
                <TaskList tasks={tasks.items} label={t('cbo.tasks')} now={Date.now()} />
              ) : (
                <p className="muted">{t('cbo.noTasks')}</p>
              )}
            </section>
          )}
          {can(account, 'readProgramme') && (
            <Assessments assessments={assessments?.items} locale={locale} nameOf={nameOf} />
          )}
          <section aria-labelledby="pipeline-title">
            <h2 id="pipeline-title">{t('pipeline.title')}</h2>
            <div className="card">
              {pipeline ? (
                <PipelineHistory pipeline={pipeline} nameOf={nameOf} />
              ) : (
                <p className="muted">{t('pipeline.unavailable')}</p>
              )}
            </div>
          </section>
        </>
      )}
    </>
  );
}

/** The steps the reader may take now, or who the CBO is waiting for. */
async function NextSteps({
  cbo,
  pipeline,
  stage,
  account,
  rubric,
  latestTotal,
}: {
  cbo: Cbo;
  pipeline: PipelineState | undefined;
  stage: Cbo['stage'];
  account: Account;
  rubric: RubricCriterion[] | undefined;
  latestTotal: number | undefined;
}) {
  const t = await getTranslations('pipeline');
  const format = await getFormatter();
  const steps: ReactNode[] = [];
  const waiting = stage === 'assessment' || stage === 'selection';

  if (stage === 'assessment' && can(account, 'assessCbos')) {
    steps.push(
      rubric ? (
        <AssessmentForm key="assess" cboId={cbo.id} rubric={rubric} />
      ) : (
        <p key="assess" className="notice error" role="alert">
          {t('rubricUnavailable')}
        </p>
      ),
    );
  } else if (stage === 'selection' && can(account, 'decideSelection')) {
    steps.push(
      pipeline?.assessedBy === account.id ? (
        <p key="decide" className="notice error" role="alert" data-four-eyes>
          {t('errors.fourEyes')}
        </p>
      ) : (
        <DecisionForm key="decide" cboId={cbo.id} total={latestTotal} />
      ),
    );
  } else if (waiting) {
    steps.push(
      <p key="waiting" className="muted" data-waiting={stage}>
        {t(`waiting.${stage}`)}
      </p>,
    );
  }
  if (stage === 'declined' && can(account, 'steerPipeline')) {
    const from = pipeline?.reassessableFrom;
    const early = from && new Date(from).getTime() > Date.now();
    steps.push(
      <ReassessForm
        key="reassess"
        cboId={cbo.id}
        from={early ? format.dateTime(new Date(from), { dateStyle: 'medium' }) : undefined}
      />,
    );
  }
  if (stage && stage !== 'withdrawn' && can(account, 'steerPipeline')) {
    steps.push(<WithdrawForm key="withdraw" cboId={cbo.id} />);
  }
  if (steps.length === 0) return null;
  return (
    <section aria-labelledby="next-title" data-next-steps>
      <h2 id="next-title">{t('nextTitle')}</h2>
      <div className="card">{steps}</div>
    </section>
  );
}

/** The CBO's needs assessments, newest first, each with its scores and total. */
async function Assessments({
  assessments,
  locale,
  nameOf,
}: {
  assessments: Assessment[] | undefined;
  locale: string;
  nameOf: (id: string | null) => string;
}) {
  const t = await getTranslations('pipeline.assessment');
  return (
    <section aria-labelledby="assessments-title" data-assessments>
      <h2 id="assessments-title">{t('listTitle')}</h2>
      <div className="card">
        {!assessments ? (
          <p className="muted">{t('unavailable')}</p>
        ) : assessments.length === 0 ? (
          <p className="muted">{t('none')}</p>
        ) : (
          assessments.map((assessment) => (
            <AssessmentView
              key={assessment.id}
              assessment={assessment}
              locale={locale}
              assessedBy={nameOf(assessment.assessedBy)}
            />
          ))
        )}
      </div>
    </section>
  );
}
