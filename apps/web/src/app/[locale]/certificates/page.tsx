import { getTranslations, setRequestLocale } from 'next-intl/server';
import { normaliseCertificateCode } from '@bandanh/contracts';
import { CertificateForm, codeChunk } from '@/components/certificates/certificate-view';
import { redirect } from '@/i18n/navigation';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ code?: string | string[] }>;
};

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('certificates');

/**
 * Public: anyone holding a training certificate types its code here (or scans its QR code, which
 * opens the code's own page). A plain GET form: a code that can be one goes to its page.
 */
export default async function CertificateLookupPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('certificates');
  const typed = [(await searchParams).code].flat()[0]?.trim() ?? '';
  const code = typed ? normaliseCertificateCode(typed) : null;
  if (code) redirect({ href: `/certificates/${encodeURIComponent(code)}`, locale });

  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t.rich('intro', { c: codeChunk })}</p>
      {typed && (
        <p className="notice error" role="alert" data-certificate-problem="invalid">
          {t.rich('invalid', { c: codeChunk })}
        </p>
      )}
      <CertificateForm locale={locale} code={typed || undefined} />
    </>
  );
}
