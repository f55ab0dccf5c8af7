'use client';

import { useTranslations } from 'next-intl';
import { declare, remove } from '@/app/[locale]/(staff)/account/relationships/actions';
import { FormMessage, Hidden, PlainForm, SubmitButton, TextField } from '@/components/form-parts';
import { useFormAction } from '@/components/use-form-action';
import type { StepFormState } from './step-refusals';

const blank = (values: Record<string, string> = {}): StepFormState => ({ values, errors: {} });

function useMessage(state: StepFormState) {
  const t = useTranslations('grants.step.errors');
  return state.formError ? t(state.formError, { remaining: '', max: '', stage: '', role: '' }) : undefined;
}

/** Declares a relationship with one CBO found by the search, with a note saying what it is. */
export function DeclareRelationshipForm({
  locale,
  cboId,
  cboName,
}: {
  locale: string;
  cboId: string;
  cboName: string;
}) {
  const t = useTranslations('grants.relationships');
  const form = useFormAction(declare, blank({ cboId, note: '' }), `/${locale}/account/relationships`);
  const { state } = form;
  return (
    <PlainForm
      bound={form}
      errors={state.errors}
      messages="grants.step.fieldErrors"
      data-declare-relationship={cboId}
    >
      <FormMessage message={useMessage(state)} />
      <Hidden fields={{ locale, cboId }} />
      <TextField
        name="note"
        id={`note-${cboId}`}
        label={t('note', { cbo: cboName })}
        hint={t('noteHint')}
        defaultValue={state.values.note}
        maxLength={500}
      />
      <SubmitButton pending={form.pending} label={t('declare')} busy={t('working')} className="secondary" />
    </PlainForm>
  );
}

/** Withdraws a declared relationship. */
export function RemoveRelationshipForm({ locale, cboId }: { locale: string; cboId: string }) {
  const t = useTranslations('grants.relationships');
  const form = useFormAction(remove, blank({ cboId }), `/${locale}/account/relationships`);
  return (
    <PlainForm
      bound={form}
      errors={form.state.errors}
      messages="grants.step.fieldErrors"
      className="inline-form"
      data-remove-relationship={cboId}
    >
      <FormMessage message={useMessage(form.state)} />
      <Hidden fields={{ locale, cboId }} />
      <SubmitButton pending={form.pending} label={t('remove')} busy={t('working')} className="secondary" />
    </PlainForm>
  );
}
