import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PROVINCES, type TrainingModule } from '@bandanh/contracts';
import { NotAllowed } from '@/components/not-allowed';
import { Unavailable } from '@/components/unavailable';
import { moduleTitle } from '@/components/training/training-data';
import { trainerRoster, type RosterEntry } from '@/components/training/trainer-roster';
import styles from '@/components/training/training.module.css';
import { Link } from '@/i18n/navigation';
import { getLocalFormat } from '@/i18n/local-format-server';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { provinceName } from '@/lib/provinces';

const PATH = '/training/trainers';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ saved?: string }> };

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('training.trainers');

/** The trainers, for those who keep them: what each may teach, where they travel, whether active. */
export default async function TrainersPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('training.trainers');
  const format = await getLocalFormat();
  const { account } = await requireAccount(locale, PATH);
  if (!can(account, 'keepTrainers')) return <NotAllowed title={t('title')} />;
  const saved = (await searchParams).saved;

  let entries: RosterEntry[];
  let allAccounts: boolean;
  let modules: TrainingModule[];
  try {
    [{ entries, allAccounts }, { items: modules }] = await Promise.all([
      trainerRoster(account),
      api(ROUTES.listTrainingModules, { query: { includeInactive: 'true' } }),
    ]);
  } catch (error) {
    if (afterFailure(error, locale, PATH) === 'notAllowed') return <NotAllowed title={t('title')} />;
    return <Unavailable title={t('title')} message={t('unavailable')} />;
  }
  const byModule = new Map(modules.map((module) => [module.id, module]));
  const province = (code: string) =>
    provinceName(
      PROVINCES.find((p) => p.code === code),
      locale,
    ) || code;
  const savedEntry = entries.find((entry) => entry.userId === saved);
  const list = (items: string[]) =>
    items.length === 0 ? (
      <span className="muted">{t('none')}</span>
    ) : (
      items.join(locale === 'km' ? ' · ' : ', ')
    );

  return (
    <>
      <p>
        <Link href="/training">{t('back')}</Link>
      </p>
      <h1>{t('title')}</h1>
      {savedEntry && (
        <p className="notice ok" role="status" data-saved>
          {t('saved', { name: savedEntry.name })}
        </p>
      )}
      <p className="muted">{allAccounts ? t('introAdmin') : t('intro')}</p>
      <p className="muted">{t('count', { count: format.number(entries.length) })}</p>
      {entries.length === 0 ? (
        <p data-no-trainers>{t('empty')}</p>
      ) : (
        <ul className="list" data-trainers>
          {entries.map(({ userId, name, trainer, hasRole }) => (
            <li
              key={userId}
              data-trainer-id={userId}
              data-profile={Boolean(trainer)}
              data-active={trainer?.active ?? false}
            >
              <div className="name">
                {name}{' '}
                {!trainer ? (
                  <span className={styles.trainerStatus} data-status="no-profile">
                    {t('noProfile')}
                  </span>
                ) : trainer.active ? (
                  <span className={styles.trainerStatus} data-status="active">
                    {t('active')}
                  </span>
                ) : (
                  <span className={styles.trainerStatus} data-status="inactive">
                    {t('inactive')}
                  </span>
                )}{' '}
                {hasRole === false && <span className="muted">{t('noRole')}</span>}
              </div>
              {trainer && (
                <dl>
                  <dt>{t('modules')}</dt>
                  <dd data-trainer-modules>
                    {list(trainer.moduleIds.map((id) => moduleTitle(byModule.get(id), locale) || id))}
                  </dd>
                  <dt>{t('provinces')}</dt>
                  <dd data-trainer-provinces>{list(trainer.provinceCodes.map(province))}</dd>
                </dl>
              )}
              <Link href={`${PATH}/${userId}`} data-edit-trainer>
                {trainer ? t('edit', { name }) : t('create', { name })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
