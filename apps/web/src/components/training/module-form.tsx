'use client';

import { useTranslations } from 'next-intl';
import {
  saveModule,
  type ModuleFormState,
  type ModuleValues,
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

/** An admin's form for one module of the catalogue, folded until opened (or refused). */
export function ModuleForm({
  locale,
  moduleId,
  values,
  label,
}: {
  locale: string;
  moduleId: string;
  values: ModuleValues;
  label: string;
}) {
  const t = useTranslations('training.modules');
  const initial: ModuleFormState = { values, errors: {} };
  const form = useFormAction(saveModule, initial, `/${locale}/training/modules`);
  const { state } = form;
  const id = (name: string) => `${name}-${moduleId}`;
  return (
    <details open={Boolean(state.formError) || undefined}>
      <summary>{label}</summary>
      <PlainForm
        bound={form}
        errors={state.errors}
        messages="training.modules.fieldErrors"
        data-module-form={moduleId}
      >
        <FormMessage message={state.formError && t(`errors.${state.formError}`)} />
        <Hidden fields={{ locale, moduleId }} />
        <div className={styles.columns}>
          <TextField
            id={id('titleKm')}
            name="titleKm"
            label={t('titleKm')}
            defaultValue={state.values.titleKm}
            lang="km"
          />
          <TextField
            id={id('titleEn')}
            name="titleEn"
            label={t('titleEn')}
            defaultValue={state.values.titleEn}
            lang="en"
          />
        </div>
        <TextAreaField
          id={id('descriptionKm')}
          name="descriptionKm"
          label={t('descriptionKm')}
          defaultValue={state.values.descriptionKm}
          rows={3}
          lang="km"
        />
        <TextAreaField
          id={id('descriptionEn')}
          name="descriptionEn"
          label={t('descriptionEn')}
          defaultValue={state.values.descriptionEn}
          rows={3}
          lang="en"
        />
        <TextField
          id={id('durationMinutes')}
          name="durationMinutes"
          inputMode="numeric"
          label={t('duration')}
          hint={t('durationHint')}
          defaultValue={state.values.durationMinutes}
        />
        <label className={styles.check}>
          <input
            type="checkbox"
            name="requiredForGrants"
            value="on"
            defaultChecked={state.values.requiredForGrants}
          />
          {t('requiredLabel')}
        </label>
        <label className={styles.check}>
          <input type="checkbox" name="active" value="on" defaultChecked={state.values.active} />
          {t('activeLabel')}
        </label>
        <SubmitButton pending={form.pending} label={t('save')} busy={t('saving')} className="secondary" />
      </PlainForm>
    </details>
  );
}
