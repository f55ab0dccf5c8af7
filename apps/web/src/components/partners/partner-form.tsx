'use client';

import { useTranslations } from 'next-intl';
import { FOCUS_ISSUES } from '@bandanh/contracts';
import { savePartner, type PartnerFormState } from '@/app/[locale]/(staff)/partners/actions';
import { Choices, Field, FormMessage } from '@/components/programme-settings/field';
import { useFormAction } from '@/components/use-form-action';
import type { PartnerValues } from './partner-draft';
import styles from './partners.module.css';

interface Props {
  locale: string;
  /** For a new partner: the key that makes the form add it once. */
  idempotencyKey?: string;
  /** For a partner already listed: its id, and its details to start from. */
  partnerId?: string;
  values: PartnerValues;
  /** The summary of the fold the edit form sits in, closed until opened or refused. */
  editLabel?: string;
}

/** A partner NGO's details: one form to add a partner, and one per partner to change it. */
export function PartnerForm({ locale, idempotencyKey = '', partnerId, values, editLabel }: Props) {
  const t = useTranslations('partners');
  const catalog = useTranslations();
  const initial: PartnerFormState = { key: idempotencyKey, values, errors: {} };
  const { state, formAction, pending, onSubmit } = useFormAction(savePartner, initial, `/${locale}/partners`);
  const prefix = partnerId ?? 'new';
  const id = (name: string) => `${name}-${prefix}`;
  const error = (field: string) =>
    state.errors[field] ? t(`fieldErrors.${state.errors[field]}`) : undefined;
  const refused = Boolean(state.formError);

  const form = (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className={partnerId ? styles.editForm : 'card'}
      data-partner-form={prefix}
    >
      <FormMessage message={state.formError && t(`errors.${state.formError}`)} />
      <input type="hidden" name="locale" value={locale} />
      {partnerId ? (
        <input type="hidden" name="partnerId" value={partnerId} />
      ) : (
        <input type="hidden" name="idempotencyKey" value={state.key} />
      )}
      <Field id={id('name')} label={t('name')} error={error('name')}>
        {(wiring) => (
          <input
            {...wiring}
            name="name"
            defaultValue={state.values.name}
            maxLength={200}
            autoComplete="off"
          />
        )}
      </Field>
      <Choices id={id('expertise')} legend={t('expertise')} error={error('expertise')}>
        {FOCUS_ISSUES.map((issue) => (
          <label key={issue}>
            <input
              type="checkbox"
              name="expertise"
              value={issue}
              defaultChecked={state.values.expertise.includes(issue)}
            />
            {catalog(`focusIssues.${issue}`)}
          </label>
        ))}
      </Choices>
      <Field
        id={id('description')}
        label={t('description')}
        hint={t('descriptionHint')}
        error={error('description')}
      >
        {(wiring) => (
          <textarea
            {...wiring}
            name="description"
            defaultValue={state.values.description}
            maxLength={1000}
            rows={2}
          />
        )}
      </Field>
      <div className={styles.contact}>
        <Field id={id('contactName')} label={t('contactName')} error={error('contactName')}>
          {(wiring) => (
            <input {...wiring} name="contactName" defaultValue={state.values.contactName} maxLength={120} />
          )}
        </Field>
        <Field id={id('phone')} label={t('phone')} error={error('phone')}>
          {(wiring) => (
            <input {...wiring} type="tel" name="phone" defaultValue={state.values.phone} maxLength={40} />
          )}
        </Field>
        <Field id={id('email')} label={t('email')} error={error('email')}>
          {(wiring) => <input {...wiring} type="email" name="email" defaultValue={state.values.email} />}
        </Field>
      </div>
      {partnerId && (
        <label className={styles.active}>
          <input type="checkbox" name="active" value="on" defaultChecked={state.values.active} />
          {t('activeLabel')}
        </label>
      )}
      <button className={partnerId ? 'secondary' : 'primary'} type="submit" disabled={pending}>
        {pending ? t('saving') : t(partnerId ? 'save' : 'add')}
      </button>
    </form>
  );

  if (!editLabel) return form;
  return (
    <details className={styles.edit} open={refused || undefined}>
      <summary>{editLabel}</summary>
      {form}
    </details>
  );
}
