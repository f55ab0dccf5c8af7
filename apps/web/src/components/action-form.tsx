'use client';

import type { ReactNode } from 'react';
import { FormMessage, Hidden, PlainForm, SubmitButton } from '@/components/form-parts';
import { useFormAction } from '@/components/use-form-action';

/** What a staff form's server action answers: what was sent, each field's error, its refusal. */
export interface ActionFormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  formError?: string;
}

/**
 * A staff form bound to its server action: its refusal said at the top (`useMessage`, a hook
 * that words it), its fields' errors beside them (from the catalog's `fieldErrors` namespace),
 * the `hidden` ids going back with it, and one submit button. `children` draws the fields from
 * what was sent, kept after a refusal. It posts without JavaScript too.
 */
export function ActionForm<State extends ActionFormState>({
  action,
  initial,
  permalink,
  fieldErrors,
  useMessage,
  hidden,
  title,
  submit,
  children,
  ...rest
}: {
  action: (state: State, formData: FormData) => Promise<State>;
  initial: State;
  permalink: string;
  fieldErrors: string;
  useMessage: (state: State) => string | undefined;
  hidden: Record<string, string>;
  title?: ReactNode;
  submit: { label: string; busy: string; className?: string };
  children?: (state: State) => ReactNode;
  className?: string;
} & Record<`data-${string}`, string | boolean>) {
  const form = useFormAction(action, initial as Awaited<State>, permalink);
  const { state } = form;
  return (
    <PlainForm bound={form} errors={state.errors} messages={fieldErrors} {...rest}>
      {title}
      <FormMessage message={useMessage(state)} />
      <Hidden fields={hidden} />
      {children?.(state)}
      <SubmitButton pending={form.pending} {...submit} />
    </PlainForm>
  );
}
