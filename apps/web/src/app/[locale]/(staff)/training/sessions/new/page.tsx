import { randomUUID } from 'node:crypto';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PROVINCES, type TrainingSlot } from '@bandanh/contracts';
import { NotAllowed } from '@/components/not-allowed';
import { Unavailable } from '@/components/unavailable';
import { blankSession } from '@/components/training/session-draft';
import { ScheduleForm } from '@/components/training/schedule-form';
import { schedulerTrainers, staffNames } from '@/components/training/training-data';
import { addDays, isLocalDate, localDateOf, localTimeOf, todayInPhnomPenh } from '@/components/training/time';
import styles from '@/components/training/training.module.css';
import { Link } from '@/i18n/navigation';
import { getLocalFormat } from '@/i18n/local-format-server';
import { can } from '@/lib/access';
import { api, GatewayError, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { provinceName } from '@/lib/provinces';

const PATH = '/training/sessions/new';

type Query = Partial<
  Record<'moduleId' | 'provinceCode' | 'from' | 'to' | 'start' | 'end' | 'trainer', string>
>;
type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Query> };

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('training.schedule');

const one = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : undefined);

/**
 * Schedules a session. "Find a slot" is a plain GET form: for a module, a province and a range
 * of days, the slots where a qualified trainer is free; choosing one (a link) fills the form.
 */
export default async function NewSessionPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('training.schedule');
  const format = await getLocalFormat();
  const query = await searchParams;
  const { account } = await requireAccount(locale, PATH);
  if (!can(account, 'scheduleTraining')) return <NotAllowed title={t('title')} />;

  let modules;
  let trainers;
  try {
    [{ items: modules }, trainers] = await Promise.all([
      api(ROUTES.listTrainingModules),
      schedulerTrainers(account),
    ]);
  } catch (error) {
    if (afterFailure(error, locale, PATH) === 'notAllowed') return <NotAllowed title={t('title')} />;
    return <Unavailable title={t('title')} message={t('unavailable')} />;
  }

  const today = todayInPhnomPenh();
  const search = {
    moduleId: one(query.moduleId) ?? '',
    provinceCode: one(query.provinceCode) ?? '',
    from: isLocalDate(query.from) ? query.from : today,
    to: isLocalDate(query.to) ? query.to : addDays(today, 14),
  };
  const searching = Boolean(query.moduleId || query.provinceCode);
  let slots: TrainingSlot[] | undefined;
  let slotError: string | undefined;
  if (searching) {
    try {
      ({ items: slots } = await api(ROUTES.findTrainingSlots, { query: search }));
    } catch (error) {
      afterFailure(error, locale, PATH);
      slotError = error instanceof GatewayError && error.status === 400 ? 'slotsInvalid' : 'slotsUnavailable';
    }
  }
  const slotTrainerIds = [...new Set((slots ?? []).flatMap((slot) => slot.trainerIds))];
  const names: Record<string, string> = {
    ...Object.fromEntries(trainers.map((trainer) => [trainer.value, String(trainer.label)])),
    ...(await staffNames(slotTrainerIds.filter((id) => !trainers.some((tr) => tr.value === id)))),
  };

  // A chosen slot fills the form's module, province, day, times and trainer.
  const chosenStart = one(query.start);
  const chosenEnd = one(query.end);
  const chosen =
    chosenStart && chosenEnd && !Number.isNaN(Date.parse(chosenStart)) && !Number.isNaN(Date.parse(chosenEnd))
      ? {
          date: localDateOf(chosenStart),
          startTime: localTimeOf(chosenStart),
          endTime: localTimeOf(chosenEnd),
          trainerId: one(query.trainer) ?? '',
        }
      : {};
  const values = blankSession({
    moduleId: search.moduleId,
    provinceCode: search.provinceCode,
    language: locale,
    trainerId: trainers.length === 1 ? trainers[0].value : '',
    ...chosen,
  });
  const moduleChoices = modules
    .filter((module) => module.active)
    .map((module) => ({ value: module.id, label: locale === 'km' ? module.titleKm : module.titleEn }));
  const provinceChoices = PROVINCES.map((p) => ({ value: p.code, label: provinceName(p, locale) }));
  const mine = new Set(trainers.map((trainer) => trainer.value));
  const idempotencyKey = randomUUID();
  const slotLink = (slot: TrainingSlot, trainerId: string) => ({
    pathname: PATH,
    query: { ...search, start: slot.start, end: slot.end, trainer: trainerId },
  });

  return (
    <>
      <p>
        <Link href="/training">{t('back')}</Link>
      </p>
      <h1>{t('title')}</h1>
      <section aria-labelledby="slots-title" className={styles.slots}>
        <h2 id="slots-title">{t('findTitle')}</h2>
        <form
          method="get"
          action={`/${locale}${PATH}`}
          className={`card ${styles.slotSearch}`}
          data-slot-search
        >
          <div className="field">
            <label htmlFor="slot-module">{t('module')}</label>
            <select id="slot-module" name="moduleId" defaultValue={search.moduleId}>
              <option value="">{t('choose')}</option>
              {moduleChoices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="slot-province">{t('province')}</label>
            <select id="slot-province" name="provinceCode" defaultValue={search.provinceCode}>
              <option value="">{t('choose')}</option>
              {provinceChoices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="slot-from">{t('from')}</label>
            <input id="slot-from" name="from" type="date" defaultValue={search.from} />
          </div>
          <div className="field">
            <label htmlFor="slot-to">{t('to')}</label>
            <input id="slot-to" name="to" type="date" defaultValue={search.to} />
          </div>
          <button type="submit" className="secondary">
            {t('find')}
          </button>
        </form>
        {slotError && (
          <p className="notice error" role="alert">
            {t(slotError)}
          </p>
        )}
        {slots && slots.length === 0 && <p data-no-slots>{t('noSlots')}</p>}
        {slots && slots.length > 0 && (
          <ul className={styles.slotList} data-slots>
            {slots.slice(0, 30).map((slot) => (
              <li key={slot.start} data-slot={slot.start}>
                <span className={styles.slotWhen}>
                  {format.dateTimeRange(new Date(slot.start), new Date(slot.end), {
                    weekday: 'short',
                    day: 'numeric',
                    month: 'short',
                    hour: '2-digit',
                    minute: '2-digit',
                  })}
                </span>
                {slot.trainerIds.map((trainerId) =>
                  mine.has(trainerId) ? (
                    <Link key={trainerId} href={slotLink(slot, trainerId)} data-use-slot>
                      {t('useSlot', { trainer: names[trainerId] ?? t('theTrainer') })}
                    </Link>
                  ) : (
                    <span key={trainerId} className="muted">
                      {names[trainerId] ?? t('theTrainer')}
                    </span>
                  ),
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="schedule-title">
        <h2 id="schedule-title">{t('formTitle')}</h2>
        {chosen.date && (
          <p className="notice ok" role="status" data-slot-chosen>
            {t('slotChosen')}
          </p>
        )}
        <ScheduleForm
          key={`${chosenStart ?? ''}-${chosen.trainerId ?? ''}`}
          locale={locale}
          idempotencyKey={idempotencyKey}
          values={values}
          modules={moduleChoices}
          trainers={trainers}
          provinces={provinceChoices}
          trainerNames={names}
        />
      </section>
    </>
  );
}
