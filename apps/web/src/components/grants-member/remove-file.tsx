'use client';

import { useTranslations } from 'next-intl';
import { removeFile, type FileState } from '@/app/[locale]/(applicant)/my-cbo/grants/[id]/actions';
import { FormMessage, Hidden, PlainForm, SubmitButton } from '../form-parts';
import { useFormAction } from '../use-form-action';

/** A file's remove button: a plain form. */
export function RemoveFile({
  locale,
  applicationId,
  attachmentId,
  label,
}: {
  locale: string;
  applicationId: string;
  attachmentId: string;
  label: string;
}) {
  const t = useTranslations('grantsMember');
  const form = useFormAction(
    removeFile,
    {} as FileState,
    `/${locale}/my-cbo/grants/${applicationId}?step=files`,
  );
  return (
    <PlainForm bound={form} data-remove-file={attachmentId}>
      <FormMessage message={form.state.formError && t(`errors.${form.state.formError}`)} />
      <Hidden fields={{ locale, id: applicationId, attachmentId }} />
      <SubmitButton pending={form.pending} label={label} busy={t('working')} className="secondary" />
    </PlainForm>
  );
}
