import { getTranslations } from 'next-intl/server';
import type { ApplicationStatus } from '@bandanh/contracts';
import { Link } from '@/i18n/navigation';
import { CodeLookupForm } from '@/components/code-lookup-form';
import { numberingSystemOf } from '@/components/notifications/numerals';
import styles from './status.module.css';

/** A calendar date (YYYY-MM-DD) as the page's language writes it, in its digits. */
function dateIn(locale: string, date: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeZone: 'UTC',
    numberingSystem: numberingSystemOf(locale),
  }).format(new Date(`${date}T00:00:00Z`));
}

/** An application's stage in plain words, and a decline's reason (a rule's code in the page's words). */
export async function StatusView({
  application,
  locale,
}: {
  application: ApplicationStatus;
  locale: string;
}) {
  const t = await getTranslations('applicationStatus');
  const { status, reason } = application;
  const declined = status === 'declined';
  const reasonText = reason && t.has(`reasons.${reason}`) ? t(`reasons.${reason}`) : reason;
  return (
    <section aria-labelledby="application-status" data-application-status={status}>
      <h2 id="application-status">{t('resultTitle', { reference: application.reference })}</h2>
      <p className={`notice ${declined || status === 'withdrawn' ? 'error' : 'ok'}`} role="status">
        {t(`status.${status}`)}
      </p>
      {declined && reasonText ? (
        <>
          <h3>{t('reasonTitle')}</h3>
          <p data-decline-reason>{reasonText}</p>
          <p className="muted">{t('againLater')}</p>
        </>
      ) : null}
      <p className="muted">
        {t('receivedOn', { date: dateIn(locale, application.receivedOn) })}
        {application.decidedOn ? ` ${t('decidedOn', { date: dateIn(locale, application.decidedOn) })}` : null}
      </p>
    </section>
  );
}

/** The reference, big, to be written down: what the applicant checks their application with. */
export async function ReferenceBox({ reference }: { reference: string }) {
  const t = await getTranslations('applicationStatus.thanks');
  return (
    <div className={styles.reference} data-reference-box>
      <h2>{t('referenceTitle')}</h2>
      <strong className={styles.code} lang="en" data-reference>
        {reference}
      </strong>
      <p>{t('keep')}</p>
      <p>
        <Link href={{ pathname: '/apply/status', query: { reference } }}>{t('checkLink')}</Link>
      </p>
    </div>
  );
}

/** The form that asks for a reference: a plain GET form, so it works without JavaScript. */
export async function ReferenceForm({ locale, reference }: { locale: string; reference?: string }) {
  const t = await getTranslations('applicationStatus');
  return (
    <CodeLookupForm
      action={`/${locale}/apply/status`}
      name="reference"
      value={reference}
      label={t('reference')}
      hint={t('referenceHint')}
      submit={t('check')}
      className={styles.form}
      data-status-form
    />
  );
}
