import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LinkInvalid, NewPasswordForm } from '@/components/password-reset/new-password-form';
import { Unavailable } from '@/components/unavailable';
import { api, GatewayError, ROUTES } from '@/lib/api';
import { localeOf } from '@/lib/locale';

type Props = { params: Promise<{ locale: string; token: string }> };

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'passwordReset.new' });
  // The token is in the address: never pass it on to another site ('same-origin', like every
  // page; 'no-referrer' would also make the browser send `Origin: null` with the form, which Next
  // refuses as a cross-site action).
  return { title: t('title'), referrer: 'same-origin', robots: { index: false } };
}

/** The link from the email: a new password, twice; a dead link says so and offers a new one. */
export default async function NewPasswordPage({ params }: Props) {
  const { locale: requested, token } = await params;
  const locale = localeOf(requested);
  setRequestLocale(locale);
  const t = await getTranslations('passwordReset');

  let live = true;
  try {
    await api(ROUTES.checkPasswordReset, { body: { token } });
  } catch (error) {
    // Used, replaced or expired (404); a token the API cannot even read (400) is no better.
    if (!(error instanceof GatewayError && (error.status === 404 || error.status === 400)))
      return <Unavailable title={t('new.title')} message={t('errors.unavailable')} />;
    live = false;
  }

  return (
    <>
      <h1>{t('new.title')}</h1>
      {live ? (
        <>
          <p className="muted">{t('new.intro')}</p>
          <NewPasswordForm locale={locale} token={token} />
        </>
      ) : (
        <LinkInvalid locale={locale} />
      )}
    </>
  );
}
