import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SignInForm } from '@/components/sign-in-form';
import { Link, redirect } from '@/i18n/navigation';
import { homeFor, safeNext } from '@/lib/access';
import { currentAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ next?: string; signedOut?: string; reset?: string }>;
};

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('signIn');

export default async function SignInPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const query = await searchParams;
  const next = safeNext(query.next) ?? '';
  const t = await getTranslations('signIn');
  const reset = await getTranslations('passwordReset');

  const me = await currentAccount();
  if (me)
    return redirect({ href: me.mfaEnrolmentRequired ? '/account/mfa' : next || homeFor(me.account), locale });

  return (
    <>
      <h1>{t('title')}</h1>
      {query.signedOut && (
        <p className="notice ok" role="status">
          {t('signedOut')}
        </p>
      )}
      {query.reset && (
        <p className="notice ok" role="status" data-password-reset-done>
          {reset('done')}
        </p>
      )}
      <SignInForm
        locale={locale}
        next={next}
        forgot={
          <p className="muted">
            <Link href="/password-reset" data-forgot-password>
              {reset('forgotLink')}
            </Link>
          </p>
        }
      />
      <p className="muted">
        {t('noAccount')} <Link href="/sign-up">{t('signUpLink')}</Link>
      </p>
    </>
  );
}
