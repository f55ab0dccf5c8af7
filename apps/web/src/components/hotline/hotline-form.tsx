'use client';

import { useTranslations } from 'next-intl';
import { FOCUS_ISSUES, HOTLINE_CHANNELS } from '@bandanh/contracts';
import { logCall, type HotlineFormState } from '@/app/[locale]/(staff)/cbos/[id]/hotline/actions';
import { Choices, Field, FormMessage } from '@/components/programme-settings/field';
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
  const catalog = useTranslations();
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
  const { state, formAction, pending, onSubmit } = useFormAction(
    logCall,
    initial,
    `/${locale}/cbos/${cboId}/hotline`,
  );
  const error = (field: HotlineField) =>
    state.errors[field] ? t(`fieldErrors.${state.errors[field]}`) : undefined;
  const value = (field: HotlineField) => state.values[field];

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="card" data-hotline-form>
      <FormMessage message={state.formError && t(`errors.${state.formError}`)} />
      <input type="hidden" name="idempotencyKey" value={state.key} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="cboId" value={cboId} />

      <Choices id="channel" legend={t('channel')} error={error('channel')}>
        {HOTLINE_CHANNELS.map((channel) => (
          <label key={channel}>
            <input
              type="radio"
              name="channel"
              value={channel}
              defaultChecked={value('channel') === channel}
            />
            {t(`channels.${channel}`)}
          </label>
        ))}
      </Choices>
      <Field id="callerName" label={t('callerName')} hint={t('callerNameHint')} error={error('callerName')}>
        {(wiring) => (
          <input
            {...wiring}
            name="callerName"
            defaultValue={value('callerName')}
            maxLength={120}
            autoComplete="off"
          />
        )}
      </Field>
      <Field id="occurredAt" label={t('occurredAt')} hint={t('occurredAtHint')} error={error('occurredAt')}>
        {(wiring) => (
          <input {...wiring} type="datetime-local" name="occurredAt" defaultValue={value('occurredAt')} />
        )}
      </Field>
      <Field id="issue" label={t('issue')} error={error('issue')}>
        {(wiring) => (
          <select {...wiring} name="issue" defaultValue={value('issue')}>
            <option value="">{t('chooseIssue')}</option>
            {FOCUS_ISSUES.map((issue) => (
              <option key={issue} value={issue}>
                {catalog(`focusIssues.${issue}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="summary" label={t('summary')} error={error('summary')}>
        {(wiring) => (
          <textarea {...wiring} name="summary" defaultValue={value('summary')} maxLength={2000} rows={3} />
        )}
      </Field>
      <Field id="guidance" label={t('guidance')} error={error('guidance')}>
        {(wiring) => (
          <textarea {...wiring} name="guidance" defaultValue={value('guidance')} maxLength={2000} rows={3} />
        )}
      </Field>

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
              <Field id="partnerId" label={t('partner')} error={error('partnerId')}>
                {(wiring) => (
                  <select {...wiring} name="partnerId" defaultValue={value('partnerId')}>
                    <option value="">{t('choosePartner')}</option>
                    {partners.map((partner) => (
                      <option key={partner.id} value={partner.id}>
                        {partner.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id="reason" label={t('reason')} hint={t('reasonHint')} error={error('reason')}>
                {(wiring) => (
                  <textarea
                    {...wiring}
                    name="reason"
                    defaultValue={value('reason')}
                    maxLength={1000}
                    rows={2}
                  />
                )}
              </Field>
            </div>
          </>
        )}
      </fieldset>

      <button className="primary" type="submit" disabled={pending}>
        {pending ? t('saving') : t('submit')}
      </button>
    </form>
  );
}
