'use server';

import { randomUUID } from 'node:crypto';
import { SessionDraft } from '@bandanh/contracts';
import type { ScheduleRefusal } from '@/components/training/constants';
import {
  draftOf,
  refusalsOf,
  sessionErrors,
  sessionFromForm,
  type SessionValues,
} from '@/components/training/session-draft';
import { text } from '@/components/programme-settings/form-state';
import { redirect } from '@/i18n/navigation';
import { api, GatewayError, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { asFormState, FORM_WORDING } from '@/lib/refusal';

export interface ScheduleFormState {
  key: string;
  values: SessionValues;
  errors: Record<string, string>;
  formError?: string;
  /** Every rule that refused the session, said beside the form. */
  refusals?: ScheduleRefusal[];
}

/**
 * Schedules a session, once per form (the key made when it was rendered): the contract checks
 * the fields first; the training service's rules may then refuse it, each rule said in words.
 */
export async function scheduleSession(
  previous: ScheduleFormState,
  formData: FormData,
): Promise<ScheduleFormState> {
  const key = text(formData, 'idempotencyKey') || previous.key || randomUUID();
  const values = sessionFromForm(formData);
  return submit(formData, {
    path: '/training/sessions/new',
    input: SessionDraft.safeParse(draftOf(values)),
    send: (draft) => api(ROUTES.createTrainingSession, { idempotencyKey: key, body: draft }),
    wording: {
      ...FORM_WORDING,
      fields: sessionErrors,
      CONFLICT: 'refused',
      NOT_FOUND: 'notFound',
    },
    refused: (refusal, error) => {
      const refusals =
        error instanceof GatewayError && error.body.code === 'CONFLICT' ? refusalsOf(error.body.details) : [];
      return {
        key,
        values,
        ...asFormState(refusal),
        ...(refusals.length ? { formError: 'refused', refusals } : {}),
      };
    },
    done: ({ session, created }, locale) =>
      redirect({
        href: {
          pathname: `/training/sessions/${session.id}`,
          query: created ? { scheduled: '1' } : { replayed: '1' },
        },
        locale,
      }),
  });
}
