'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { redirect } from '@/i18n/navigation';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import type { Wording } from '@/lib/refusal';

const PATH = '/my-cbo';

/** What a seat form says after a refusal: a key of `trainingMember.forms.errors`. */
export type SeatError =
  | 'cbo_limit_reached'
  | 'not_linked_to_cbo'
  | 'session_closed'
  | 'not_invited'
  | 'notFound'
  | 'notAllowed'
  | 'unavailable'
  | 'unexpected';

export interface SeatState {
  sessionId: string;
  formError?: SeatError | 'summary';
  fieldErrors: Record<string, never>;
}

const WORDING: Wording<SeatError> = {
  cbo_limit_reached: 'cbo_limit_reached',
  not_linked_to_cbo: 'not_linked_to_cbo',
  session_closed: 'session_closed',
  not_invited: 'not_invited',
  NOT_FOUND: 'notFound',
  FORBIDDEN: 'notAllowed',
  UNAVAILABLE: 'unavailable',
};

/** The session the form is for: the form's own field, else the one it was drawn for. */
const sessionOf = (previous: SeatState, formData: FormData) =>
  z.uuid().safeParse(formData.get('sessionId') || previous.sessionId);

/**
 * A member takes a seat at a session their group is invited to (or a place on its waitlist when
 * it is full), and comes back to their group's page, which says which.
 */
export async function confirmSeat(previous: SeatState, formData: FormData): Promise<SeatState> {
  const sessionId = sessionOf(previous, formData);
  if (!sessionId.success) return { ...previous, formError: 'unexpected' };
  return submit(formData, {
    path: PATH,
    send: () => api(ROUTES.confirmTrainingSeat, { params: { id: sessionId.data } }),
    wording: WORDING,
    refused: ({ formError }) => ({ sessionId: sessionId.data, formError, fieldErrors: {} }),
    done: ({ seat }, locale) => {
      revalidatePath('/', 'layout');
      return redirect({
        href: {
          pathname: PATH,
          query: {
            seat: seat.status,
            session: sessionId.data,
            ...(seat.position ? { position: String(seat.position) } : {}),
          },
        },
        locale,
      });
    },
  });
}

/** A member gives up their seat or waitlist place; the first on the waitlist takes a freed seat. */
export async function declineSeat(previous: SeatState, formData: FormData): Promise<SeatState> {
  const sessionId = sessionOf(previous, formData);
  if (!sessionId.success) return { ...previous, formError: 'unexpected' };
  return submit(formData, {
    path: PATH,
    send: () => api(ROUTES.declineTrainingSeat, { params: { id: sessionId.data } }),
    wording: WORDING,
    refused: ({ formError }) => ({ sessionId: sessionId.data, formError, fieldErrors: {} }),
    done: (_declined, locale) => {
      revalidatePath('/', 'layout');
      return redirect({
        href: { pathname: PATH, query: { seat: 'declined', session: sessionId.data } },
        locale,
      });
    },
  });
}
