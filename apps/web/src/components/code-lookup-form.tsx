/**
 * A form that asks for a reference or a code (an application's, a certificate's) and looks it
 * up: a plain GET form, so it works without JavaScript. Its words come from the page.
 */
export function CodeLookupForm({
  action,
  name,
  value,
  label,
  hint,
  submit,
  className,
  ...rest
}: {
  action: string;
  name: string;
  value?: string;
  label: string;
  hint: string;
  submit: string;
  className?: string;
} & Record<`data-${string}`, boolean>) {
  return (
    <form method="get" action={action} className={`card ${className ?? ''}`} {...rest}>
      <div className="field">
        <label htmlFor={name}>{label}</label>
        <input
          id={name}
          name={name}
          defaultValue={value}
          required
          maxLength={40}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby={`${name}-hint`}
        />
        <span className="hint" id={`${name}-hint`}>
          {hint}
        </span>
      </div>
      <button type="submit" className="primary">
        {submit}
      </button>
    </form>
  );
}
