import { getTranslations, setRequestLocale } from 'next-intl/server';
import { z } from 'zod';
import type { TrainingModule, TrainingSession } from '@bandanh/contracts';
import { NotAllowed } from '@/components/not-allowed';
import { MyNotifications } from '@/components/notifications/my-notifications';
import { Unavailable } from '@/components/unavailable';
import { SessionSummary, StatusBadge, venueText } from '@/components/training/session-summary';
import { moduleTitle, schedulerTrainers } from '@/components/training/training-data';
import {
  addDays,
  isLocalDate,
  localDateOf,
  mondayOf,
  startOfDay,
  todayInPhnomPenh,
  weekOf,
} from '@/components/training/time';
import styles from '@/components/training/training.module.css';
import { Link } from '@/i18n/navigation';
import { getLocalFormat } from '@/i18n/local-format-server';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';

const PATH = '/training';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ view?: string; week?: string; trainer?: string }>;
};

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('training.sessions');

/** How far the list reaches: the last six months and the next three. */
const LIST_BEFORE_DAYS = 183;
const LIST_AFTER_DAYS = 92;

/**
 * "My sessions": a trainer's own, as a list or a week (Monday to Sunday, Phnom Penh time);
 * coordinators and admins see everyone's, and may show one trainer's.
 */
export default async function TrainingPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('training');
  const format = await getLocalFormat();
  const query = await searchParams;
  const { account } = await requireAccount(locale, PATH);
  if (!can(account, 'readTraining')) return <NotAllowed title={t('sessions.title')} />;

  const keeper = can(account, 'keepTrainers');
  const teaching = can(account, 'teach') && !keeper;
  const chosenTrainer = z.uuid().safeParse(query.trainer).success ? query.trainer : undefined;
  const trainerId = teaching ? account.id : chosenTrainer;
  const week = query.view === 'week' || isLocalDate(query.week);
  const today = todayInPhnomPenh();
  const monday = mondayOf(isLocalDate(query.week) ? query.week : today);
  const range = week
    ? { from: startOfDay(monday), to: startOfDay(addDays(monday, 7)) }
    : {
        from: startOfDay(addDays(today, -LIST_BEFORE_DAYS)),
        to: startOfDay(addDays(today, LIST_AFTER_DAYS)),
      };

  let sessions: TrainingSession[];
  let modules: TrainingModule[];
  let trainers: Awaited<ReturnType<typeof schedulerTrainers>> = [];
  try {
    [{ items: sessions }, { items: modules }, trainers] = await Promise.all([
      api(ROUTES.listTrainingSessions, { query: { ...range, trainerId } }),
      api(ROUTES.listTrainingModules, { query: { includeInactive: 'true' } }),
      keeper ? schedulerTrainers(account).catch(() => []) : Promise.resolve([]),
    ]);
  } catch (error) {
    if (afterFailure(error, locale, PATH) === 'notAllowed') return <NotAllowed title={t('sessions.title')} />;
    return <Unavailable title={t('sessions.title')} message={t('sessions.unavailable')} />;
  }
  const byModule = new Map(modules.map((module) => [module.id, module]));
  const trainerQuery: Record<string, string> = chosenTrainer && !teaching ? { trainer: chosenTrainer } : {};
  const weekHref = (date: string) => ({
    pathname: PATH,
    query: { view: 'week', week: date, ...trainerQuery },
  });
  const listHref = { pathname: PATH, query: trainerQuery };
  const title = teaching ? t('sessions.titleMine') : t('sessions.title');

  return (
    <>
      <h1>{title}</h1>
      <div className={styles.toolbar}>
        <nav aria-label={t('sessions.views')} className={styles.toolbar}>
          <Link
            href={listHref}
            className={week ? undefined : styles.current}
            aria-current={week ? undefined : 'page'}
          >
            {t('sessions.list')}
          </Link>
          <Link
            href={weekHref(mondayOf(today))}
            className={week ? styles.current : undefined}
            aria-current={week ? 'page' : undefined}
            data-week-view
          >
            {t('sessions.weekView')}
          </Link>
        </nav>
        {keeper && trainers.length > 0 && (
          <form method="get" action={`/${locale}${PATH}`} data-trainer-filter>
            {week && <input type="hidden" name="week" value={monday} />}
            <label htmlFor="trainer-filter">{t('sessions.trainerFilter')}</label>
            <select id="trainer-filter" name="trainer" defaultValue={chosenTrainer ?? ''}>
              <option value="">{t('sessions.allTrainers')}</option>
              {trainers.map((trainer) => (
                <option key={trainer.value} value={trainer.value}>
                  {trainer.label}
                </option>
              ))}
            </select>
            <button type="submit" className="secondary">
              {t('sessions.show')}
            </button>
          </form>
        )}
        {can(account, 'scheduleTraining') && (
          <Link href="/training/sessions/new">{t('sessions.schedule')}</Link>
        )}
        {can(account, 'teach') && <Link href="/training/availability">{t('sessions.availability')}</Link>}
        <Link href="/training/modules">{t('sessions.modules')}</Link>
        {keeper && (
          <Link href="/training/trainers" data-trainers-link>
            {t('sessions.trainers')}
          </Link>
        )}
      </div>

      {week ? (
        <section aria-labelledby="week-title">
          <div className={styles.toolbar}>
            <Link href={weekHref(addDays(monday, -7))} rel="prev" data-previous-week>
              {t('week.previous')}
            </Link>
            <h2 id="week-title" style={{ margin: 0 }}>
              {t('week.title', {
                range: format.dateTimeRange(
                  new Date(startOfDay(monday)),
                  new Date(startOfDay(addDays(monday, 6))),
                  {
                    day: 'numeric',
                    month: 'long',
                    year: 'numeric',
                  },
                ),
              })}
            </h2>
            <Link href={weekHref(addDays(monday, 7))} rel="next" data-next-week>
              {t('week.next')}
            </Link>
            {monday !== mondayOf(today) && <Link href={weekHref(mondayOf(today))}>{t('week.thisWeek')}</Link>}
          </div>
          <div className={styles.week} data-week={monday}>
            {weekOf(monday).map((date) => {
              const daySessions = sessions.filter((session) => localDateOf(session.startsAt) === date);
              return (
                <section
                  key={date}
                  className={styles.day}
                  data-day={date}
                  data-today={date === today}
                  aria-label={format.dateTime(new Date(startOfDay(date)), { dateStyle: 'full' })}
                >
                  <h3>
                    {format.dateTime(new Date(startOfDay(date)), {
                      weekday: 'short',
                      day: 'numeric',
                      month: 'short',
                    })}
                  </h3>
                  {daySessions.length > 0 && (
                    <ul>
                      {daySessions.map((session) => (
                        <li key={session.id}>
                          <Link
                            href={`/training/sessions/${session.id}`}
                            className={styles.event}
                            data-status={session.status}
                            data-session-id={session.id}
                          >
                            <span className={styles.eventTime}>
                              {format.dateTimeRange(new Date(session.startsAt), new Date(session.endsAt), {
                                hour: '2-digit',
                                minute: '2-digit',
                              })}
                            </span>
                            {moduleTitle(byModule.get(session.moduleId), locale) || session.moduleId}
                            {session.seats && (
                              <span className={styles.eventSeats} data-event-seats>
                                {t('facts.seatsShort', {
                                  taken: format.number(session.seats.confirmed),
                                  capacity: format.number(session.capacity),
                                })}
                              </span>
                            )}
                            <span className="sr-only">
                              {' '}
                              · {t(`status.${session.status}`)} ·{' '}
                              {venueText(session, locale, t('venueOnline'))}
                            </span>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
          {sessions.length === 0 && <p className="muted">{t('week.empty')}</p>}
        </section>
      ) : (
        <section aria-label={t('sessions.list')}>
          <p className="muted">{t('sessions.listRange')}</p>
          {sessions.length === 0 ? (
            <p data-no-sessions>{t('sessions.empty')}</p>
          ) : (
            (
              [
                ['upcoming', sessions.filter((s) => Date.parse(s.endsAt) >= Date.now())],
                ['past', sessions.filter((s) => Date.parse(s.endsAt) < Date.now()).reverse()],
              ] as const
            )
              .filter(([, some]) => some.length > 0)
              .map(([part, some]) => (
                <section key={part} aria-labelledby={`sessions-${part}`}>
                  <h2 id={`sessions-${part}`}>{t(`sessions.${part}`)}</h2>
                  <ul className="list" data-sessions={part}>
                    {some.map((session) => (
                      <li key={session.id} data-session-id={session.id} data-status={session.status}>
                        <div className="name">
                          <Link href={`/training/sessions/${session.id}`}>
                            {moduleTitle(byModule.get(session.moduleId), locale) || session.moduleId}
                          </Link>{' '}
                          <StatusBadge status={session.status} label={t(`status.${session.status}`)} />
                        </div>
                        <SessionSummary session={session} locale={locale} />
                      </li>
                    ))}
                  </ul>
                </section>
              ))
          )}
        </section>
      )}
      {teaching && <MyNotifications />}
    </>
  );
}
