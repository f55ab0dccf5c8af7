'use client';

import {
  createContext,
  useContext,
  type FieldsetHTMLAttributes,
  type FormEvent,
  type FormHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import styles from './form-fields.module.css';

// The parts every form of the app is made of, with no translation of their own (so a form can
// take its words from the server and send no next-intl code; `form-parts` adds next-intl's). A form is a plain <form> bound to a server action
// (`useFormAction`), so it works before JavaScript; a refused form comes back with a message for
// the top and an error key per field, which the fields below find by their names.

/** The id of a field's control: `contacts.1.phone` is `contacts-1-phone`, with no dot for CSS. */
export const idOf = (name: string) => name.replaceAll('.', '-');

/** What a control needs to be labelled, described and marked wrong. */
export interface Wiring {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
}

/** The ids a control (or a group) is described by: its hint and its error, when it has them. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return (
    [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(' ') ||
    undefined
  );
}

/**
 * What marks the element a refused form (or one asking for confirmation) moves the reader to:
 * `useFormAction` focuses it once the action answers, and without JavaScript the browser does
 * on load (`autofocus`), so a phone shows the summary instead of the button far below it.
 */
export const FOCUS_AFTER_SUBMIT = 'data-focus-after-submit';

/** The props of that element: focusable by script only, focused on load, and found by `useFormAction`. */
export const focusAfterSubmit = { tabIndex: -1, autoFocus: true, [FOCUS_AFTER_SUBMIT]: '' } as const;

/** The translated error of a field of the surrounding form, by the field's name. */
const FieldErrors = createContext<(name: string) => string | undefined>(() => undefined);

/** What the form's mark of a required field means ("required"), said once at its top. */
const RequiredText = createContext<string | undefined>(undefined);

/**
 * The mark of a required field, beside its label or legend. Hidden from screen readers, which
 * hear `aria-required` on the control instead (or, for a group, the words after the mark). Only
 * in a form that says what the mark means (`requiredText`): elsewhere a required field has
 * `aria-required` alone.
 */
export function RequiredMark({ spoken = false }: { spoken?: boolean }) {
  const text = useContext(RequiredText);
  if (!text) return null;
  return (
    <>
      {' '}
      <span className={styles.mark} aria-hidden="true" data-required-mark>
        *
      </span>
      {spoken && <span className="sr-only"> ({text})</span>}
    </>
  );
}

/** The error the surrounding form has for `name`, translated; `error` given outright wins. */
function useFieldError(name: string | undefined, error?: string): string | undefined {
  const errorOf = useContext(FieldErrors);
  return error ?? (name ? errorOf(name) : undefined);
}

export interface PlainFormProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'action' | 'onSubmit'> {
  /** The form's binding to its server action, as `useFormAction` answers it. */
  bound: { formAction: (data: FormData) => void; onSubmit: (event: FormEvent<HTMLFormElement>) => void };
  /** Error keys by field name, as the action answered them… */
  errors?: Partial<Record<string, string>>;
  /** …and what each key says, in the reader's language (`apply.errors.nameRequired`…). */
  errorText?: Partial<Record<string, string>> | ((key: string) => string | undefined);
  /**
   * What the mark of a required field means ("required"), for a form with required fields: said
   * once at the top of the form.
   */
  requiredText?: string;
}

/**
 * A form bound to its server action, checked by the server rather than the browser, giving the
 * fields in it their translated errors.
 */
export function PlainForm({
  bound,
  errors = {},
  errorText = {},
  noValidate = true,
  requiredText,
  children,
  ...form
}: PlainFormProps) {
  const errorOf = (name: string) => {
    const key = errors[name];
    if (!key) return undefined;
    return typeof errorText === 'function' ? errorText(key) : (errorText[key] ?? key);
  };
  return (
    <form action={bound.formAction} onSubmit={bound.onSubmit} noValidate={noValidate} {...form}>
      <RequiredText.Provider value={requiredText}>
        <FieldErrors.Provider value={errorOf}>
          {requiredText && (
            <p className={`hint ${styles.requiredNote}`} data-required-note>
              <span className={styles.mark} aria-hidden="true">
                *
              </span>{' '}
              {requiredText}
            </p>
          )}
          {children}
        </FieldErrors.Provider>
      </RequiredText.Provider>
    </form>
  );
}

/**
 * The message at the top of a refused form, already translated: the reader is taken to it
 * (focus and scroll), with or without JavaScript.
 */
export function FormMessage({ message, id }: { message?: string; id?: string }) {
  if (!message) return null;
  return (
    <p className="notice error" role="alert" id={id} {...focusAfterSubmit}>
      {message}
    </p>
  );
}

/** The hidden fields a form sends back, by name; those without a value are left out. */
export function Hidden({ fields }: { fields: Record<string, string | number | undefined> }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) =>
        value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
    </>
  );
}

/** The form's submit button, which says it is working (`busy`) while the action runs. */
export function SubmitButton({
  pending,
  label,
  busy,
  className = 'primary',
}: {
  pending: boolean;
  label: string;
  busy?: string;
  className?: string;
}) {
  return (
    <button className={className} type="submit" disabled={pending}>
      {pending && busy ? busy : label}
    </button>
  );
}

/** A field's error, with the id its control points at. */
export function ErrorText({
  name,
  id = idOf(name),
  className = 'error',
}: {
  name: string;
  id?: string;
  className?: string;
}) {
  const error = useFieldError(name);
  return error ? (
    <span className={className} id={`${id}-error`}>
      {error}
    </span>
  ) : null;
}

/** The form's error for a group of rows as a whole (`rubric`), said at the top of the group. */
export function GroupError({ name, className }: { name: string; className?: string }) {
  const error = useFieldError(name);
  return error ? (
    <p className={className} role="alert">
      {error}
    </p>
  ) : null;
}

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The translated message when the field was refused. */
  error?: string;
  /** A class for the field as a whole (its label, control, hint and error). */
  className?: string;
  /** Whether the field must be filled in: marked beside its label, and `aria-required` on its control. */
  required?: boolean;
}

/** The label, the control (given its accessible wiring), the hint and the error of one field. */
export function Field({
  id,
  label,
  hint,
  error,
  className,
  required,
  children,
}: FieldProps & { children: (wiring: Wiring) => ReactNode }) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && <RequiredMark />}
      </label>
      {children({
        id,
        'aria-invalid': Boolean(error),
        'aria-describedby': describedBy(id, hint, error),
        ...(required ? { 'aria-required': true } : {}),
      })}
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

interface NamedFieldProps extends Omit<FieldProps, 'id' | 'className'> {
  // `required` marks the field and its control (`aria-required`) without the browser's own check:
  // the server checks the form and says what is wrong in the reader's language.
  /** The control's name; its error is the form's error for this name. */
  name: string;
  /** The control's id, when the field appears more than once on a page; else from its name. */
  id?: string;
  /** The name the form's errors give this field, when not its own (`phase.1` for `phase.1.opensOn`). */
  errorName?: string;
  /** A class for the field as a whole; `className` is the control's. */
  fieldClassName?: string;
}

/** A labelled field of the surrounding form, named `name`, with its control drawn by `control`. */
function NamedField({
  name,
  id = idOf(name),
  label,
  hint,
  error,
  errorName = name,
  fieldClassName,
  required,
  control,
}: NamedFieldProps & { control: (wiring: Wiring & { name: string }) => ReactNode }) {
  const refused = useFieldError(errorName, error);
  return (
    <Field id={id} label={label} hint={hint} error={refused} className={fieldClassName} required={required}>
      {(wiring) => control({ ...wiring, name })}
    </Field>
  );
}

type Without<T> = Omit<T, 'name' | 'id'>;

/** A field's props apart: those of the field as a whole, and those of its control. */
function split<P extends NamedFieldProps>({
  name,
  id,
  label,
  hint,
  error,
  errorName,
  fieldClassName,
  required,
  ...control
}: P) {
  return [{ name, id, label, hint, error, errorName, fieldClassName, required }, control] as const;
}

/** A labelled input. */
export function TextField(props: NamedFieldProps & Without<InputHTMLAttributes<HTMLInputElement>>) {
  const [field, input] = split(props);
  return <NamedField {...field} control={(wiring) => <input {...wiring} {...input} />} />;
}

/** A labelled text area, for a few sentences. */
export function TextAreaField(props: NamedFieldProps & Without<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  const [field, textarea] = split(props);
  return <NamedField {...field} control={(wiring) => <textarea {...wiring} {...textarea} />} />;
}

/** One entry of a list to choose from. */
export interface Choice {
  value: string;
  label: ReactNode;
}

/**
 * A labelled list to choose from: `choices`, after a first blank entry labelled `placeholder`
 * when given; `children` add option groups.
 */
export function SelectField(
  props: NamedFieldProps &
    Without<SelectHTMLAttributes<HTMLSelectElement>> & { placeholder?: string; choices?: readonly Choice[] },
) {
  const [field, { placeholder, choices = [], children, ...select }] = split(props);
  return (
    <NamedField
      {...field}
      control={(wiring) => (
        <select {...wiring} {...select}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
          {children}
        </select>
      )}
    />
  );
}

interface ChoicesProps extends Omit<FieldsetHTMLAttributes<HTMLFieldSetElement>, 'name' | 'id'> {
  /** The inputs' name; the group's error is the form's error for it. */
  name: string;
  id?: string;
  legend: ReactNode;
  hint?: ReactNode;
  hintClassName?: string;
  error?: string;
  className?: string;
  type?: 'checkbox' | 'radio';
  choices: readonly Choice[];
  /** Whether a choice is ticked (as the form was sent, or to start with). */
  checked: (value: string) => boolean;
  /** With a prefix, each input has an id (`<prefix>-<value>`) its label points at. */
  idPrefix?: string;
  /** Marks each input wrong too, for a group whose legend alone cannot carry it. */
  invalidInputs?: boolean;
  /** Whether one must be chosen: marked beside the legend, and said to screen readers there. */
  required?: boolean;
}

/**
 * Checkboxes (or radio buttons) named `name` under one legend, with the group's hint and the
 * form's error for `name`.
 */
export function Choices({
  name,
  id = idOf(name),
  legend,
  hint,
  hintClassName = 'hint',
  error,
  className = 'checks',
  type = 'checkbox',
  choices,
  checked,
  idPrefix,
  invalidInputs,
  required,
  ...fieldset
}: ChoicesProps) {
  const refused = useFieldError(name, error);
  const inputId = (value: string) => (idPrefix ? `${idPrefix}-${value}` : undefined);
  return (
    <fieldset
      className={className}
      id={id}
      aria-invalid={Boolean(refused)}
      aria-describedby={describedBy(id, hint, refused)}
      {...(required && type === 'radio' ? { role: 'radiogroup', 'aria-required': true } : {})}
      {...fieldset}
    >
      <legend>
        {legend}
        {required && <RequiredMark spoken />}
      </legend>
      {choices.map(({ value, label }) => (
        <label key={value} htmlFor={inputId(value)}>
          <input
            type={type}
            id={inputId(value)}
            name={name}
            value={value}
            defaultChecked={checked(value)}
            aria-invalid={invalidInputs}
          />
          {label}
        </label>
      ))}
      {hint && (
        <span className={hintClassName} id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {refused && (
        <span className="error" id={`${id}-error`}>
          {refused}
        </span>
      )}
    </fieldset>
  );
}
