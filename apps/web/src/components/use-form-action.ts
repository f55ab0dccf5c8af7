'use client';

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import { FOCUS_AFTER_SUBMIT } from './form-fields';

/**
 * Where the reader of a form is taken once its action answers without leaving the page: the
 * summary of a refusal (or a confirmation asked for) the form marks, else any error notice in
 * it, else the first field marked wrong. Nothing when the form has none of them.
 */
function focusAnswer(form: HTMLFormElement) {
  const target =
    form.querySelector<HTMLElement>(`[${FOCUS_AFTER_SUBMIT}]`) ??
    form.querySelector<HTMLElement>('.notice.error, [role=alert]') ??
    form.querySelector<HTMLElement>('[aria-invalid=true]');
  if (!target) return;
  if (!target.hasAttribute('tabindex') && target.tabIndex < 0) target.tabIndex = -1;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
}

/**
 * A server action bound to a plain form. Before (or without) JavaScript the form posts to the
 * action natively; once hydrated it submits without React's automatic form reset, so a refusal
 * keeps what was typed (passwords included, without sending them back in the page). A second
 * submit while the first is on its way (a double click) is not sent, and when the action answers
 * the reader is taken to what it says (see `focusAnswer`; without JavaScript the summary's
 * `autofocus` does it).
 */
export function useFormAction<State>(
  action: (state: Awaited<State>, formData: FormData) => State | Promise<State>,
  initial: Awaited<State>,
  permalink: string,
) {
  const [state, formAction, pending] = useActionState(action, initial, permalink);
  const submitted = useRef<HTMLFormElement | null>(null);
  const sending = useRef(false);

  useEffect(() => {
    if (!pending) sending.current = false;
  }, [pending]);
  useEffect(() => {
    const form = submitted.current;
    if (form?.isConnected) focusAnswer(form);
  }, [state]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending.current) return;
    sending.current = true;
    submitted.current = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(data));
  };
  return { state, formAction, pending, onSubmit };
}
