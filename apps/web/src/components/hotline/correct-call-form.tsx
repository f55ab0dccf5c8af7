'use client';

import { useTranslations } from 'next-intl';
import { HOTLINE_CHANNELS } from '@bandanh/contracts/constants';
import { correctCall, type CorrectionFormState } from '@/app/[locale]/(staff)/cbos/[id]/hotline/actions';
import {
  Choices,
  SectionForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useChoices,
} from '@/components/form-parts';
import { useFocusIssues } from '@/components/focus-issues';
import { useFormAction } from '@/components/use-form-action';
import type { CorrectionField, CorrectionValues } from './hotline-draft';
import styles from './hotline.module.css';

interface Props {
  locale: string;
  cboId: string;
  callId: string;
  /** The call as logged, as the form shows it (its time in Phnom Penh). */
  values: CorrectionValues;
  /** Today's last minute in Phnom Penh, as a `datetime-local` value: no later date is taken. */
  max: string;
}

/** Corrects one call's facts, with a note saying why; the referral made on it stays as it is. */
export function CorrectCallForm({ locale, cboId, callId, values, max }: Props) {
  const t = useTranslations('hotline');
  const channels = useChoices(HOTLINE_CHANNELS, 'hotline.channels');
  const issues = useFocusIssues();
  const initial: CorrectionFormState = { key: '', values, errors: {} };
  const form = useFormAction(correctCall, initial, `/${locale}/cbos/${cboId}/hotline`);
  const value = (field: CorrectionField) => form.state.values[field];
  const id = (field: string) => `${field}-${callId}`;

  return (
    <SectionForm
      form={form}
      section="hotline"
      hiddenFields={{ locale, cboId, callId }}
      className={styles.correction}
      data-correct-form={callId}
    >
      <Choices
        name="channel"
        id={id('channel')}
        legend={t('channel')}
        type="radio"
        choices={channels}
        checked={(c) => value('channel') === c}
      />
      <TextField
        name="callerName"
        id={id('callerName')}
        label={t('callerName')}
        defaultValue={value('callerName')}
        maxLength={120}
        autoComplete="off"
      />
      <TextField
        name="occurredAt"
        id={id('occurredAt')}
        label={t('occurredAt')}
        hint={t('occurredAtHint')}
        type="datetime-local"
        max={max}
        defaultValue={value('occurredAt')}
      />
      <SelectField
        name="issue"
        id={id('issue')}
        label={t('issue')}
        defaultValue={value('issue')}
        choices={issues}
      />
      {(['summary', 'guidance'] as const).map((field) => (
        <TextAreaField
          key={field}
          name={field}
          id={id(field)}
          label={t(field)}
          defaultValue={value(field)}
          maxLength={2000}
          rows={3}
        />
      ))}
      <TextField
        name="note"
        id={id('note')}
        label={t('correctionNote')}
        hint={t('correctionNoteHint')}
        defaultValue={value('note')}
        maxLength={500}
      />
      <SubmitButton pending={form.pending} label={t('correctSubmit')} busy={t('saving')} />
    </SectionForm>
  );
}
