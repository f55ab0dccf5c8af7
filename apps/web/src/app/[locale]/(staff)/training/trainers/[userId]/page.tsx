import { getTranslations, setRequestLocale } from 'next-intl/server';
import { z } from 'zod';
import { PROVINCES, type Trainer, type TrainingModule } from '@bandanh/contracts';
import { NotAllowed } from '@/components/not-allowed';
import { Unavailable } from '@/components/unavailable';
import { TrainerForm } from '@/components/training/trainer-form';
import { moduleTitle, staffNames } from '@/components/training/training-data';
import { Link } from '@/i18n/navigation';
import { can } from '@/lib/access';
import { api, GatewayError, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { provinceName } from '@/lib/provinces';

type Props = { params: Promise<{ locale: string; userId: string }> };

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('training.trainer');

/** One trainer's profile, for those who keep trainers; saving one for an account without gives it one. */
export default async function TrainerPage({ params }: Props) {
  const { locale: given, userId } = await params;
  const locale = localeOf(given);
  setRequestLocale(locale);
  const t = await getTranslations('training.trainer');
  const path = `/training/trainers/${userId}`;
  const { account } = await requireAccount(locale, path);
  if (!can(account, 'keepTrainers')) return <NotAllowed title={t('title')} />;
  if (!z.uuid().safeParse(userId).success) return <Unavailable title={t('title')} message={t('notFound')} />;

  let trainer: Trainer | undefined;
  let modules: TrainingModule[];
  let names: Record<string, string>;
  try {
    [trainer, { items: modules }, names] = await Promise.all([
      api(ROUTES.getTrainer, { params: { id: userId } }).then(
        ({ trainer: found }) => found,
        (error: unknown) => {
          if (error instanceof GatewayError && error.status === 404) return undefined;
          throw error;
        },
      ),
      api(ROUTES.listTrainingModules, { query: { includeInactive: 'true' } }),
      staffNames([userId]),
    ]);
  } catch (error) {
    if (afterFailure(error, locale, path) === 'notAllowed') return <NotAllowed title={t('title')} />;
    return <Unavailable title={t('title')} message={t('unavailable')} />;
  }
  const name = names[userId];
  if (!name && !trainer) return <Unavailable title={t('title')} message={t('notFound')} />;
  // Inactive modules show only when the trainer already teaches them.
  const offered = modules.filter((module) => module.active || trainer?.moduleIds.includes(module.id));

  return (
    <>
      <p>
        <Link href="/training/trainers">{t('back')}</Link>
      </p>
      <h1>{t('heading', { name: name ?? userId })}</h1>
      {!trainer && (
        <p className="notice" data-no-profile>
          {t('noProfile')}
        </p>
      )}
      <p className="muted">{t('intro')}</p>
      <TrainerForm
        key={trainer?.updatedAt ?? 'new'}
        locale={locale}
        userId={userId}
        values={{
          moduleIds: trainer?.moduleIds ?? [],
          provinceCodes: trainer?.provinceCodes ?? [],
          active: trainer?.active ?? true,
        }}
        modules={offered.map((module) => ({ value: module.id, label: moduleTitle(module, locale) }))}
        provinces={PROVINCES.map((province) => ({
          value: province.code,
          label: provinceName(province, locale),
        }))}
      />
    </>
  );
}
