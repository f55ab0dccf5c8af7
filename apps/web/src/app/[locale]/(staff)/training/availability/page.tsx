import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Trainer } from '@bandanh/contracts';
import { NotAllowed } from '@/components/not-allowed';
import { Unavailable } from '@/components/unavailable';
import { availabilityValues } from '@/components/training/availability-draft';
import { AvailabilityForm, CalendarFeed } from '@/components/training/availability-form';
import { feedUrl } from '@/components/training/training-data';
import { Link } from '@/i18n/navigation';
import { can } from '@/lib/access';
import { api, GatewayError, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';

const PATH = '/training/availability';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ saved?: string }> };

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('training.availability');

/** A trainer's availability (weekly windows and dated exceptions) and their calendar feed. */
export default async function AvailabilityPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('training');
  const { account } = await requireAccount(locale, PATH);
  if (!can(account, 'teach')) return <NotAllowed title={t('availability.title')} />;
  const saved = Boolean((await searchParams).saved);

  let trainer: Trainer | undefined;
  try {
    ({ trainer } = await api(ROUTES.getOwnTrainer));
  } catch (error) {
    const failure = afterFailure(error, locale, PATH);
    if (failure === 'notAllowed') return <NotAllowed title={t('availability.title')} />;
    if (!(error instanceof GatewayError && error.status === 404)) {
      return <Unavailable title={t('availability.title')} message={t('availability.unavailable')} />;
    }
  }
  // The feed's address is shown when it is first made; afterwards only that one exists.
  const calendar = await api(ROUTES.getTrainerCalendarToken).catch(() => undefined);

  return (
    <>
      <p>
        <Link href="/training">{t('session.back')}</Link>
      </p>
      <h1>{t('availability.title')}</h1>
      {saved && (
        <p className="notice ok" role="status" data-saved>
          {t('availability.saved')}
        </p>
      )}
      {trainer ? (
        <>
          <p className="muted">{t('availability.intro')}</p>
          <AvailabilityForm key={trainer.updatedAt} locale={locale} values={availabilityValues(trainer)} />
        </>
      ) : (
        <p className="notice error" data-no-profile>
          {t('availability.noProfile')}
        </p>
      )}
      <section aria-labelledby="calendar-title">
        <h2 id="calendar-title">{t('calendar.title')}</h2>
        {calendar ? (
          <CalendarFeed
            locale={locale}
            url={calendar.path ? await feedUrl(calendar.path) : undefined}
            exists={calendar.exists}
          />
        ) : (
          <p className="notice error">{t('calendar.unavailable')}</p>
        )}
      </section>
    </>
  );
}
