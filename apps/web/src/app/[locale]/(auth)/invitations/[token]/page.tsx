import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { InvitationForm } from '@/components/invitation-form';
import { Unavailable } from '@/components/unavailable';
import { api, GatewayError, ROUTES, type RouteOutput } from '@/lib/api';
import { localeOf } from '@/lib/locale';
import { getLocalFormat } from '@/i18n/local-format-server';

type Props = { params: Promise<{ locale: string; token: string }> };

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'invitation' });
  // The token is in the address: never pass it on to another site.
  return { title: t('title'), referrer: 'no-referrer', robots: { index: false } };
}

/** Who the link invites and with which roles, then the form; a bad link gets its own page (404). */
export default async function InvitationPage({ params }: Props) {
  const { locale: requested, token } = await params;
  const locale = localeOf(requested);
  setRequestLocale(locale);
  const t = await getTranslations();
  const format = await getLocalFormat();

  let invitation: RouteOutput<typeof ROUTES.getInvitation>['invitation'];
  try {
    ({ invitation } = await api(ROUTES.getInvitation, { params: { token } }));
  } catch (error) {
    // Not valid, used or expired; a token the API cannot even read (400) is no better.
    if (error instanceof GatewayError && (error.status === 404 || error.status === 400)) notFound();
    return <Unavailable title={t('invitation.title')} message={t('account.errors.unavailable')} />;
  }

  return (
    <>
      <h1>{t('invitation.title')}</h1>
      <section className="card" data-invitation-for={invitation.email}>
        <p>{t('invitation.for')}</p>
        <dl className="facts">
          <dt>{t('invitation.email')}</dt>
          <dd data-invited-email>{invitation.email}</dd>
          <dt>{t('invitation.roles')}</dt>
          <dd>{invitation.roles.map((role) => t(`roles.${role}`)).join(', ')}</dd>
          <dt>{t('invitation.expires')}</dt>
          <dd>
            {format.dateTime(new Date(invitation.expiresAt), { dateStyle: 'medium', timeStyle: 'short' })}
          </dd>
        </dl>
      </section>
      <p className="muted">{t('invitation.intro')}</p>
      <InvitationForm locale={locale} token={token} />
    </>
  );
}
