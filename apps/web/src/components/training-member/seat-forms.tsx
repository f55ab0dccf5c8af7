'use client';

import type { SeatStatus } from '@bandanh/contracts';
import { confirmSeat, declineSeat, type SeatState } from '@/app/[locale]/(applicant)/my-cbo/actions';
import { FormMessage, Hidden, PlainForm, SubmitButton } from '../form-fields';
import { useFormAction } from '../use-form-action';
import styles from './training-member.module.css';

/**
 * The forms' words, from the server's catalog (`trainingMember.forms`): a member's page ships no
 * catalog and no i18n library to the phone.
 */
export interface SeatFormWords {
  confirm: string;
  confirmAgain: string;
  decline: string;
  working: string;
  /** A refusal's words by its key (`session_closed`, `unavailable`…). */
  errors: Record<string, string>;
}

interface Props {
  locale: string;
  words: SeatFormWords;
  sessionId: string;
  /** The member's seat at the session, if they answered. */
  status: SeatStatus | null;
}

/**
 * The member's answer to an invitation: take a seat (or a waitlist place), or give it up. Two
 * plain forms, each with its own button, that post to their server action before (or without)
 * JavaScript.
 */
export function SeatForms({ locale, words, sessionId, status }: Props) {
  const initial: SeatState = { sessionId, fieldErrors: {} };
  const permalink = `/${locale}/my-cbo`;
  const confirm = useFormAction(confirmSeat, initial, permalink);
  const decline = useFormAction(declineSeat, initial, permalink);
  const message = (state: SeatState) =>
    state.formError && state.formError !== 'summary'
      ? (words.errors[state.formError] ?? words.errors.unexpected)
      : undefined;
  const holding = status === 'confirmed' || status === 'waitlisted';
  // An invited member may say no before asking for a seat, and give up a seat or place later.
  const canDecline = status !== 'declined';

  return (
    <div className={styles.seatForms}>
      {!holding && (
        <PlainForm bound={confirm} data-confirm-seat={sessionId}>
          <FormMessage message={message(confirm.state)} />
          <Hidden fields={{ locale, sessionId }} />
          <SubmitButton
            pending={confirm.pending}
            label={status === 'declined' ? words.confirmAgain : words.confirm}
            busy={words.working}
          />
        </PlainForm>
      )}
      {canDecline && (
        <PlainForm bound={decline} data-decline-seat={sessionId}>
          <FormMessage message={message(decline.state)} />
          <Hidden fields={{ locale, sessionId }} />
          <SubmitButton
            pending={decline.pending}
            label={words.decline}
            busy={words.working}
            className="secondary"
          />
        </PlainForm>
      )}
    </div>
  );
}
