'use client';

import { FOCUS_ISSUES } from '@bandanh/contracts/constants';
import { Choices, useChoices, type Choice } from './form-parts';

/** The focus issues (land, labour, fisheries, other) in the reader's language, to choose from. */
export function useFocusIssues(): Choice[] {
  return useChoices(FOCUS_ISSUES, 'focusIssues');
}

/** The focus issues as checkboxes named `name`: a group's issues, a partner's expertise. */
export function FocusIssueChoices({
  name = 'focusIssues',
  id,
  legend,
  checked,
}: {
  name?: string;
  id?: string;
  legend: string;
  /** The issues ticked. */
  checked: readonly string[];
}) {
  return (
    <Choices
      name={name}
      id={id}
      legend={legend}
      choices={useFocusIssues()}
      checked={(i) => checked.includes(i)}
    />
  );
}
