import type { ReactNode } from 'react';

/** One choice of a filter: the value sent, and its words. */
export interface FilterChoice {
  value: string;
  label: ReactNode;
}

/**
 * A filter of a plain GET form (a list's, the directory's): a labelled select whose first choice,
 * `any`, filters nothing. It works without JavaScript.
 */
export function FilterSelect({
  id,
  name,
  label,
  any,
  value,
  choices,
}: {
  id: string;
  name: string;
  label: string;
  any: string;
  value?: string | null;
  choices: readonly FilterChoice[];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        <option value="">{any}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
