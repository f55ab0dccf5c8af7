import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { InvitationForm } from '../../../../../components/invitation-form';
import { localeOf } from '../../../../../lib/locale';

type Props = { params: Promise<{ locale: string; token: string }> };

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'invitation' });
  // The token is in the address: never pass it on to another site.
  return { title: t('title'), referrer: 'no-referrer', robots: { index: false } };
}

export default async function InvitationPage({ params }: Props) {
  const { locale: requested, token } = await params;
  const locale = localeOf(requested);
  setRequestLocale(locale);
  const t = await getTranslations('invitation');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <InvitationForm locale={locale} token={token} />
    </>
  );
}
