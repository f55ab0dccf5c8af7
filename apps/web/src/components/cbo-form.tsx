'use client';

import { useTranslations } from 'next-intl';
import { useLocalFormat } from '@/i18n/use-local-format';
import { CBO_PURPOSES, DISCOVERY_CHANNELS } from '@bandanh/contracts/constants';
import {
  linkToVisit,
  recordCbo,
  type CboFormState,
  type VisitLinkState,
} from '@/app/[locale]/(staff)/cbos/new/actions';
import { Link } from '@/i18n/navigation';
import { CONTACT_ROWS, type CboField } from '@/lib/form-errors';
import styles from './cbo-form.module.css';
import { ContactFields } from './contact-fields';
import { useFocusIssues } from './focus-issues';
import {
  Choices,
  FormMessage,
  Hidden,
  PlainForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useChoices,
  type Choice,
} from './form-parts';
import { useFormAction } from './use-form-action';

interface Props {
  locale: string;
  idempotencyKey: string;
  provinces: Choice[];
  /** Which provinces the network has opened, said under the province (none when the plan cannot be read). */
  provinceHint?: string;
  /** Recent field visits to link the CBO to; undefined when they cannot be listed. */
  visits?: Choice[];
  /** Today in Cambodia (YYYY-MM-DD), the default date it was found. */
  today: string;
  /** A visit named in the page's address, chosen in advance. */
  fieldVisitId?: string;
}

const FORM_ID = 'cbo-form';
const VISIT_LINK_FORM_ID = 'visit-link-form';

/**
 * Records a candidate CBO with everything the programme needs to know of it. A plain form: it
 * works before (or without) JavaScript, and keeps what was typed on an error.
 */
export function CboForm({
  locale,
  idempotencyKey,
  provinces,
  provinceHint,
  visits,
  today,
  fieldVisitId,
}: Props) {
  const t = useTranslations();
  const format = useLocalFormat();
  const initial: CboFormState = {
    idempotencyKey,
    values: {
      text: {
        purpose: 'human_rights',
        foundOn: today,
        fieldVisitId,
        foundVia: fieldVisitId ? 'field_visit' : '',
      },
      focusIssues: [],
      publishContacts: false,
    },
    fieldErrors: {},
  };
  const permalink = `/${locale}/cbos/new${fieldVisitId ? `?fieldVisitId=${fieldVisitId}` : ''}`;
  const form = useFormAction(recordCbo, initial, permalink);
  const { state } = form;
  const purposes = useChoices(CBO_PURPOSES, 'form.purposes');
  const channels = useChoices(DISCOVERY_CHANNELS, 'foundVia');
  const focusIssues = useFocusIssues();
  const visitLink = useFormAction<VisitLinkState>(linkToVisit, {}, permalink);
  const { values, fieldErrors, duplicates } = state;
  const hasErrors = Object.keys(fieldErrors).length > 0;
  const formError = visitLink.state.formError ?? state.formError;

  const value = (field: CboField) => values.text[field] ?? '';
  const visitId = values.text.fieldVisitId;

  return (
    <>
      <PlainForm
        bound={form}
        errors={fieldErrors}
        messages="form.errors"
        id={FORM_ID}
        className="card"
        requiredText={t('form.required')}
        aria-describedby={hasErrors ? 'form-error' : undefined}
      >
        {(hasErrors || formError) && (
          <FormMessage
            id="form-error"
            message={t(`form.errors.${formError && !hasErrors ? formError : 'summary'}`)}
          />
        )}
        <Hidden fields={{ idempotencyKey: state.idempotencyKey, locale }} />

        <TextField
          name="name"
          label={t('form.name')}
          hint={t('form.nameHint')}
          defaultValue={value('name')}
          maxLength={200}
          autoComplete="off"
          required
        />
        <TextField
          name="nameKm"
          label={t('form.nameKm')}
          hint={t('form.nameKmHint')}
          defaultValue={value('nameKm')}
          maxLength={200}
          autoComplete="off"
          lang="km"
        />

        <fieldset className={styles.group}>
          <legend>{t('form.where')}</legend>
          <SelectField
            name="provinceCode"
            label={t('form.province')}
            defaultValue={value('provinceCode')}
            placeholder={t('form.chooseProvince')}
            choices={provinces}
            hint={provinceHint}
            required
          />
          <div className={styles.columns}>
            {(['district', 'commune', 'village'] as const).map((place) => (
              <TextField
                key={place}
                name={place}
                label={t(`form.${place}`)}
                defaultValue={value(place)}
                maxLength={120}
              />
            ))}
          </div>
        </fieldset>

        <Choices
          name="focusIssues"
          legend={t('form.focusIssues')}
          choices={focusIssues}
          checked={(issue) => values.focusIssues.includes(issue)}
          required
        />

        <Choices
          name="purpose"
          legend={t('form.purpose')}
          hint={t('form.purposeHint')}
          hintClassName={`hint ${styles.wide}`}
          type="radio"
          choices={purposes}
          checked={(p) => value('purpose') === p}
        />

        <TextField
          name="membersCount"
          label={t('form.membersCount')}
          hint={t('form.membersCountHint')}
          defaultValue={value('membersCount')}
          type="number"
          inputMode="numeric"
          min={1}
          max={100000}
        />

        <fieldset className={styles.group} aria-describedby="contacts-hint">
          <legend>{t('form.contacts')}</legend>
          <p className="hint" id="contacts-hint">
            {t('form.contactsHint')}
          </p>
          {Array.from({ length: CONTACT_ROWS }, (_, row) => (
            <div key={row} className={styles.contact} data-contact-row={row}>
              <span className={styles.rowLabel}>{t('form.contact', { number: format.number(row + 1) })}</span>
              <div className={styles.columns}>
                <ContactFields
                  row={row}
                  labels={{
                    name: t('form.contactName'),
                    phone: t('form.contactPhone'),
                    role: t('form.contactRole'),
                  }}
                  valueOf={(part) => value(`contacts.${row}.${part}`)}
                />
              </div>
            </div>
          ))}
          <label className={styles.consent}>
            <input type="checkbox" name="publishContacts" defaultChecked={values.publishContacts} />
            {t('form.publishContacts')}
          </label>
        </fieldset>

        <TextAreaField
          name="about"
          label={t('form.about')}
          hint={t('form.aboutHint')}
          defaultValue={value('about')}
          maxLength={2000}
          rows={3}
        />

        <fieldset className={styles.group}>
          <legend>{t('form.finding')}</legend>
          <SelectField
            name="foundVia"
            label={t('form.foundVia')}
            defaultValue={value('foundVia')}
            placeholder=""
            choices={channels}
            required
          />
          <TextField
            name="foundOn"
            label={t('form.foundOn')}
            defaultValue={value('foundOn')}
            type="date"
            max={today}
          />
          {visits ? (
            <SelectField
              name="fieldVisitId"
              label={t('form.fieldVisit')}
              hint={t('form.fieldVisitHint')}
              defaultValue={value('fieldVisitId')}
              placeholder={t('form.noFieldVisit')}
              choices={visits}
            />
          ) : (
            visitId && <input type="hidden" name="fieldVisitId" value={visitId} />
          )}
        </fieldset>

        {duplicates && duplicates.length > 0 && (
          <section className={styles.duplicates} role="alert" data-duplicates>
            <h2>{t('form.duplicates.title')}</h2>
            <p>{t('form.duplicates.intro')}</p>
            <ul>
              {duplicates.map((duplicate) => {
                const province = provinces.find((p) => p.value === duplicate.provinceCode)?.label;
                return (
                  <li key={duplicate.id} data-duplicate-id={duplicate.id}>
                    <Link href={`/cbos/${duplicate.id}`}>
                      {duplicate.nameKm && <span lang="km">{duplicate.nameKm} · </span>}
                      {duplicate.name}
                    </Link>
                    <span className="muted">
                      {' '}
                      {[province, duplicate.commune].filter(Boolean).join(', ')} ·{' '}
                      {t(`stages.${duplicate.stage ?? 'starting'}`)}
                    </span>
                    {visitId && (
                      <button
                        type="submit"
                        className="secondary"
                        form={VISIT_LINK_FORM_ID}
                        name="cboId"
                        value={duplicate.id}
                        disabled={visitLink.pending}
                      >
                        {t('form.duplicates.linkToVisit')}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
            <label className={styles.consent}>
              <input type="checkbox" name="acknowledgeDuplicates" data-acknowledge-duplicates />
              {t('form.duplicates.acknowledge')}
            </label>
          </section>
        )}

        <SubmitButton pending={form.pending} label={t('form.submit')} busy={t('form.submitting')} />
      </PlainForm>
      {visitId && duplicates && duplicates.length > 0 && (
        // The buttons above submit this form (by its id), so pressing Enter in a field still records.
        <form id={VISIT_LINK_FORM_ID} action={visitLink.formAction} onSubmit={visitLink.onSubmit} hidden>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="visitId" value={visitId} />
        </form>
      )}
    </>
  );
}
