import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { TrainingCertificate } from '@bandanh/contracts';
import { CodeLookupForm } from '@/components/code-lookup-form';
import { getLocalFormat } from '@/i18n/local-format-server';
import type { Locale } from '@/i18n/routing';
import styles from './certificates.module.css';

/** A code is never broken at its dash. */
export const codeChunk = (chunks: ReactNode) => <span className={styles.code}>{chunks}</span>;

/**
 * Every field printed on a certificate, as the network issued it, for whoever holds the paper to
 * compare: name, group, module, date, trainers, language, issue date and the code.
 */
export async function CertificateView({
  certificate,
  locale,
}: {
  certificate: TrainingCertificate;
  locale: Locale;
}) {
  const t = await getTranslations('certificates');
  const format = await getLocalFormat();
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'long' });
  const [moduleFirst, moduleOther] =
    locale === 'km'
      ? [certificate.moduleTitleKm, certificate.moduleTitleEn]
      : [certificate.moduleTitleEn, certificate.moduleTitleKm];
  const language = t.has(`languages.${certificate.language}`)
    ? t(`languages.${certificate.language}`)
    : certificate.language;
  const rows: Array<[string, string, ReactNode]> = [
    ['member', t('fields.member'), certificate.memberName],
    [
      'cbo',
      t('fields.cbo'),
      <>
        {certificate.cboNameKm && <span lang="km">{certificate.cboNameKm}</span>}
        {certificate.cboNameKm && <br />}
        <span lang={certificate.cboNameKm ? 'en' : undefined}>{certificate.cboName}</span>
      </>,
    ],
    [
      'module',
      t('fields.module'),
      <>
        {moduleFirst}
        {moduleOther && moduleOther !== moduleFirst && (
          <>
            <br />
            <span className="muted" lang={locale === 'km' ? 'en' : 'km'}>
              {moduleOther}
            </span>
          </>
        )}
      </>,
    ],
    ['date', t('fields.date'), date(certificate.sessionDate)],
    ['trainers', t('fields.trainers'), certificate.trainerNames.join(', ')],
    ['language', t('fields.language'), language],
    ['issuedAt', t('fields.issuedAt'), date(certificate.issuedAt)],
    ['code', t('fields.code'), <span className={styles.code}>{certificate.code}</span>],
  ];
  return (
    <section aria-labelledby="certificate-genuine" data-certificate-view={certificate.code}>
      <p className="notice ok" role="status" id="certificate-genuine" data-certificate-genuine>
        {t('genuine')}
      </p>
      <dl className={`card ${styles.fields}`}>
        {rows.map(([key, label, value]) => (
          <div key={key} className={styles.row} data-certificate-field={key}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t('compare')}</p>
    </section>
  );
}

/** The form that asks for a code: a plain GET form, so it works without JavaScript. */
export async function CertificateForm({ locale, code }: { locale: string; code?: string }) {
  const t = await getTranslations('certificates');
  return (
    <CodeLookupForm
      action={`/${locale}/certificates`}
      name="code"
      value={code}
      label={t('code')}
      hint={t('codeHint')}
      submit={t('check')}
      className={styles.form}
      data-certificate-form
    />
  );
}
