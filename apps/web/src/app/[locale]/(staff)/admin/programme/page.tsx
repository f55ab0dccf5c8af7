import { randomUUID } from 'node:crypto';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PROVINCES, type ExpansionDashboard, type NetworkSettings } from '@bandanh/contracts';
import { NotAllowed } from '@/components/not-allowed';
import { PlanForm } from '@/components/programme-settings/plan-form';
import { SettingsForm } from '@/components/programme-settings/settings-form';
import { planValues, settingsValues, targetValues } from '@/components/programme-settings/settings-draft';
import { TargetsForm } from '@/components/programme-settings/targets-form';
import { Unavailable } from '@/components/unavailable';
import { Link } from '@/i18n/navigation';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { provinceName } from '@/lib/provinces';
import { getLocalFormat } from '@/i18n/local-format-server';

const PATH = '/admin/programme';
const SAVED = ['settings', 'plan', 'targets'] as const;

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ saved?: string }> };

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('programmeSettings');

/** What admins set for the programme: the network settings, the expansion plan and the targets. */
export default async function ProgrammeSettingsPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const { saved } = await searchParams;
  const t = await getTranslations('programmeSettings');
  const format = await getLocalFormat();

  const { account } = await requireAccount(locale, PATH);
  if (!can(account, 'administer')) return <NotAllowed title={t('title')} />;

  let settings: { settings: NetworkSettings; updatedAt: string | null };
  let dashboard: ExpansionDashboard;
  try {
    [settings, dashboard] = await Promise.all([api(ROUTES.getNetworkSettings), api(ROUTES.getExpansion)]);
  } catch (error) {
    if (afterFailure(error, locale, PATH) === 'notAllowed') return <NotAllowed title={t('title')} />;
    return <Unavailable title={t('title')} message={t('unavailable')} />;
  }

  const provinces = PROVINCES.map((p) => ({ code: p.code, name: provinceName(p, locale) }));
  const openedOn = Object.fromEntries(
    dashboard.phases.flatMap((phase, i) =>
      phase.openedAt ? [[i, format.dateTime(new Date(phase.openedAt), { dateStyle: 'medium' })]] : [],
    ),
  );
  // The forms start again from what the API has after each save.
  const rendering = randomUUID();
  const justSaved = SAVED.find((what) => what === saved);

  return (
    <>
      <h1>{t('title')}</h1>
      {justSaved && (
        <p className="notice ok" role="status" data-saved={justSaved}>
          {t(`saved.${justSaved}`)}
        </p>
      )}
      <p className="muted">{t('intro')}</p>
      <div className="actions">
        <Link href="/expansion">{t('dashboard')}</Link>
      </div>

      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{t('settingsTitle')}</h2>
        {settings.updatedAt && (
          <p className="muted">
            {t('updatedAt', {
              date: format.dateTime(new Date(settings.updatedAt), {
                dateStyle: 'medium',
                timeStyle: 'short',
              }),
            })}
          </p>
        )}
        <SettingsForm
          key={rendering}
          locale={locale}
          values={settingsValues(settings.settings)}
          saved={settings.settings.rubric.length}
        />
      </section>

      <section aria-labelledby="targets-title">
        <h2 id="targets-title">{t('targetsTitle')}</h2>
        <TargetsForm
          key={rendering}
          locale={locale}
          values={targetValues(dashboard.targets)}
          saved={dashboard.targets.length}
          provinces={provinces}
        />
      </section>

      <section aria-labelledby="plan-title">
        <h2 id="plan-title">{t('planTitle')}</h2>
        <p className="muted">{t('planIntro')}</p>
        <PlanForm
          key={rendering}
          locale={locale}
          values={planValues(dashboard.phases)}
          saved={dashboard.phases.length}
          openedOn={openedOn}
          provinces={provinces}
        />
      </section>
    </>
  );
}
