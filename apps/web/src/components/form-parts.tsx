'use client';

import { useTranslations } from 'next-intl';
import {
  Choices,
  describedBy,
  ErrorText,
  Field,
  focusAfterSubmit,
  FormMessage,
  GroupError,
  Hidden,
  idOf,
  PlainForm as BasePlainForm,
  RequiredMark,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type Choice,
  type PlainFormProps as BaseProps,
  type Wiring,
} from './form-fields';

// The parts every form of the app is made of (`form-fields`), with their words from next-intl in
// the browser: a form names the catalog namespace of its errors. A form that takes its words from
// the server (the application form) uses `form-fields` alone.

export {
  Choices,
  describedBy,
  ErrorText,
  Field,
  focusAfterSubmit,
  FormMessage,
  GroupError,
  Hidden,
  idOf,
  RequiredMark,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
};
export type { Choice, Wiring };

type PlainFormProps = Omit<BaseProps, 'errorText'> & {
  /** The catalog namespace the error keys are keys of (`apply.errors`). */
  messages?: string;
};

/**
 * A form bound to its server action, checked by the server rather than the browser, giving the
 * fields in it their errors translated from `messages`.
 */
export function PlainForm({ messages, ...form }: PlainFormProps) {
  const t = useTranslations(messages);
  return <BasePlainForm errorText={(key) => t(key)} {...form} />;
}

/**
 * A form of one section of the catalog (`hotline`, `partners`…): its refusal is said from
 * `<section>.errors`, its fields' errors from `<section>.fieldErrors`, and `hiddenFields` go
 * back with it.
 */
export function SectionForm({
  form,
  section,
  hiddenFields,
  children,
  ...rest
}: Omit<PlainFormProps, 'bound' | 'errors' | 'messages'> & {
  form: PlainFormProps['bound'] & { state: { formError?: string; errors: Partial<Record<string, string>> } };
  section: string;
  hiddenFields: Record<string, string | number | undefined>;
}) {
  const t = useTranslations(section);
  const { formError, errors } = form.state;
  return (
    <PlainForm bound={form} errors={errors} messages={`${section}.fieldErrors`} {...rest}>
      <FormMessage message={formError && t(`errors.${formError}`)} />
      <Hidden fields={hiddenFields} />
      {children}
    </PlainForm>
  );
}

/** The catalog's words for each value of `values`, under `key` (`focusIssues`), as choices. */
export function useChoices(values: readonly string[], key: string): Choice[] {
  const t = useTranslations(key);
  return values.map((value) => ({ value, label: t(value) }));
}
