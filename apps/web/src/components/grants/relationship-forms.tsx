'use client';

import { useTranslations } from 'next-intl';
import { declare, remove } from '@/app/[locale]/(staff)/account/relationships/actions';
import { TextField } from '@/components/form-parts';
import { StepForm } from './step-forms';

/** A relationship's refusals name no amount: any currency serves their words. */
const NO_AMOUNTS = 'USD';

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
  return (
    <StepForm
      action={declare}
      initial={{ cboId, note: '' }}
      permalink={`/${locale}/account/relationships`}
      currency={NO_AMOUNTS}
      hidden={{ locale, cboId }}
      submit={{ label: t('declare'), busy: t('working'), className: 'secondary' }}
      data-declare-relationship={cboId}
    >
      {(state) => (
        <TextField
          name="note"
          id={`note-${cboId}`}
          label={t('note', { cbo: cboName })}
          hint={t('noteHint')}
          defaultValue={state.values.note}
          maxLength={500}
        />
      )}
    </StepForm>
  );
}

/** Withdraws a declared relationship. */
export function RemoveRelationshipForm({ locale, cboId }: { locale: string; cboId: string }) {
  const t = useTranslations('grants.relationships');
  return (
    <StepForm
      action={remove}
      initial={{ cboId }}
      permalink={`/${locale}/account/relationships`}
      currency={NO_AMOUNTS}
      hidden={{ locale, cboId }}
      submit={{ label: t('remove'), busy: t('working'), className: 'secondary' }}
      className="inline-form"
      data-remove-relationship={cboId}
    />
  );
}
