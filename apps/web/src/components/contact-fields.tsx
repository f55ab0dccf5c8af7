'use client';

import { TextField } from './form-fields';

const PARTS = [
  { part: 'name', maxLength: 120 },
  { part: 'phone', maxLength: 20, type: 'tel' },
  { part: 'role', maxLength: 80 },
] as const;

export type ContactPart = (typeof PARTS)[number]['part'];

/**
 * The three fields of one contact row, named `contacts.<row>.name`, `.phone` and `.role`: a
 * group's application and a CBO recorded by staff ask for contacts the same way.
 */
export function ContactFields({
  row,
  labels,
  valueOf,
}: {
  row: number;
  labels: Record<ContactPart, string>;
  valueOf: (part: ContactPart) => string;
}) {
  return (
    <>
      {PARTS.map(({ part, ...input }) => (
        <TextField
          key={part}
          name={`contacts.${row}.${part}`}
          label={labels[part]}
          defaultValue={valueOf(part)}
          autoComplete="off"
          {...input}
        />
      ))}
    </>
  );
}
