import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { verifyCertificate } from '@/components/certificates/certificate-lookup';
import { CertificateView } from '@/components/certificates/certificate-view';
import { numberingSystemOf } from '@/components/notifications/numerals';
import { Link } from '@/i18n/navigation';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';

type Props = { params: Promise<{ locale: string; code: string }> };

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('certificates');

/**
 * Public: the page a certificate's QR code opens. It shows every field of the certificate as the
 * network issued it, so a paper whose name, group, module, date or trainer was changed cannot
 * pass as real; an unknown code is a 404 that says so.
 */
export default async function CertificatePage({ params }: Props) {
  const { locale: raw, code: typed } = await params;
  const locale = localeOf(raw);
  setRequestLocale(locale);
  const t = await getTranslations('certificates');
  const answer = await verifyCertificate(decodeURIComponent(typed));
  if ('problem' in answer && (answer.problem === 'notFound' || answer.problem === 'invalid')) notFound();

  return (
    <>
      <h1>{t('title')}</h1>
      {'certificate' in answer ? (
        <CertificateView certificate={answer.certificate} locale={locale} />
      ) : (
        <p className="notice error" role="alert" data-certificate-problem={answer.problem}>
          {answer.problem === 'rateLimited'
            ? t('rateLimited', {
                minutes: answer.minutes,
                shown: new Intl.NumberFormat(locale, { numberingSystem: numberingSystemOf(locale) }).format(
                  answer.minutes,
                ),
              })
            : t('unavailable')}
        </p>
      )}
      <p>
        <Link href="/certificates">{t('checkAnother')}</Link>
      </p>
    </>
  );
}
