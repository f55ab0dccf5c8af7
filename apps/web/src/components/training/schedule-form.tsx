'use client';

import { useTranslations } from 'next-intl';
import {
  scheduleSession,
  type ScheduleFormState,
} from '@/app/[locale]/(staff)/training/sessions/new/actions';
import {
  Choices,
  SectionForm,
  SelectField,
  SubmitButton,
  TextField,
  type Choice,
} from '@/components/form-parts';
import { useFormAction } from '@/components/use-form-action';
import { LANGUAGES } from './constants';
import type { SessionValues } from './session-draft';
import styles from './training.module.css';

interface Props {
  locale: string;
  idempotencyKey: string;
  values: SessionValues;
  modules: readonly Choice[];
  /** The trainers the scheduler may choose (a trainer: themselves). */
  trainers: readonly Choice[];
  provinces: readonly Choice[];
  /** Trainers' names by id, for the refusals that name one. */
  trainerNames: Record<string, string>;
}

/**
 * Schedules a session: a plain form that works before JavaScript, with the rules' refusals said
 * beside it in plain words (who, and what it clashes with).
 */
export function ScheduleForm({
  locale,
  idempotencyKey,
  values,
  modules,
  trainers,
  provinces,
  trainerNames,
}: Props) {
  const t = useTranslations('training.schedule');
  const words = useTranslations('training');
  const initial: ScheduleFormState = { key: idempotencyKey, values, errors: {} };
  const form = useFormAction(scheduleSession, initial, `/${locale}/training/sessions/new`);
  const { state } = form;
  const v = state.values;

  return (
    <div className={styles.withAside}>
      <SectionForm
        form={form}
        section="training.schedule"
        hiddenFields={{ locale, idempotencyKey: state.key }}
        className="card"
        requiredText={t('required')}
        data-schedule-form
      >
        <SelectField
          name="moduleId"
          label={t('module')}
          placeholder={t('choose')}
          choices={modules}
          defaultValue={v.moduleId}
          required
        />
        <SelectField
          name="trainerId"
          label={t('trainer')}
          placeholder={trainers.length > 1 ? t('choose') : undefined}
          choices={trainers}
          defaultValue={v.trainerId}
          required
        />
        <div className={styles.columns}>
          <TextField name="date" type="date" label={t('date')} defaultValue={v.date} required />
          <TextField
            name="startTime"
            type="time"
            label={t('startTime')}
            defaultValue={v.startTime}
            required
          />
          <TextField name="endTime" type="time" label={t('endTime')} defaultValue={v.endTime} required />
        </div>
        <p className="hint">{t('timeZone')}</p>
        <Choices
          name="venueKind"
          type="radio"
          legend={t('venueKind')}
          idPrefix="venue"
          choices={[
            { value: 'place', label: t('venuePlace') },
            { value: 'online', label: t('venueOnline') },
          ]}
          checked={(value) => value === v.venueKind}
        />
        <fieldset className={styles.group}>
          <legend>{t('placeLegend')}</legend>
          <p className="hint">{t('placeHint')}</p>
          <SelectField
            name="provinceCode"
            label={t('province')}
            placeholder={t('choose')}
            choices={provinces}
            defaultValue={v.provinceCode}
          />
          <div className={styles.columns}>
            <TextField name="district" label={t('district')} defaultValue={v.district} maxLength={120} />
            <TextField name="commune" label={t('commune')} defaultValue={v.commune} maxLength={120} />
          </div>
          <TextField name="place" label={t('place')} defaultValue={v.place} maxLength={200} />
        </fieldset>
        <div className={styles.columns}>
          <TextField
            name="capacity"
            inputMode="numeric"
            label={t('capacity')}
            defaultValue={v.capacity}
            required
          />
          <TextField
            name="minimumAttendance"
            inputMode="numeric"
            label={t('minimumAttendance')}
            defaultValue={v.minimumAttendance}
            required
          />
          <TextField
            name="perCboLimit"
            inputMode="numeric"
            label={t('perCboLimit')}
            hint={t('perCboLimitHint')}
            defaultValue={v.perCboLimit}
          />
        </div>
        <Choices
          name="language"
          type="radio"
          legend={t('language')}
          idPrefix="language"
          choices={LANGUAGES.map((language) => ({ value: language, label: words(`languages.${language}`) }))}
          checked={(value) => value === v.language}
          required
        />
        <SubmitButton pending={form.pending} label={t('submit')} busy={t('submitting')} />
      </SectionForm>
      {state.refusals && state.refusals.length > 0 && (
        <aside className={styles.refusals} aria-labelledby="refusals-title" data-refusals>
          <h2 id="refusals-title">{t('refusalsTitle')}</h2>
          <ul>
            {state.refusals.map((refusal, i) => (
              <li key={`${refusal.code}-${i}`} data-refusal={refusal.code}>
                {words(`refusals.${refusal.code}`, {
                  trainer: (refusal.trainerId && trainerNames[refusal.trainerId]) || t('theTrainer'),
                })}
                {refusal.sessionId && (
                  <>
                    {' '}
                    <a href={`/${locale}/training/sessions/${refusal.sessionId}`}>{t('otherSession')}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
          <p className="hint">{t('refusalsHint')}</p>
        </aside>
      )}
    </div>
  );
}
