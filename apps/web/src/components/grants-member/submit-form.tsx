'use client';

import { useTranslations } from 'next-intl';
import { submitApplication, type SubmitState } from '@/app/[locale]/(applicant)/my-cbo/grants/[id]/actions';
import { idOf } from '../form-fields';
import { FormMessage, Hidden, PlainForm, SubmitButton } from '../form-parts';
import { useFormAction } from '../use-form-action';

interface Props {
  locale: string;
  applicationId: string;
  version: number;
  /** Made once per drawing of the page: pressing twice submits once. */
  idempotencyKey: string;
  label: string;
}

/** The review's submit button; what is missing comes back as a list, each with a link to its step. */
export function SubmitForm({ locale, applicationId, version, idempotencyKey, label }: Props) {
  const t = useTranslations('grantsMember');
  const initial: SubmitState = { idempotencyKey, version, issues: [] };
  const form = useFormAction(
    submitApplication,
    initial,
    `/${locale}/my-cbo/grants/${applicationId}?step=review`,
  );
  const { state } = form;
  return (
    <PlainForm bound={form} data-submit-form>
      <FormMessage message={state.formError && t(`errors.${state.formError}`)} />
      {state.issues.length > 0 && (
        <ul data-submit-issues>
          {state.issues.map((issue) => (
            <li key={issue.field} data-issue-step={issue.step}>
              <a href={`/${locale}/my-cbo/grants/${applicationId}?step=${issue.step}#${idOf(issue.field)}`}>
                {t(`steps.${issue.step}`)}:{' '}
                {issue.field.startsWith('budget.')
                  ? t('budget.title')
                  : issue.field === 'budget' || issue.step === 'review'
                    ? ''
                    : t(`fields.${issue.field}`)}
                {' — '}
                {t(`errors.${issue.key}`)}
              </a>
            </li>
          ))}
        </ul>
      )}
      <Hidden
        fields={{
          locale,
          id: applicationId,
          baseVersion: state.version,
          idempotencyKey: state.idempotencyKey,
        }}
      />
      <SubmitButton pending={form.pending} label={label} busy={t('working')} />
    </PlainForm>
  );
}
