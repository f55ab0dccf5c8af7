'use client';

import { useTranslations } from 'next-intl';
import {
  createModule,
  type NewModuleFormState,
  type NewModuleValues,
} from '@/app/[locale]/(staff)/training/modules/actions';
import {
  FormMessage,
  Hidden,
  PlainForm,
  SubmitButton,
  TextAreaField,
  TextField,
} from '@/components/form-parts';
import { useFormAction } from '@/components/use-form-action';
import styles from './training.module.css';

const EMPTY: NewModuleValues = {
  id: '',
  titleKm: '',
  titleEn: '',
  descriptionKm: '',
  descriptionEn: '',
  durationMinutes: '',
  requiredForGrants: false,
  active: true,
};

/** An admin's form for a new module of the catalogue: its id (a slug, kept for good) and its facts. */
export function NewModuleForm({ locale, idempotencyKey }: { locale: string; idempotencyKey: string }) {
  const t = useTranslations('training.modules');
  const initial: NewModuleFormState = { key: idempotencyKey, values: EMPTY, errors: {} };
  const form = useFormAction(createModule, initial, `/${locale}/training/modules`);
  const { state } = form;
  const v = state.values;
  return (
    <PlainForm
      bound={form}
      errors={state.errors}
      messages="training.modules.fieldErrors"
      data-new-module-form
    >
      <FormMessage message={state.formError && t(`errors.${state.formError}`)} />
      <Hidden fields={{ locale, idempotencyKey: state.key }} />
      <TextField
        id="new-id"
        name="id"
        label={t('newId')}
        hint={t('newIdHint')}
        defaultValue={v.id}
        lang="en"
        autoCapitalize="none"
        spellCheck={false}
      />
      <div className={styles.columns}>
        <TextField id="new-titleKm" name="titleKm" label={t('titleKm')} defaultValue={v.titleKm} lang="km" />
        <TextField id="new-titleEn" name="titleEn" label={t('titleEn')} defaultValue={v.titleEn} lang="en" />
      </div>
      <TextAreaField
        id="new-descriptionKm"
        name="descriptionKm"
        label={t('descriptionKm')}
        defaultValue={v.descriptionKm}
        rows={3}
        lang="km"
      />
      <TextAreaField
        id="new-descriptionEn"
        name="descriptionEn"
        label={t('descriptionEn')}
        defaultValue={v.descriptionEn}
        rows={3}
        lang="en"
      />
      <TextField
        id="new-durationMinutes"
        name="durationMinutes"
        inputMode="numeric"
        label={t('duration')}
        hint={t('durationHint')}
        defaultValue={v.durationMinutes}
      />
      <label className={styles.check}>
        <input type="checkbox" name="requiredForGrants" value="on" defaultChecked={v.requiredForGrants} />
        {t('requiredLabel')}
      </label>
      <SubmitButton pending={form.pending} label={t('add')} busy={t('saving')} />
    </PlainForm>
  );
}
