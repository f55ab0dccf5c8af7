import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import { CertificateForm, codeChunk } from '@/components/certificates/certificate-view';
import { PATH_HEADER } from '@/i18n/path-header';
import { pathWithoutLocale } from '@/i18n/paths';
import { routing } from '@/i18n/routing';

/** The code of the page asked for, from its path (a not-found page is given no params). */
async function askedCode(): Promise<string> {
  const path = pathWithoutLocale((await headers()).get(PATH_HEADER), routing.locales);
  const last = path.split('?')[0].split('/').filter(Boolean)[1] ?? '';
  try {
    return decodeURIComponent(last).slice(0, 40);
  } catch {
    return last.slice(0, 40);
  }
}

/** No certificate has the code: said plainly, with the form to type it again. */
export default async function CertificateNotFound() {
  const t = await getTranslations('certificates');
  const locale = await getLocale();
  const code = await askedCode();
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="notice error" role="alert" data-certificate-problem="notFound">
        {t.rich('notFound', { code: code || '—', c: codeChunk })}
      </p>
      <CertificateForm locale={locale} code={code || undefined} />
    </>
  );
}
