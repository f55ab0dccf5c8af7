'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { DISCOVERY_CHANNELS, FOCUS_ISSUES } from '@bandanh/contracts';
import { recordCbo, type CboFormState } from '../app/[locale]/(staff)/cbos/new/actions';
import type { CboField } from '../lib/form-errors';

interface Props {
  locale: string;
  idempotencyKey: string;
  provinces: Array<{ code: string; name: string }>;
}

function SubmitButton({ pending }: { pending: boolean }) {
  const t = useTranslations('form');
  return (
    <button className="primary" type="submit" disabled={pending}>
      {pending ? t('submitting') : t('submit')}
    </button>
  );
}

/** A plain form: it works before (or without) JavaScript, and keeps what was typed on an error. */
export function CboForm({ locale, idempotencyKey, provinces }: Props) {
  const t = useTranslations();
  const initial: CboFormState = {
    idempotencyKey,
    values: { name: '', provinceCode: '', focusIssue: '', foundVia: '' },
    fieldErrors: {},
  };
  const [state, formAction, pending] = useActionState(recordCbo, initial, `/${locale}/cbos/new`);

  // Once hydrated, submit without React's automatic form reset, so a refusal keeps what was
  // typed. Before hydration (or without JavaScript) the form posts to the action natively.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  const hasErrors = Object.keys(state.fieldErrors).length > 0;

  const errorOf = (field: CboField) => state.fieldErrors[field];
  const describe = (field: CboField, hint?: string) =>
    [hint, errorOf(field) ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const errorText = (field: CboField) =>
    errorOf(field) ? (
      <span className="error" id={`${field}-error`}>
        {t(`form.errors.${errorOf(field)}`)}
      </span>
    ) : null;

  const bind = (field: CboField) => ({
    id: field,
    name: field,
    defaultValue: state.values[field],
    'aria-invalid': Boolean(state.fieldErrors[field]),
    'aria-describedby': describe(field, field === 'name' ? 'name-hint' : undefined),
  });

  const selectField = (field: CboField, label: string, options: Array<{ value: string; label: string }>) => (
    <div className="field">
      <label htmlFor={field}>{label}</label>
      <select {...bind(field)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {errorText(field)}
    </div>
  );

  return (
    <form
      action={formAction}
      onSubmit={submit}
      noValidate
      className="card"
      aria-describedby={hasErrors ? 'form-error' : undefined}
    >
      {(hasErrors || state.formError) && (
        <p className="notice error" id="form-error" role="alert">
          {t(`form.errors.${state.formError && !hasErrors ? state.formError : 'summary'}`)}
        </p>
      )}
      <input type="hidden" name="idempotencyKey" value={state.idempotencyKey} />
      <input type="hidden" name="locale" value={locale} />

      <div className="field">
        <label htmlFor="name">{t('form.name')}</label>
        <input {...bind('name')} maxLength={200} autoComplete="off" />
        <span className="hint" id="name-hint">
          {t('form.nameHint')}
        </span>
        {errorText('name')}
      </div>

      {selectField('provinceCode', t('form.province'), [
        { value: '', label: t('form.chooseProvince') },
        ...provinces.map((p) => ({ value: p.code, label: p.name })),
      ])}
      {selectField('focusIssue', t('form.focusIssue'), [
        { value: '', label: '' },
        ...FOCUS_ISSUES.map((issue) => ({ value: issue, label: t(`focusIssues.${issue}`) })),
      ])}
      {selectField('foundVia', t('form.foundVia'), [
        { value: '', label: '' },
        ...DISCOVERY_CHANNELS.map((channel) => ({ value: channel, label: t(`foundVia.${channel}`) })),
      ])}

      <SubmitButton pending={pending} />
    </form>
  );
}
