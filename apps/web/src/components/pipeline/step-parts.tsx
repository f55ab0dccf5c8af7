'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { StepState } from '@/app/[locale]/(staff)/cbos/[id]/actions';

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
    <div className="notice error" role="alert" data-step-error={state.formError}>
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

/** The hidden fields every step's form sends. */
export function StepFields({ locale, cboId }: { locale: string; cboId: string }) {
  return (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="cboId" value={cboId} />
    </>
  );
}

/** A field's translated error, and the wiring that points its control at it and at its hint. */
export function useFieldError(state: StepState) {
  const t = useTranslations('pipeline.errors');
  return (id: string, name: string, hint?: boolean) => {
    const error = state.fieldErrors[name];
    return {
      wiring: {
        'aria-invalid': Boolean(error),
        'aria-describedby':
          [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(' ') ||
          undefined,
      },
      message: error ? (
        <span className="error" id={`${id}-error`}>
          {t(error)}
        </span>
      ) : null,
    };
  };
}
