'use client';

import { startTransition, useActionState, type FormEvent } from 'react';

/**
 * A server action bound to a plain form. Before (or without) JavaScript the form posts to the
 * action natively; once hydrated it submits without React's automatic form reset, so a refusal
 * keeps what was typed (passwords included, without sending them back in the page).
 */
export function useFormAction<State>(
  action: (state: Awaited<State>, formData: FormData) => State | Promise<State>,
  initial: Awaited<State>,
  permalink: string,
) {
  const [state, formAction, pending] = useActionState(action, initial, permalink);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(data));
  };
  return { state, formAction, pending, onSubmit };
}
