import { getTranslations } from 'next-intl/server';
import { findProvince, type TrainingSession } from '@bandanh/contracts';
import { getLocalFormat } from '@/i18n/local-format-server';
import { provinceName } from '@/lib/provinces';
import styles from './training.module.css';

/** Where a session is held, in the reader's language: the place, commune, district and province, or online. */
export function venueText(session: Pick<TrainingSession, 'venue'>, locale: string, online: string): string {
  const { venue } = session;
  if (venue.kind === 'online') return online;
  return [venue.place, venue.commune, venue.district, provinceName(findProvince(venue.provinceCode), locale)]
    .filter(Boolean)
    .join(', ');
}

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <span className={styles.status} data-status={status} data-session-status>
      {label}
    </span>
  );
}

/**
 * A session's facts: when (Phnom Penh time), where, its seats and language; on its page
 * (`full`) also its trainers, minimum attendance and limit per CBO.
 */
export async function SessionSummary({
  session,
  locale,
  full = false,
  trainers,
  confirmed,
}: {
  session: TrainingSession;
  locale: string;
  full?: boolean;
  /** The trainers' names. */
  trainers?: string[];
  /** Seats confirmed, when the session does not carry its counts. */
  confirmed?: number;
}) {
  const t = await getTranslations('training');
  const format = await getLocalFormat();
  // The counts the session carries, else those the page found (the attendance view's).
  const taken = session.seats?.confirmed ?? confirmed;
  const waiting = session.seats?.waitlisted ?? 0;
  return (
    <dl className={full ? 'facts' : undefined}>
      <dt>{t('facts.when')}</dt>
      <dd data-when>
        {format.dateTimeRange(new Date(session.startsAt), new Date(session.endsAt), {
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
        })}
      </dd>
      <dt>{t('facts.venue')}</dt>
      <dd data-venue>{venueText(session, locale, t('venueOnline'))}</dd>
      <dt>{t('facts.seats')}</dt>
      <dd data-seats>
        {taken === undefined
          ? t('facts.capacity', { capacity: format.number(session.capacity) })
          : t('facts.seatsTaken', {
              taken: format.number(taken),
              capacity: format.number(session.capacity),
            })}
        {waiting > 0 && <> · {t('facts.waitlisted', { count: format.number(waiting) })}</>}
      </dd>
      <dt>{t('facts.language')}</dt>
      <dd>{t(`languages.${session.language}`)}</dd>
      {full && (
        <>
          {trainers && (
            <>
              <dt>{t('facts.trainers')}</dt>
              <dd data-trainers>{trainers.join(', ')}</dd>
            </>
          )}
          <dt>{t('facts.minimumAttendance')}</dt>
          <dd>{format.number(session.minimumAttendance)}</dd>
          <dt>{t('facts.perCboLimit')}</dt>
          <dd>{session.perCboLimit ? format.number(session.perCboLimit) : t('facts.perCboDefault')}</dd>
        </>
      )}
    </dl>
  );
}
