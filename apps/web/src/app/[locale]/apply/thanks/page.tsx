import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ApplicationReference } from '@bandanh/contracts';
import { Link } from '@/i18n/navigation';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { statusOf } from '../status/lookup';
import { ReferenceBox, StatusView } from '../status/status-view';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ replayed?: string; reference?: string }>;
};

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('apply.thanks');

/**
 * After an application: its reference, to be kept, and what happens next. A group that a
 * programme rule declines at once (a development group during the pilot) is told so here, with
 * the reason, instead of the steps it will not go through.
 */
export default async function ThanksPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const { replayed, reference } = await searchParams;
  const t = await getTranslations('apply.thanks');
  const s = await getTranslations('applicationStatus.thanks');
  const answer = reference ? await statusOf(reference) : undefined;
  const application = answer && 'application' in answer ? answer.application : undefined;
  // The reference is shown even when its status cannot be read now (the API busy or away).
  const parsed = reference ? ApplicationReference.safeParse(reference) : undefined;
  const shownReference = application?.reference ?? (parsed?.success ? parsed.data : undefined);

  if (application?.status === 'declined') {
    return (
      <>
        <h1>{s('declinedTitle')}</h1>
        <StatusView application={application} locale={locale} />
        <ReferenceBox reference={application.reference} />
        <p>
          <Link href="/directory">{t('directoryLink')}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="notice ok" role="status" data-application-received>
        {replayed ? t('alreadyReceived') : t('received')}
      </p>
      {shownReference ? <ReferenceBox reference={shownReference} /> : null}
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
