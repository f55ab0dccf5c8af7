import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SignUpForm } from '@/components/sign-up-form';
import { Link, redirect } from '@/i18n/navigation';
import { homeFor } from '@/lib/access';
import { currentAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';

type Props = { params: Promise<{ locale: string }> };

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('signUp');

export default async function SignUpPage({ params }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('signUp');

  const me = await currentAccount();
  if (me) return redirect({ href: homeFor(me.account), locale });

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <SignUpForm locale={locale} />
      <p className="muted">
        {t('haveAccount')} <Link href="/sign-in">{t('signInLink')}</Link>
      </p>
    </>
  );
}
