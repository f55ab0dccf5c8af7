'use client';

import { useTranslations } from 'next-intl';
import { HOTLINE_CHANNELS } from '@bandanh/contracts/constants';
import { logCall, type HotlineFormState } from '@/app/[locale]/(staff)/cbos/[id]/hotline/actions';
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
import type { HotlineField } from './hotline-draft';
import styles from './hotline.module.css';

interface Props {
  locale: string;
  cboId: string;
  idempotencyKey: string;
  /** When the form was opened, as a `datetime-local` value in Phnom Penh time. */
  now: string;
  /** Active partner NGOs, each labelled with its areas of expertise. */
  partners: Array<{ id: string; label: string }>;
}

/** Logs a call, a message or a visit; ticking "refer" adds the partner NGO and the reason. */
export function HotlineForm({ locale, cboId, idempotencyKey, now, partners }: Props) {
  const t = useTranslations('hotline');
  const channels = useChoices(HOTLINE_CHANNELS, 'hotline.channels');
  const issues = useFocusIssues();
  const initial: HotlineFormState = {
    key: idempotencyKey,
    values: {
      channel: 'call',
      callerName: '',
      occurredAt: now,
      issue: '',
      summary: '',
      guidance: '',
      refer: '',
      partnerId: '',
      reason: '',
    },
    errors: {},
  };
  const form = useFormAction(logCall, initial, `/${locale}/cbos/${cboId}/hotline`);
  const { state } = form;
  const value = (field: HotlineField) => state.values[field];

  return (
    <SectionForm
      form={form}
      section="hotline"
      hiddenFields={{ idempotencyKey: state.key, locale, cboId }}
      className="card"
      data-hotline-form
    >
      <Choices
        name="channel"
        legend={t('channel')}
        type="radio"
        choices={channels}
        checked={(c) => value('channel') === c}
      />
      <TextField
        name="callerName"
        label={t('callerName')}
        hint={t('callerNameHint')}
        defaultValue={value('callerName')}
        maxLength={120}
        autoComplete="off"
      />
      <TextField
        name="occurredAt"
        label={t('occurredAt')}
        hint={t('occurredAtHint')}
        type="datetime-local"
        max={`${now.slice(0, 10)}T23:59`}
        defaultValue={value('occurredAt')}
      />
      <SelectField
        name="issue"
        label={t('issue')}
        defaultValue={value('issue')}
        placeholder={t('chooseIssue')}
        choices={issues}
      />
      {(['summary', 'guidance'] as const).map((field) => (
        <TextAreaField
          key={field}
          name={field}
          label={t(field)}
          defaultValue={value(field)}
          maxLength={2000}
          rows={3}
        />
      ))}

      <fieldset className={styles.referral}>
        <legend>{t('referralTitle')}</legend>
        {partners.length === 0 ? (
          <p className="muted">{t('noPartners')}</p>
        ) : (
          <>
            <label className={styles.refer}>
              <input type="checkbox" name="refer" value="on" defaultChecked={value('refer') === 'on'} />
              {t('refer')}
            </label>
            <div className={styles.referralFields}>
              <SelectField
                name="partnerId"
                label={t('partner')}
                defaultValue={value('partnerId')}
                placeholder={t('choosePartner')}
                choices={partners.map((partner) => ({ value: partner.id, label: partner.label }))}
              />
              <TextAreaField
                name="reason"
                label={t('reason')}
                hint={t('reasonHint')}
                defaultValue={value('reason')}
                maxLength={1000}
                rows={2}
              />
            </div>
          </>
        )}
      </fieldset>

      <SubmitButton pending={form.pending} label={t('submit')} busy={t('saving')} />
    </SectionForm>
  );
}
