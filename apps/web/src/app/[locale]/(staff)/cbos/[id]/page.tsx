import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type {
  Account,
  Assessment,
  Cbo,
  PipelineState,
  PipelineWait,
  Province,
  RubricCriterion,
} from '@bandanh/contracts';
import { CboFacts } from '@/components/cbo-facts';
import { LinkCodeForm } from '@/components/link-code-form';
import { NotAllowed } from '@/components/not-allowed';
import { AssessmentForm } from '@/components/pipeline/assessment-form';
import { DuplicateForm } from '@/components/pipeline/duplicate-form';
import { AssessmentView } from '@/components/pipeline/assessment-view';
import { CboName } from '@/components/pipeline/cbo-name';
import { DecisionForm } from '@/components/pipeline/decision-form';
import { DecisionReason } from '@/components/pipeline/decision-reason';
import { PipelineHistory } from '@/components/pipeline/pipeline-history';
import { ReassessForm } from '@/components/pipeline/reassess-form';
import { WithdrawForm } from '@/components/pipeline/withdraw-form';
import { TaskList } from '@/components/tasks/task-list';
import { Unavailable } from '@/components/unavailable';
import { Link, redirect } from '@/i18n/navigation';
import { can } from '@/lib/access';
import { api, GatewayError, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import type { Step } from './actions';
import { getLocalFormat } from '@/i18n/local-format-server';

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<{ done?: string; visitLinked?: string }>;
};

const STEPS: readonly Step[] = ['assessed', 'decided', 'reassessed', 'withdrawn', 'merged', 'distinct'];

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('cbo');

/** A part of the page that may fail alone: the rest of the page still shows. */
const optional = <T,>(promise: Promise<T>): Promise<T | undefined> => promise.catch(() => undefined);

/** The CBOs recorded that this one looks like (the first five). */
const lookalikesOf = (cbo: Cbo | undefined) =>
  Promise.all(
    (cbo?.likelyDuplicateOf ?? [])
      .slice(0, 5)
      .map((other) => optional(api(ROUTES.getCbo, { params: { id: other } }))),
  );

/**
 * The names of the staff members the page names (who recorded, assessed and decided), each
 * once and at most 100, but the reader's own; nobody else, no call.
 */
function namesOf(reader: string, people: Array<string | null | undefined>) {
  const ids = [...new Set(people.filter((id): id is string => Boolean(id) && id !== reader))].slice(0, 100);
  return ids.length > 0
    ? optional(api(ROUTES.lookupStaffNames, { query: { ids: ids.join(',') } }))
    : undefined;
}

export default async function CboPage({ params, searchParams }: Props) {
  const { locale: requested, id } = await params;
  const locale = localeOf(requested);
  setRequestLocale(locale);
  const t = await getTranslations();
  const format = await getLocalFormat();
  const query = await searchParams;
  const path = `/cbos/${encodeURIComponent(id)}`;

  const { account } = await requireAccount(locale, path);
  // This page is staff's: a CBO member sees their own group on its page, and no other.
  if (account.kind === 'applicant') {
    if (account.cboId && account.cboId === id.toLowerCase()) return redirect({ href: '/my-cbo', locale });
    notFound();
  }
  if (!can(account, 'readCbos')) return <NotAllowed title={t('cbo.title')} />;
  const staff = account.kind === 'staff';

  // One wave: the CBO, the provinces and every part this account's roles read, asked at once by
  // the page's id; the CBOs it looks like and the staff members' names follow as soon as what
  // names them is in. The rubric is asked for every assessor: used if the CBO is at assessment.
  const cboId = id.toLowerCase();
  const cboRead = api(ROUTES.getCbo, { params: { id } });
  const provincesRead = api(ROUTES.listProvinces);
  const found = optional(cboRead);
  const pipelineRead = staff ? optional(api(ROUTES.getCboPipeline, { params: { id: cboId } })) : undefined;
  const assessmentsRead = can(account, 'readProgramme')
    ? optional(api(ROUTES.listCboAssessments, { params: { id: cboId } }))
    : undefined;
  // Each of these parts may fail alone: the rest of the page still shows.
  const parts = Promise.all([
    pipelineRead,
    assessmentsRead,
    can(account, 'readTasks')
      ? optional(api(ROUTES.listTasks, { query: { cboId, all: 'true' } }))
      : undefined,
    can(account, 'readProgramme')
      ? optional(api(ROUTES.listCboHotline, { params: { id: cboId } }))
      : undefined,
    can(account, 'assessCbos') ? optional(api(ROUTES.getNetworkSettings)) : undefined,
    staff ? found.then((read) => lookalikesOf(read?.cbo)) : undefined,
    can(account, 'readTasks')
      ? Promise.all([found, pipelineRead, assessmentsRead]).then(([read, steps, assessed]) =>
          namesOf(account.id, [
            read?.cbo.foundBy,
            ...(steps?.history.map((event) => event.by) ?? []),
            ...(assessed?.items.map((item) => item.assessedBy) ?? []),
          ]),
        )
      : undefined,
  ]);

  let cbo: Cbo;
  let provinces: Province[];
  try {
    [{ cbo }, { items: provinces }] = await Promise.all([cboRead, provincesRead]);
  } catch (error) {
    // A malformed id is a page that does not exist, like a CBO that is not there (or not this account's).
    if (error instanceof GatewayError && error.status === 400) notFound();
    const failure = afterFailure(error, locale, path);
    if (failure === 'notFound') notFound();
    if (failure === 'notAllowed') return <NotAllowed title={t('cbo.title')} />;
    return <Unavailable title={t('cbo.title')} message={t('cbos.unavailable')} />;
  }
  const [pipeline, assessments, tasks, calls, settings, lookalikes, staffNames] = await parts;
  const province = provinces.find((p) => p.code === cbo.provinceCode);
  const stage = pipeline?.stage ?? cbo.stage;
  const assessing = can(account, 'assessCbos') && stage === 'assessment';
  const rubric: RubricCriterion[] | undefined = assessing ? settings?.settings.rubric : undefined;

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
          {cbo.possibleDuplicateOf && can(account, 'recordCbo') && (
            <DuplicateForm
              cboId={cbo.id}
              lookalikes={lookalikes.flatMap((other) =>
                other
                  ? [
                      {
                        id: other.cbo.id,
                        name: locale === 'km' && other.cbo.nameKm ? other.cbo.nameKm : other.cbo.name,
                      },
                    ]
                  : [],
              )}
            />
          )}
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
            tasksShown={Boolean(tasks)}
          />
          {tasks && (
            <section aria-labelledby="tasks-title">
              <h2 id="tasks-title">{t('cbo.tasks')}</h2>
              {/* The pipeline's own word on what it waits for: the reader's inbox may not hold that task. */}
              {pipeline?.waitingFor && <WaitingFor wait={pipeline.waitingFor} />}
              {tasks.items.length > 0 ? (
                <TaskList tasks={tasks.items} label={t('cbo.tasks')} now={Date.now()} />
              ) : (
                !pipeline?.waitingFor && <p className="muted">{t('cbo.noTasks')}</p>
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

/**
 * What the pipeline says it waits for (its workflow's own state, not a guess from the inbox):
 * whose step, and whether its task is open yet.
 */
async function WaitingFor({ wait }: { wait: PipelineWait }) {
  const t = await getTranslations('pipeline.waitingFor');
  const key =
    (wait.step === 'assessment' || wait.step === 'selection') && !wait.taskId
      ? (`${wait.step}TaskPending` as const)
      : wait.step;
  return (
    <p className="muted" data-waiting-for={wait.step} data-task-open={Boolean(wait.taskId)}>
      {t(key)}
    </p>
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
  tasksShown,
}: {
  cbo: Cbo;
  pipeline: PipelineState | undefined;
  stage: Cbo['stage'];
  account: Account;
  rubric: RubricCriterion[] | undefined;
  latestTotal: number | undefined;
  /** The page lists the CBO's tasks, with what the pipeline waits for. */
  tasksShown: boolean;
}) {
  const t = await getTranslations('pipeline');
  const format = await getLocalFormat();
  const steps: ReactNode[] = [];
  const waiting = stage === 'assessment' || stage === 'selection';

  if (stage === 'assessment' && can(account, 'assessCbos')) {
    steps.push(
      rubric ? (
        <AssessmentForm key="assess" cboId={cbo.id} rubric={rubric} membersCount={cbo.membersCount} />
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
  } else if (waiting && !tasksShown) {
    steps.push(
      pipeline?.waitingFor ? (
        <WaitingFor key="waiting" wait={pipeline.waitingFor} />
      ) : (
        <p key="waiting" className="muted" data-waiting={stage}>
          {t(`waiting.${stage}`)}
        </p>
      ),
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
