'use client';

import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { CBO_PURPOSES, DISCOVERY_CHANNELS, FOCUS_ISSUES } from '@bandanh/contracts';
import {
  linkToVisit,
  recordCbo,
  type CboFormState,
  type VisitLinkState,
} from '@/app/[locale]/(staff)/cbos/new/actions';
import { Link } from '@/i18n/navigation';
import { CONTACT_ROWS, type CboField } from '@/lib/form-errors';
import styles from './cbo-form.module.css';
import { useFormAction } from './use-form-action';

interface Choice {
  value: string;
  label: string;
}

interface Props {
  locale: string;
  idempotencyKey: string;
  provinces: Choice[];
  /** Recent field visits to link the CBO to; undefined when they cannot be listed. */
  visits?: Choice[];
  /** Today in Cambodia (YYYY-MM-DD), the default date it was found. */
  today: string;
  /** A visit named in the page's address, chosen in advance. */
  fieldVisitId?: string;
}

const FORM_ID = 'cbo-form';
const VISIT_LINK_FORM_ID = 'visit-link-form';

/** The id of a field's control: a contact row's part reads `contacts-0-phone`, without dots for CSS. */
const idOf = (field: CboField) => field.replaceAll('.', '-');

/**
 * Records a candidate CBO with everything the programme needs to know of it. A plain form: it
 * works before (or without) JavaScript, and keeps what was typed on an error.
 */
export function CboForm({ locale, idempotencyKey, provinces, visits, today, fieldVisitId }: Props) {
  const t = useTranslations();
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
  const { state, formAction, pending, onSubmit } = useFormAction(recordCbo, initial, permalink);
  const visitLink = useFormAction<VisitLinkState>(linkToVisit, {}, permalink);
  const { values, fieldErrors, duplicates } = state;
  const hasErrors = Object.keys(fieldErrors).length > 0;
  const formError = visitLink.state.formError ?? state.formError;

  const errorOf = (field: CboField) => fieldErrors[field];
  const errorText = (field: CboField) =>
    errorOf(field) ? (
      <span className="error" id={`${idOf(field)}-error`}>
        {t(`form.errors.${errorOf(field)}`)}
      </span>
    ) : null;
  const bind = (field: CboField, hint?: boolean) => ({
    id: idOf(field),
    name: field,
    defaultValue: values.text[field] ?? '',
    'aria-invalid': Boolean(errorOf(field)),
    'aria-describedby':
      [hint ? `${idOf(field)}-hint` : undefined, errorOf(field) ? `${idOf(field)}-error` : undefined]
        .filter(Boolean)
        .join(' ') || undefined,
  });
  const field = (name: CboField, label: string, control: ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={idOf(name)}>{label}</label>
      {control}
      {hint && (
        <span className="hint" id={`${idOf(name)}-hint`}>
          {hint}
        </span>
      )}
      {errorText(name)}
    </div>
  );
  const options = (choices: Choice[]) =>
    choices.map((choice) => (
      <option key={choice.value} value={choice.value}>
        {choice.label}
      </option>
    ));
  const visitId = values.text.fieldVisitId;

  return (
    <>
      <form
        id={FORM_ID}
        action={formAction}
        onSubmit={onSubmit}
        noValidate
        className="card"
        aria-describedby={hasErrors ? 'form-error' : undefined}
      >
        {(hasErrors || formError) && (
          <p className="notice error" id="form-error" role="alert">
            {t(`form.errors.${formError && !hasErrors ? formError : 'summary'}`)}
          </p>
        )}
        <input type="hidden" name="idempotencyKey" value={state.idempotencyKey} />
        <input type="hidden" name="locale" value={locale} />

        {field(
          'name',
          t('form.name'),
          <input {...bind('name', true)} maxLength={200} autoComplete="off" />,
          t('form.nameHint'),
        )}
        {field(
          'nameKm',
          t('form.nameKm'),
          <input {...bind('nameKm', true)} maxLength={200} autoComplete="off" lang="km" />,
          t('form.nameKmHint'),
        )}

        <fieldset className={styles.group}>
          <legend>{t('form.where')}</legend>
          {field(
            'provinceCode',
            t('form.province'),
            <select {...bind('provinceCode')}>
              {options([{ value: '', label: t('form.chooseProvince') }, ...provinces])}
            </select>,
          )}
          <div className={styles.columns}>
            {field('district', t('form.district'), <input {...bind('district')} maxLength={120} />)}
            {field('commune', t('form.commune'), <input {...bind('commune')} maxLength={120} />)}
            {field('village', t('form.village'), <input {...bind('village')} maxLength={120} />)}
          </div>
        </fieldset>

        <fieldset
          className="checks"
          aria-invalid={Boolean(errorOf('focusIssues'))}
          aria-describedby={errorOf('focusIssues') ? 'focusIssues-error' : undefined}
        >
          <legend>{t('form.focusIssues')}</legend>
          {FOCUS_ISSUES.map((issue) => (
            <label key={issue}>
              <input
                type="checkbox"
                name="focusIssues"
                value={issue}
                defaultChecked={values.focusIssues.includes(issue)}
              />
              {t(`focusIssues.${issue}`)}
            </label>
          ))}
          {errorText('focusIssues')}
        </fieldset>

        <fieldset className="checks" aria-describedby="purpose-hint">
          <legend>{t('form.purpose')}</legend>
          {CBO_PURPOSES.map((purpose) => (
            <label key={purpose}>
              <input
                type="radio"
                name="purpose"
                value={purpose}
                defaultChecked={values.text.purpose === purpose}
              />
              {t(`form.purposes.${purpose}`)}
            </label>
          ))}
          <span className={`hint ${styles.wide}`} id="purpose-hint">
            {t('form.purposeHint')}
          </span>
          {errorText('purpose')}
        </fieldset>

        {field(
          'membersCount',
          t('form.membersCount'),
          <input {...bind('membersCount', true)} type="number" inputMode="numeric" min={1} max={100000} />,
          t('form.membersCountHint'),
        )}

        <fieldset className={styles.group} aria-describedby="contacts-hint">
          <legend>{t('form.contacts')}</legend>
          <p className="hint" id="contacts-hint">
            {t('form.contactsHint')}
          </p>
          {Array.from({ length: CONTACT_ROWS }, (_, row) => (
            <div key={row} className={styles.contact} data-contact-row={row}>
              <span className={styles.rowLabel}>{t('form.contact', { number: row + 1 })}</span>
              <div className={styles.columns}>
                {field(
                  `contacts.${row}.name`,
                  t('form.contactName'),
                  <input {...bind(`contacts.${row}.name`)} maxLength={120} autoComplete="off" />,
                )}
                {field(
                  `contacts.${row}.phone`,
                  t('form.contactPhone'),
                  <input {...bind(`contacts.${row}.phone`)} type="tel" maxLength={20} autoComplete="off" />,
                )}
                {field(
                  `contacts.${row}.role`,
                  t('form.contactRole'),
                  <input {...bind(`contacts.${row}.role`)} maxLength={80} autoComplete="off" />,
                )}
              </div>
            </div>
          ))}
          <label className={styles.consent}>
            <input type="checkbox" name="publishContacts" defaultChecked={values.publishContacts} />
            {t('form.publishContacts')}
          </label>
        </fieldset>

        {field(
          'about',
          t('form.about'),
          <textarea {...bind('about', true)} maxLength={2000} rows={3} />,
          t('form.aboutHint'),
        )}

        <fieldset className={styles.group}>
          <legend>{t('form.finding')}</legend>
          {field(
            'foundVia',
            t('form.foundVia'),
            <select {...bind('foundVia')}>
              {options([
                { value: '', label: '' },
                ...DISCOVERY_CHANNELS.map((channel) => ({
                  value: channel,
                  label: t(`foundVia.${channel}`),
                })),
              ])}
            </select>,
          )}
          {field('foundOn', t('form.foundOn'), <input {...bind('foundOn')} type="date" max={today} />)}
          {visits
            ? field(
                'fieldVisitId',
                t('form.fieldVisit'),
                <select {...bind('fieldVisitId', true)}>
                  {options([{ value: '', label: t('form.noFieldVisit') }, ...visits])}
                </select>,
                t('form.fieldVisitHint'),
              )
            : visitId && <input type="hidden" name="fieldVisitId" value={visitId} />}
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

        <button className="primary" type="submit" disabled={pending}>
          {pending ? t('form.submitting') : t('form.submit')}
        </button>
      </form>
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
