'use client';

import { applyToNetwork, type ApplyState } from '@/app/[locale]/apply/actions';
import { ContactFields } from '@/components/contact-fields';
import {
  Choices,
  ErrorText,
  FormMessage,
  Hidden,
  PlainForm,
  RequiredMark,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from '@/components/form-fields';
import { useFormAction } from '@/components/use-form-action';
import type { ApplyText } from './apply-text';
import { CONTACT_ROWS, EMPTY_VALUES } from './values';
import styles from './apply.module.css';

interface Props {
  locale: string;
  idempotencyKey: string;
  /** The provinces open to applications, named in the reader's language. */
  provinces: Array<{ code: string; name: string }>;
  /** What the form says, translated on the server (`applyText`). */
  text: ApplyText;
}

/**
 * A group's application to join the network. A plain form: it works before (or without)
 * JavaScript, offers three contact rows instead of an "add" button, and keeps what was typed
 * when something is refused. Its words come from the server, so it sends no translation code.
 */
export function ApplyForm({ locale, idempotencyKey, provinces, text: t }: Props) {
  const initial: ApplyState = { idempotencyKey, values: EMPTY_VALUES, fieldErrors: {} };
  const form = useFormAction(applyToNetwork, initial, `/${locale}/apply`);
  const { state, pending } = form;
  const { values, fieldErrors: errors } = state;

  return (
    <PlainForm
      bound={form}
      errors={errors}
      errorText={t.errors}
      requiredText={t.required}
      className="card"
      data-apply-form
    >
      <FormMessage
        id="form-error"
        message={state.formErrorText ?? (state.formError && t.errors[state.formError])}
      />
      <Hidden fields={{ idempotencyKey: state.idempotencyKey, locale }} />

      <h2 className={styles.section}>{t.groupTitle}</h2>
      <TextField
        name="nameKm"
        label={t.nameKm}
        hint={t.nameKmHint}
        defaultValue={values.nameKm}
        maxLength={200}
        autoComplete="off"
        lang="km"
      />
      <TextField
        name="name"
        label={t.name}
        hint={t.nameHint}
        defaultValue={values.name}
        maxLength={200}
        autoComplete="off"
        required
      />
      <Choices
        name="purpose"
        legend={t.purpose}
        hint={t.purposeHint}
        hintClassName={styles.note}
        className={`checks ${styles.stack}`}
        type="radio"
        choices={t.purposes}
        checked={(p) => values.purpose === p}
        required
      />
      <Choices
        name="focusIssues"
        legend={t.focusIssues}
        choices={t.issues}
        checked={(issue) => values.focusIssues.includes(issue)}
        required
      />
      <TextField
        name="membersCount"
        label={t.membersCount}
        defaultValue={values.membersCount}
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={6}
        className={styles.short}
      />
      <TextAreaField
        name="about"
        label={t.about}
        hint={t.aboutHint}
        defaultValue={values.about}
        maxLength={2000}
        rows={4}
      />

      <h2 className={styles.section}>{t.placeTitle}</h2>
      <SelectField
        name="provinceCode"
        label={t.province}
        hint={t.provinceHint}
        defaultValue={values.provinceCode}
        placeholder={t.chooseProvince}
        choices={provinces.map((province) => ({ value: province.code, label: province.name }))}
        required
      />
      {(['district', 'commune', 'village'] as const).map((place) => (
        <TextField key={place} name={place} label={t[place]} defaultValue={values[place]} maxLength={120} />
      ))}

      <h2 className={styles.section}>
        {t.contactsTitle}
        <RequiredMark spoken />
      </h2>
      <p className="muted" id="contacts-hint">
        {t.contactsHint}
      </p>
      <ErrorText name="contacts" className={styles.groupError} />
      {Array.from({ length: CONTACT_ROWS }, (_, row) => (
        <fieldset
          key={row}
          className={styles.contact}
          aria-describedby={errors.contacts ? 'contacts-error' : undefined}
        >
          <legend>{t.contacts[row]}</legend>
          <ContactFields
            row={row}
            labels={{ name: t.contactName, phone: t.contactPhone, role: t.contactRole }}
            valueOf={(part) => values.contacts[row][part]}
          />
        </fieldset>
      ))}
      <TextField
        name="email"
        type="email"
        label={t.email}
        hint={t.emailHint}
        defaultValue={values.email}
        maxLength={254}
        autoComplete="email"
        inputMode="email"
      />
      <label className={styles.consent}>
        <input type="checkbox" name="publishContacts" value="yes" defaultChecked={values.publishContacts} />
        <span>{t.publishContacts}</span>
      </label>

      <SubmitButton pending={pending} label={t.submit} busy={t.submitting} />
    </PlainForm>
  );
}
