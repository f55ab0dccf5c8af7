'use client';

import type { FormEvent, FormHTMLAttributes, ReactNode } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import type { StepState } from '@/app/[locale]/(staff)/cbos/[id]/actions';
import { focusAfterSubmit, Hidden, PlainForm, TextAreaField } from '@/components/form-parts';

/**
 * Why a step was refused, at the top of its form. When someone else moved the CBO meanwhile,
 * it says where the CBO is now and offers the page as it is.
 */
export function StepError({ state }: { state: StepState }) {
  const t = useTranslations();
  const locale = useLocale();
  if (!state.formError) return null;
  const stage = state.stage ? t(`stages.${state.stage}`) : undefined;
  return (
    <div className="notice error" role="alert" data-step-error={state.formError} {...focusAfterSubmit}>
      {state.formError === 'wrongStage'
        ? t(stage ? 'pipeline.errors.wrongStageNow' : 'pipeline.errors.wrongStage', { stage: stage ?? '' })
        : t(`pipeline.errors.${state.formError}`, { date: state.from ?? '' })}
      {(state.formError === 'wrongStage' || state.formError === 'busy') && (
        <>
          {' '}
          {/* A full load, so every form on the page starts again from the CBO as it is now. */}
          <a href={`/${locale}/cbos/${state.cboId}`}>{t('pipeline.reload')}</a>
        </>
      )}
    </div>
  );
}

interface StepFormProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'action' | 'onSubmit'> {
  /** What `useFormAction` answered for this step. */
  form: {
    state: StepState;
    formAction: (data: FormData) => void;
    onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  };
  /** The CBO the step moves. */
  cboId: string;
  /** The step's title, and the id that names the form after it (when it has one). */
  title?: string;
  titleId?: string;
  /** What the step does, under its title. */
  intro?: ReactNode;
  children: ReactNode;
}

/**
 * A step of the pipeline as a plain form: its heading, why it was refused, the locale and the
 * CBO it moves, and its fields, which find their errors under `pipeline.errors`.
 */
export function StepForm({ form, cboId, title, titleId, intro, children, ...rest }: StepFormProps) {
  const locale = useLocale();
  return (
    <PlainForm
      bound={form}
      errors={form.state.fieldErrors}
      messages="pipeline.errors"
      aria-labelledby={titleId}
      {...rest}
    >
      {title && <h3 id={titleId}>{title}</h3>}
      {intro}
      <StepError state={form.state} />
      <Hidden fields={{ locale, cboId }} />
      {children}
    </PlainForm>
  );
}

/** Why the step is taken: what the CBO reads when it is declined or withdrawn. */
export function ReasonField({
  id,
  label,
  hint,
  rows,
  defaultValue,
}: {
  id: string;
  label: string;
  hint: string;
  rows: number;
  defaultValue?: string;
}) {
  return (
    <TextAreaField
      id={id}
      name="reason"
      label={label}
      hint={hint}
      rows={rows}
      maxLength={1000}
      defaultValue={defaultValue ?? ''}
    />
  );
}
