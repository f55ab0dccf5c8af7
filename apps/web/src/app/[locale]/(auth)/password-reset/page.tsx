import { getTranslations, setRequestLocale } from 'next-intl/server';
import { RequestResetForm } from '@/components/password-reset/request-reset-form';
import { Link } from '@/i18n/navigation';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';

type Props = { params: Promise<{ locale: string }> };

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('passwordReset');

/** "Forgot your password?": the address to send a reset link to. */
export default async function PasswordResetPage({ params }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('passwordReset');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <RequestResetForm locale={locale} />
      <p className="muted">
        <Link href="/sign-in">{t('backToSignIn')}</Link>
      </p>
    </>
  );
}
