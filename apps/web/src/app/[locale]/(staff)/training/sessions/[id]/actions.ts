'use server';

import { z } from 'zod';
import { ATTENDANCE_MARKS, type AttendanceMark } from '@bandanh/contracts';
import { text } from '@/components/programme-settings/form-state';
import { instantOf, isLocalDate, isLocalTime } from '@/components/training/time';
import { redirect } from '@/i18n/navigation';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { asFormState, FORM_WORDING, type Wording } from '@/lib/refusal';
import { refusalsOf, sessionErrors } from '@/components/training/session-draft';
import { GatewayError } from '@/lib/gateway-error';
import type { ScheduleRefusal } from '@/components/training/constants';

/** A form of the session's page: what was typed, and what was refused (keys of `training.session.errors`). */
export interface SessionFormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  formError?: string;
  refusals?: ScheduleRefusal[];
}

const SessionId = z.uuid();

/** The refusals a run's command may meet, as the session page words them. */
const RUN_WORDING = {
  ...FORM_WORDING,
  NOT_FOUND: 'notFound',
  CONFLICT: 'conflict',
  busy: 'busy',
  already_held: 'alreadyHeld',
  session_cancelled: 'isCancelled',
  invalid_time: 'invalidTime',
  not_session_trainer: 'notYourSession',
  not_held_yet: 'notHeldYet',
  attendance_recorded: 'alreadyRecorded',
  attendees_mismatch: 'attendeesChanged',
} satisfies Wording<string>;

const pathOf = (sessionId: string) => `/training/sessions/${sessionId}`;

function sessionIdOf(formData: FormData): string | undefined {
  const id = text(formData, 'sessionId');
  return SessionId.safeParse(id).success ? id : undefined;
}

const done = (sessionId: string, flag: string) => (_answer: unknown, locale: string) =>
  redirect({ href: { pathname: pathOf(sessionId), query: { [flag]: '1' } }, locale });

/** Moves the session to a new day and times (Phnom Penh): the rules check it again. */
export async function moveSession(
  _previous: SessionFormState,
  formData: FormData,
): Promise<SessionFormState> {
  const values = {
    date: text(formData, 'date'),
    startTime: text(formData, 'startTime'),
    endTime: text(formData, 'endTime'),
  };
  const sessionId = sessionIdOf(formData);
  if (!sessionId) return { values, errors: {}, formError: 'unexpected' };
  const at = (time: string) =>
    isLocalDate(values.date) && isLocalTime(time) ? instantOf(values.date, time) : '';
  const errors: Record<string, string> = {};
  if (!at(values.startTime)) errors.startTime = 'startTime';
  if (!at(values.endTime)) errors.endTime = 'endTime';
  if (Object.keys(errors).length) return { values, errors, formError: 'summary' };
  return submit(formData, {
    path: pathOf(sessionId),
    send: () =>
      api(ROUTES.moveTrainingSession, {
        params: { id: sessionId },
        body: { startsAt: at(values.startTime), endsAt: at(values.endTime) },
      }),
    wording: { ...RUN_WORDING, fields: sessionErrors },
    refused: (refusal, error) => {
      const details = error instanceof GatewayError ? error.body.details : undefined;
      const refusals =
        error instanceof GatewayError && error.body.code === 'CONFLICT' ? refusalsOf(details) : [];
      if (details?.reason === 'already_held') return { values, errors: {}, formError: 'alreadyHeld' };
      if (details?.reason === 'session_cancelled') return { values, errors: {}, formError: 'isCancelled' };
      return {
        values,
        ...asFormState(refusal),
        ...(refusals.length ? { formError: 'refused', refusals } : {}),
      };
    },
    done: done(sessionId, 'moved'),
  });
}

/** Cancels the session, with the reason everyone invited is told. */
export async function cancelSession(
  _previous: SessionFormState,
  formData: FormData,
): Promise<SessionFormState> {
  const values = { reason: text(formData, 'reason').slice(0, 1100) };
  const sessionId = sessionIdOf(formData);
  if (!sessionId) return { values, errors: {}, formError: 'unexpected' };
  if (!values.reason.trim()) return { values, errors: { reason: 'reason' }, formError: 'summary' };
  return submit(formData, {
    path: pathOf(sessionId),
    send: () =>
      api(ROUTES.cancelTrainingSession, { params: { id: sessionId }, body: { reason: values.reason } }),
    wording: {
      ...RUN_WORDING,
      fields: (issues) => (issues.some((issue) => issue.path.includes('reason')) ? { reason: 'reason' } : {}),
    },
    refused: (refusal) => ({ values, ...asFormState(refusal) }),
    done: done(sessionId, 'cancelled'),
  });
}

/**
 * Records the attendance sheet: one mark per expected member (the radio buttons
 * `mark.<memberId>`); a member left without a mark is said beside their name, nothing sent.
 */
export async function recordAttendance(
  _previous: SessionFormState,
  formData: FormData,
): Promise<SessionFormState> {
  const sessionId = sessionIdOf(formData);
  const expected = formData.getAll('member').map(String).slice(0, 1000);
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const marks: Array<{ memberId: string; mark: AttendanceMark }> = [];
  for (const memberId of expected) {
    const mark = text(formData, `mark.${memberId}`);
    values[`mark.${memberId}`] = mark;
    if ((ATTENDANCE_MARKS as readonly string[]).includes(mark))
      marks.push({ memberId, mark: mark as AttendanceMark });
    else errors[`mark.${memberId}`] = 'markRequired';
  }
  if (!sessionId) return { values, errors: {}, formError: 'unexpected' };
  if (Object.keys(errors).length) return { values, errors, formError: 'marksMissing' };
  return submit(formData, {
    path: pathOf(sessionId),
    send: () => api(ROUTES.recordTrainingAttendance, { params: { id: sessionId }, body: { marks } }),
    wording: { ...RUN_WORDING, VALIDATION_FAILED: 'attendeesChanged' },
    refused: ({ formError }) => ({ values, errors: {}, formError }),
    done: done(sessionId, 'recorded'),
  });
}
