import { getTranslations } from 'next-intl/server';
import {
  findProvince,
  SeatStatus,
  type CboSessionEntry,
  type CboTrainingProgress,
  type SessionVenue,
  type TrainingCertificate,
} from '@bandanh/contracts';
import { getLocalFormat } from '@/i18n/local-format-server';
import { Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { api, ROUTES } from '@/lib/api';
import { provinceName } from '@/lib/provinces';
import { SeatForms } from './seat-forms';
import styles from './training-member.module.css';

/** What the page was sent back with after a seat form: the answer to say at the top of the section. */
export interface SeatAnswer {
  seat?: string;
  session?: string;
  position?: string;
}

type Props = { cboId: string; locale: Locale; answered?: SeatAnswer };

/** A title in the reader's language. */
const titleIn = (locale: Locale, { titleKm, titleEn }: { titleKm: string; titleEn: string }) =>
  locale === 'km' ? titleKm : titleEn;

/**
 * The group's training on its page: required modules done of those required, each module done
 * or not, the sessions it is invited to with the member's seat and a confirm or decline button,
 * what comes after, and its members' certificates. Server-rendered; only the two seat buttons
 * are forms.
 */
export async function TrainingSection({ cboId, locale, answered }: Props) {
  const t = await getTranslations('trainingMember');
  let progress: CboTrainingProgress;
  try {
    progress = await api(ROUTES.getCboTrainingProgress, { params: { cboId } });
  } catch {
    return (
      <section id="training" aria-labelledby="training-title" data-training="unavailable">
        <h2 id="training-title">{t('title')}</h2>
        <p className="muted">{t('unavailable')}</p>
      </section>
    );
  }
  const format = await getLocalFormat();
  const number = (value: number) => format.number(value);
  const { modules, requiredDone, requiredTotal, sessions, certificates } = progress;
  const required = modules.filter((module) => module.required);
  const left = required.filter((module) => !module.completed);
  const share = requiredTotal > 0 ? Math.round((100 * requiredDone) / requiredTotal) : 0;
  const status = SeatStatus.safeParse(answered?.seat);
  const answeredHere = status.success && sessions.some((entry) => entry.session.id === answered?.session);

  return (
    <section id="training" aria-labelledby="training-title" data-training>
      <h2 id="training-title">{t('title')}</h2>
      {answeredHere && (
        <p className="notice ok" role="status" data-seat-answered={status.data}>
          {t(`answered.${status.data}`, { position: number(Number(answered?.position) || 1) })}
        </p>
      )}
      <div className="card">
        {requiredTotal > 0 ? (
          <>
            <p
              className={styles.progress}
              data-training-progress
              data-required-done={requiredDone}
              data-required-total={requiredTotal}
            >
              {t('progress', { done: number(requiredDone), total: number(requiredTotal) })}
            </p>
            <span className={styles.bar} aria-hidden="true">
              <span style={{ width: `${share}%` }} />
            </span>
          </>
        ) : (
          <p className="muted">{t('noRequired')}</p>
        )}
        <h3 className="sr-only">{t('modulesTitle')}</h3>
        <ul className={styles.modules} data-training-modules>
          {modules.map((module) => (
            <li
              key={module.moduleId}
              className={module.completed ? styles.done : undefined}
              data-module={module.moduleId}
              data-module-done={module.completed}
            >
              <span className={styles.mark} aria-hidden="true">
                {module.completed ? '✓' : ''}
              </span>
              <span className={styles.moduleTitle}>{titleIn(locale, module)}</span>
              <span className={styles.state}>
                {module.completed
                  ? module.completedAt
                    ? t('module.doneOn', {
                        date: format.dateTime(new Date(module.completedAt), { dateStyle: 'medium' }),
                      })
                    : t('module.done')
                  : t('module.notDone')}
                {' · '}
                {module.required ? t('module.required') : t('module.optional')}
              </span>
            </li>
          ))}
        </ul>
        {requiredTotal > 0 && (
          <p data-training-next={left.length === 0 ? 'grants' : 'remaining'}>
            {left.length === 0
              ? t('next.grants')
              : t('next.remaining', { modules: left.map((module) => titleIn(locale, module)).join(', ') })}
          </p>
        )}
      </div>

      <h3 id="training-sessions-title">{t('sessionsTitle')}</h3>
      {sessions.length === 0 ? (
        <p className="muted" data-no-sessions>
          {t('noSessions')}
        </p>
      ) : (
        <ul className={styles.sessions} aria-labelledby="training-sessions-title">
          {sessions.map((entry) => (
            <Session key={entry.session.id} entry={entry} locale={locale} />
          ))}
        </ul>
      )}

      <h3 id="training-certificates-title">{t('certificatesTitle')}</h3>
      {certificates.length === 0 ? (
        <p className="muted" data-no-certificates>
          {t('noCertificates')}
        </p>
      ) : (
        <div className="card">
          <ul className={styles.certificates} aria-labelledby="training-certificates-title">
            {certificates.map((certificate) => (
              <Certificate key={certificate.code} certificate={certificate} locale={locale} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

async function Session({ entry, locale }: { entry: CboSessionEntry; locale: Locale }) {
  const t = await getTranslations('trainingMember');
  const format = await getLocalFormat();
  const { session, module, invited, seat } = entry;
  const when = format.dateTimeRange(new Date(session.startsAt), new Date(session.endsAt), {
    dateStyle: 'full',
    timeStyle: 'short',
  });
  return (
    <li
      className={`card ${styles.session}`}
      data-training-session={session.id}
      data-invited={invited}
      data-seat={seat?.status ?? 'none'}
    >
      {invited && <span className={styles.invited}>{t('session.invited')}</span>}
      <h4>{titleIn(locale, module)}</h4>
      <dl>
        <dt>{t('session.when')}</dt>
        <dd data-session-when>{when}</dd>
        <dt>{t('session.where')}</dt>
        <dd data-session-where>{venueText(session.venue, locale, t('session.online'))}</dd>
        <dt>{t('session.language')}</dt>
        <dd>{t(`session.languages.${session.language}`)}</dd>
      </dl>
      {invited ? (
        <>
          <p className={styles.seat} data-seat-status={seat?.status ?? 'none'}>
            {seat
              ? t(`seat.${seat.status}`, { position: format.number(seat.position ?? 1) })
              : t('seat.none')}
          </p>
          <SeatForms
            locale={locale}
            words={{
              confirm: t('forms.confirm'),
              confirmAgain: t('forms.confirmAgain'),
              decline: t('forms.decline'),
              working: t('forms.working'),
              errors: t.raw('forms.errors') as Record<string, string>,
            }}
            sessionId={session.id}
            status={seat?.status ?? null}
          />
        </>
      ) : (
        <p className="muted" data-not-invited>
          {t('session.notInvited')}
        </p>
      )}
    </li>
  );
}

function venueText(venue: SessionVenue, locale: Locale, online: string): string {
  if (venue.kind === 'online') return online;
  return [venue.place, venue.commune, venue.district, provinceName(findProvince(venue.provinceCode), locale)]
    .filter(Boolean)
    .join(', ');
}

async function Certificate({ certificate, locale }: { certificate: TrainingCertificate; locale: Locale }) {
  const t = await getTranslations('trainingMember.certificate');
  const format = await getLocalFormat();
  const { code } = certificate;
  return (
    <li data-certificate={code}>
      <strong>
        {t('for', {
          name: certificate.memberName,
          module: locale === 'km' ? certificate.moduleTitleKm : certificate.moduleTitleEn,
        })}
      </strong>
      <span className="muted">
        {t('date', {
          date: format.dateTime(new Date(certificate.sessionDate), { dateStyle: 'long' }),
        })}{' '}
        · <span className={styles.code}>{t('code', { code })}</span>
      </span>
      <span className={styles.links}>
        {/* A file, not a page: a plain link, never prefetched. */}
        <a href={`/${locale}/certificates/${encodeURIComponent(code)}/pdf`} data-certificate-pdf>
          {t('pdf')}
        </a>
        <Link href={`/certificates/${encodeURIComponent(code)}`} data-certificate-verify>
          {t('verify')}
        </Link>
      </span>
    </li>
  );
}
