import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { z } from 'zod';
import type {
  TrainingAttendanceView,
  TrainingModule,
  TrainingSession,
  TrainingSessionRun,
} from '@bandanh/contracts';
import { NotAllowed } from '@/components/not-allowed';
import { Unavailable } from '@/components/unavailable';
import { SessionSummary, StatusBadge } from '@/components/training/session-summary';
import { AttendanceForm, CancelForm, MoveForm } from '@/components/training/session-forms';
import { moduleTitle, staffNames } from '@/components/training/training-data';
import { localDateOf, localTimeOf } from '@/components/training/time';
import styles from '@/components/training/training.module.css';
import { Link } from '@/i18n/navigation';
import { getLocalFormat } from '@/i18n/local-format-server';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';

type Flag = 'scheduled' | 'replayed' | 'moved' | 'cancelled' | 'recorded';
type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Partial<Record<Flag, string>>>;
};

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'training.session' });
  return { title: t('title') };
}

const FLAGS: Flag[] = ['scheduled', 'replayed', 'moved', 'cancelled', 'recorded'];

/**
 * One session: its facts and seats, where its run is (the next reminder, the attendance task),
 * Move and Cancel for its organisers, the sign-in sheet, and the attendance form once it is held.
 */
export default async function SessionPage({ params, searchParams }: Props) {
  const { locale: given, id } = await params;
  const locale = localeOf(given);
  setRequestLocale(locale);
  const t = await getTranslations('training');
  const format = await getLocalFormat();
  const query = await searchParams;
  if (!z.uuid().safeParse(id).success) notFound();
  const path = `/training/sessions/${id}`;
  const { account } = await requireAccount(locale, path);
  if (!can(account, 'readTraining')) return <NotAllowed title={t('session.title')} />;

  let session: TrainingSession;
  let modules: TrainingModule[];
  try {
    [{ session }, { items: modules }] = await Promise.all([
      api(ROUTES.getTrainingSession, { params: { id } }),
      api(ROUTES.listTrainingModules, { query: { includeInactive: 'true' } }),
    ]);
  } catch (error) {
    const failure = afterFailure(error, locale, path);
    if (failure === 'notFound') notFound();
    if (failure === 'notAllowed') return <NotAllowed title={t('session.title')} />;
    return <Unavailable title={t('session.title')} message={t('session.unavailable')} />;
  }
  // The run and the sheet are read apart: the page still shows the session without them.
  const [run, sheet] = await Promise.all([
    api(ROUTES.getTrainingSessionRun, { params: { id } }).catch(
      (): TrainingSessionRun | undefined => undefined,
    ),
    can(account, 'scheduleTraining')
      ? api(ROUTES.getTrainingAttendance, { params: { id } }).catch(
          (): TrainingAttendanceView | undefined => undefined,
        )
      : undefined,
  ]);
  const names = sheet?.trainerNames.length
    ? sheet.trainerNames
    : Object.values(await staffNames(session.trainerIds));
  const module = modules.find((m) => m.id === session.moduleId);
  const title = moduleTitle(module, locale) || session.moduleId;
  const teaches = session.trainerIds.includes(account.id);
  const organiser = can(account, 'scheduleTraining') && (can(account, 'keepTrainers') || teaches);
  const open = session.status === 'scheduled' && run?.state !== 'cancelled';
  // Held by the training service: its expected members are frozen then (the run may say so a moment before).
  const held = session.status === 'held';
  const startsAt = run?.startsAt ?? session.startsAt;
  const endsAt = run?.endsAt ?? session.endsAt;
  const flag = FLAGS.find((name) => query[name]);
  // A lead is the orchestrator's setting ("3 days", "12 hours"): said in the reader's words.
  const leadText = (lead: string) => {
    const parts = /^(\d+)\s*(day|hour|minute)(s?)$/.exec(lead.trim());
    if (!parts) return lead;
    const count = Number(parts[1]);
    return t(`session.lead.${parts[2]}${count === 1 ? '' : 's'}`, { count: format.number(count) });
  };
  const date = (value: string) => format.dateTime(new Date(value), { dateStyle: 'full', timeStyle: 'short' });

  return (
    <>
      <p>
        <Link href="/training">{t('session.back')}</Link>
      </p>
      <h1>
        {title} <StatusBadge status={session.status} label={t(`status.${session.status}`)} />
      </h1>
      {flag && (
        <p className="notice ok" role="status" data-flash={flag}>
          {t(`session.flash.${flag}`)}
        </p>
      )}
      {module && <p className="muted">{locale === 'km' ? module.titleEn : module.titleKm}</p>}
      <SessionSummary
        session={{ ...session, startsAt, endsAt }}
        locale={locale}
        full
        trainers={names}
        confirmed={sheet?.expected.length}
      />

      <section aria-labelledby="run-title">
        <h2 id="run-title">{t('session.runTitle')}</h2>
        {run ? (
          <dl className="facts" data-run-state={run.state}>
            <dt>{t('session.state')}</dt>
            <dd>{t(`runState.${run.state}`)}</dd>
            {run.nextReminder && (
              <>
                <dt>{t('session.nextReminder')}</dt>
                <dd data-next-reminder>
                  {t('session.reminderAt', {
                    date: date(run.nextReminder.at),
                    lead: leadText(run.nextReminder.lead),
                  })}
                </dd>
              </>
            )}
            {run.attendanceTaskId && (
              <>
                <dt>{t('session.attendanceTask')}</dt>
                <dd data-attendance-task={run.state === 'held' ? 'open' : 'done'}>
                  {run.state === 'held' ? (
                    <Link href="/tasks">{t('session.openTask')}</Link>
                  ) : (
                    t('session.taskDone')
                  )}
                </dd>
              </>
            )}
            {run.cancelReason && (
              <>
                <dt>{t('session.cancelReason')}</dt>
                <dd data-cancel-reason>{run.cancelReason}</dd>
              </>
            )}
          </dl>
        ) : (
          <p className="muted">{t('session.noRun')}</p>
        )}
      </section>

      {sheet && (
        <p className="actions">
          <a href={`/${locale}${path}/sign-in-sheet`} data-sign-in-sheet download>
            {t('session.signInSheet')}
          </a>
        </p>
      )}

      {organiser && open && (
        <section aria-labelledby="change-title">
          <h2 id="change-title">{t('session.changeTitle')}</h2>
          <div className={styles.forms}>
            <MoveForm
              locale={locale}
              sessionId={id}
              date={localDateOf(startsAt)}
              startTime={localTimeOf(startsAt)}
              endTime={localTimeOf(endsAt)}
            />
            <CancelForm locale={locale} sessionId={id} />
          </div>
        </section>
      )}

      <section aria-labelledby="attendance-title">
        <h2 id="attendance-title">{t('attendance.title')}</h2>
        {!sheet ? (
          <p className="muted">{t('attendance.notYours')}</p>
        ) : sheet.marks ? (
          <>
            <p className="notice ok" data-attendance-recorded>
              {t('attendance.recordedOn', { date: date(sheet.recordedAt ?? session.endsAt) })}
            </p>
            <ul className="list" data-marks>
              {sheet.expected.map((attendee) => {
                const mark = sheet.marks?.find((entry) => entry.memberId === attendee.memberId)?.mark;
                return (
                  <li key={attendee.memberId} data-mark={mark}>
                    <span className="name">{attendee.memberName}</span> · {attendee.cboName} ·{' '}
                    {mark ? t(`marks.${mark}`) : '—'}
                  </li>
                );
              })}
            </ul>
          </>
        ) : held && teaches && can(account, 'teach') ? (
          sheet.expected.length === 0 ? (
            <p>{t('attendance.nobody')}</p>
          ) : (
            <>
              <p className="muted">{t('attendance.intro')}</p>
              <AttendanceForm
                locale={locale}
                sessionId={id}
                attendees={sheet.expected.map((attendee) => ({
                  memberId: attendee.memberId,
                  memberName: attendee.memberName,
                  cboName: locale === 'km' && attendee.cboNameKm ? attendee.cboNameKm : attendee.cboName,
                }))}
              />
            </>
          )
        ) : (
          <p className="muted" data-attendance-later>
            {held ? t('attendance.trainersOnly') : t('attendance.afterHeld')}
          </p>
        )}
        {sheet && !sheet.marks && sheet.expected.length > 0 && (
          <details>
            <summary>{t('attendance.expected', { count: format.number(sheet.expected.length) })}</summary>
            <ul data-expected>
              {sheet.expected.map((attendee) => (
                <li key={attendee.memberId}>
                  {attendee.memberName} · {attendee.cboName}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
    </>
  );
}
