import type { ReactNode } from 'react';

export interface Wiring {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

interface Props {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The translated message when the field was refused. */
  error?: string;
  children: (wiring: Wiring) => ReactNode;
  className?: string;
}

/**
 * A label, its control (given its accessible wiring), the hint and the error of one field of the
 * programme's forms, which name their inputs themselves (rows of a table share one form).
 */
export function Field({ id, label, hint, error, children, className }: Props) {
  const describedBy = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy || undefined })}
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

/** A group of checkboxes or radio buttons under one legend, with its error. */
export function Choices({
  id,
  legend,
  error,
  children,
}: {
  id: string;
  legend: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="checks" id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {children}
      {error && (
        <span className="error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}

/** The message at the top of a refused form, already translated. */
export function FormMessage({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p className="notice error" role="alert">
      {message}
    </p>
  );
}
