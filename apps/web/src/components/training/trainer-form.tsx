'use client';

import { useTranslations } from 'next-intl';
import {
  saveTrainer,
  type TrainerFormState,
  type TrainerValues,
} from '@/app/[locale]/(staff)/training/trainers/actions';
import {
  Choices,
  FormMessage,
  GroupError,
  Hidden,
  PlainForm,
  SubmitButton,
  type Choice,
} from '@/components/form-parts';
import { useFormAction } from '@/components/use-form-action';
import styles from './training.module.css';

/**
 * A trainer's profile as a keeper of trainers keeps it: the modules they may teach and the
 * provinces they travel to (checkboxes, in the reader's language), and whether they are active.
 */
export function TrainerForm({
  locale,
  userId,
  values,
  modules,
  provinces,
}: {
  locale: string;
  userId: string;
  values: TrainerValues;
  modules: Choice[];
  provinces: Choice[];
}) {
  const t = useTranslations('training.trainers');
  const initial: TrainerFormState = { values, errors: {} };
  const form = useFormAction(saveTrainer, initial, `/${locale}/training/trainers/${userId}`);
  const { state } = form;
  return (
    <PlainForm bound={form} errors={state.errors} messages="training.trainers.fieldErrors" data-trainer-form>
      <FormMessage message={state.formError && t(`errors.${state.formError}`)} />
      <Hidden fields={{ locale, userId }} />
      <GroupError name="availability" className="notice error" />
      <Choices
        name="moduleIds"
        legend={t('modules')}
        idPrefix="module"
        choices={modules}
        checked={(value) => state.values.moduleIds.includes(value)}
      />
      <Choices
        name="provinceCodes"
        legend={t('provinces')}
        idPrefix="province"
        className={`checks ${styles.provinceChecks}`}
        choices={provinces}
        checked={(value) => state.values.provinceCodes.includes(value)}
      />
      <label className={styles.check}>
        <input type="checkbox" name="active" value="on" defaultChecked={state.values.active} />
        {t('activeLabel')}
      </label>
      <SubmitButton pending={form.pending} label={t('save')} busy={t('saving')} />
    </PlainForm>
  );
}
