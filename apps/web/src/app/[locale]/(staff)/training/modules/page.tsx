import { randomUUID } from 'node:crypto';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { TrainingModule } from '@bandanh/contracts';
import { NotAllowed } from '@/components/not-allowed';
import { Unavailable } from '@/components/unavailable';
import { ModuleForm } from '@/components/training/module-form';
import { NewModuleForm } from '@/components/training/new-module-form';
import styles from '@/components/training/training.module.css';
import { Link } from '@/i18n/navigation';
import { getLocalFormat } from '@/i18n/local-format-server';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';

const PATH = '/training/modules';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ saved?: string }> };

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('training.modules');

/** The training catalogue: everyone in the programme reads it, an admin keeps it. */
export default async function ModulesPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('training.modules');
  const format = await getLocalFormat();
  const { account } = await requireAccount(locale, PATH);
  if (!can(account, 'readTraining')) return <NotAllowed title={t('title')} />;
  const admin = can(account, 'administer');
  const saved = (await searchParams).saved;

  let modules: TrainingModule[];
  try {
    ({ items: modules } = await api(ROUTES.listTrainingModules, {
      query: { includeInactive: admin ? 'true' : 'false' },
    }));
  } catch (error) {
    if (afterFailure(error, locale, PATH) === 'notAllowed') return <NotAllowed title={t('title')} />;
    return <Unavailable title={t('title')} message={t('unavailable')} />;
  }
  const hours = (minutes: number) =>
    minutes % 60 === 0
      ? t('hours', { hours: format.number(minutes / 60) })
      : t('minutes', { minutes: format.number(minutes) });
  const savedModule = modules.find((module) => module.id === saved);

  return (
    <>
      <p>
        <Link href="/training">{t('back')}</Link>
      </p>
      <h1>{t('title')}</h1>
      {savedModule && (
        <p className="notice ok" role="status" data-saved>
          {t('saved', { title: locale === 'km' ? savedModule.titleKm : savedModule.titleEn })}
        </p>
      )}
      <p className="muted">{t('intro')}</p>
      <ul className={`list ${styles.moduleList}`} data-modules>
        {modules.map((module) => {
          const title = locale === 'km' ? module.titleKm : module.titleEn;
          return (
            <li key={module.id} data-module-id={module.id} data-active={module.active}>
              <div className="name">
                {title} {module.requiredForGrants && <span className={styles.required}>{t('required')}</span>}{' '}
                {!module.active && <span className="muted">{t('inactive')}</span>}
              </div>
              <div className="muted" lang={locale === 'km' ? 'en' : 'km'}>
                {locale === 'km' ? module.titleEn : module.titleKm}
              </div>
              <p>{locale === 'km' ? module.descriptionKm : module.descriptionEn}</p>
              <dl>
                <dt>{t('duration')}</dt>
                <dd>{hours(module.durationMinutes)}</dd>
              </dl>
              {admin && (
                <ModuleForm
                  key={`${module.id}-${module.updatedAt}`}
                  locale={locale}
                  moduleId={module.id}
                  label={t('edit', { title })}
                  values={{
                    titleKm: module.titleKm,
                    titleEn: module.titleEn,
                    descriptionKm: module.descriptionKm,
                    descriptionEn: module.descriptionEn,
                    durationMinutes: String(module.durationMinutes),
                    requiredForGrants: module.requiredForGrants,
                    active: module.active,
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
      {admin && (
        <section aria-labelledby="new-module-title">
          <h2 id="new-module-title">{t('newTitle')}</h2>
          <p className="muted">{t('newIntro')}</p>
          <NewModuleForm locale={locale} idempotencyKey={randomUUID()} />
        </section>
      )}
    </>
  );
}
