import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ replayed?: string }> };

export const generateMetadata = pageTitle('apply.thanks');

/** After an application: what happens next, and how to follow it with an account. */
export default async function ThanksPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const { replayed } = await searchParams;
  const t = await getTranslations('apply.thanks');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="notice ok" role="status" data-application-received>
        {replayed ? t('alreadyReceived') : t('received')}
      </p>
      <h2>{t('nextTitle')}</h2>
      <ol className="steps">
        <li>{t('review')}</li>
        <li>{t('visit')}</li>
        <li>{t('decision')}</li>
      </ol>
      <h2>{t('followTitle')}</h2>
      <ol className="steps">
        <li>{t.rich('signUp', { link: (text) => <Link href="/sign-up">{text}</Link> })}</li>
        <li>{t('askCode')}</li>
        <li>{t.rich('follow', { link: (text) => <Link href="/my-cbo">{text}</Link> })}</li>
      </ol>
      <p>
        <Link href="/directory">{t('directoryLink')}</Link>
      </p>
    </>
  );
}
