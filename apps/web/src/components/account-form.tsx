'use client';

import type { FormEvent, FormHTMLAttributes, ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage, Hidden, PlainForm, SubmitButton } from './form-parts';

/** What an account form's action answers: a refusal for the top, and an error key per field. */
interface AccountState {
  formError?: string;
  fieldErrors?: Partial<Record<string, string>>;
}

interface Props extends Omit<FormHTMLAttributes<HTMLFormElement>, 'action' | 'onSubmit'> {
  /** What `useFormAction` answered for this form. */
  form: {
    state: AccountState;
    pending: boolean;
    formAction: (data: FormData) => void;
    onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  };
  locale: string;
  /** More hidden fields, after the locale. */
  hiddenFields?: Record<string, string | number | undefined>;
  /** The submit button's label; without it the form draws its own buttons. */
  submit?: string;
  /** The refusal to say at the top, when not the action's own (`form.state.formError`); null for none. */
  refusal?: string | null;
  /** Values for the refusal's message (`{ minutes }`). */
  refusalValues?: Record<string, number>;
  /** What comes after the button. */
  after?: ReactNode;
  children?: ReactNode;
}

/**
 * The frame of the account forms (sign-in, sign-up, password, two-factor, CBO link and claim,
 * staff admin): the refusal on top, the locale, the fields with their `account.errors`, the
 * button, which says it is working while the action runs.
 */
export function AccountForm({
  form,
  locale,
  hiddenFields,
  submit,
  refusal = form.state.formError,
  refusalValues,
  after,
  children,
  ...rest
}: Props) {
  const t = useTranslations('account');
  return (
    <PlainForm bound={form} errors={form.state.fieldErrors} messages="account.errors" {...rest}>
      <FormMessage message={refusal ? t(`errors.${refusal}`, refusalValues) : undefined} />
      <Hidden fields={{ locale, ...hiddenFields }} />
      {children}
      {submit && <SubmitButton pending={form.pending} label={submit} busy={t('working')} />}
      {after}
    </PlainForm>
  );
}
