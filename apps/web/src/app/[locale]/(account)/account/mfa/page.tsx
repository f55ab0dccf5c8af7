import { getTranslations, setRequestLocale } from 'next-intl/server';
import { MfaForm } from '@/components/mfa-form';
import { homeFor } from '@/lib/access';
import { requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ welcome?: string }> };

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('mfa');

export default async function MfaPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const { welcome } = await searchParams;
  const t = await getTranslations('mfa');
  const { account, mfaEnrolmentRequired } = await requireAccount(locale, '/account/mfa', {
    duringMfaEnrolment: true,
  });
  const home = `/${locale}${homeFor(account) === '/' ? '' : homeFor(account)}`;

  return (
    <>
      <h1>{t('title')}</h1>
      {welcome && (
        <p className="notice ok" role="status">
          {t('welcome', { name: account.displayName })}
        </p>
      )}
      {!account.mfaEnabled && (
        <p className={mfaEnrolmentRequired ? 'notice error' : 'muted'}>
          {t(mfaEnrolmentRequired || account.mfaRequired ? 'required' : 'recommended')}
        </p>
      )}
      <MfaForm locale={locale} enabled={account.mfaEnabled} home={home} canSkip={!account.mfaRequired} />
    </>
  );
}
