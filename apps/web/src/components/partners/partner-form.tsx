'use client';

import { useTranslations } from 'next-intl';
import { savePartner, type PartnerFormState } from '@/app/[locale]/(staff)/partners/actions';
import { SectionForm, SubmitButton, TextAreaField, TextField } from '@/components/form-parts';
import { FocusIssueChoices } from '@/components/focus-issues';
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
  const initial: PartnerFormState = { key: idempotencyKey, values, errors: {} };
  const form = useFormAction(savePartner, initial, `/${locale}/partners`);
  const { state } = form;
  const prefix = partnerId ?? 'new';
  const id = (name: string) => `${name}-${prefix}`;

  const fields = (
    <SectionForm
      form={form}
      section="partners"
      hiddenFields={partnerId ? { locale, partnerId } : { locale, idempotencyKey: state.key }}
      className={partnerId ? styles.editForm : 'card'}
      data-partner-form={prefix}
    >
      <TextField
        id={id('name')}
        name="name"
        label={t('name')}
        defaultValue={state.values.name}
        maxLength={200}
        autoComplete="off"
      />
      <FocusIssueChoices
        name="expertise"
        id={id('expertise')}
        legend={t('expertise')}
        checked={state.values.expertise}
      />
      <TextAreaField
        id={id('description')}
        name="description"
        label={t('description')}
        hint={t('descriptionHint')}
        defaultValue={state.values.description}
        maxLength={1000}
        rows={2}
      />
      <div className={styles.contact}>
        <TextField
          id={id('contactName')}
          name="contactName"
          label={t('contactName')}
          defaultValue={state.values.contactName}
          maxLength={120}
        />
        <TextField
          id={id('phone')}
          name="phone"
          label={t('phone')}
          type="tel"
          defaultValue={state.values.phone}
          maxLength={40}
        />
        <TextField
          id={id('email')}
          name="email"
          label={t('email')}
          type="email"
          defaultValue={state.values.email}
        />
      </div>
      {partnerId && (
        <label className={styles.active}>
          <input type="checkbox" name="active" value="on" defaultChecked={state.values.active} />
          {t('activeLabel')}
        </label>
      )}
      <SubmitButton
        pending={form.pending}
        label={t(partnerId ? 'save' : 'add')}
        busy={t('saving')}
        className={partnerId ? 'secondary' : 'primary'}
      />
    </SectionForm>
  );

  if (!editLabel) return fields;
  return (
    <details className={styles.edit} open={Boolean(state.formError) || undefined}>
      <summary>{editLabel}</summary>
      {fields}
    </details>
  );
}
