import { getTranslations, setRequestLocale } from 'next-intl/server';
import { MfaForm } from '@/components/mfa-form';
import { RecoveryCodesForm } from '@/components/recovery-codes-form';
import { homeFor } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
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
  // With two-factor on: how many recovery codes are left (the page goes on without the count).
  let left: number | undefined;
  if (account.mfaEnabled) {
    try {
      left = (await api(ROUTES.getMfaStatus)).recoveryCodesLeft;
    } catch (error) {
      afterFailure(error, locale, '/account/mfa');
    }
  }

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
      {account.mfaEnabled && <RecoveryCodesForm locale={locale} left={left} />}
    </>
  );
}
