import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PasswordForm } from '@/components/password-form';
import { requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';

type Props = { params: Promise<{ locale: string }> };

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('password');

export default async function PasswordPage({ params }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('password');
  await requireAccount(locale, '/account/password');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <PasswordForm locale={locale} />
    </>
  );
}
