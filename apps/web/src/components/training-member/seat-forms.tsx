'use client';

import { useTranslations } from 'next-intl';
import type { SeatStatus } from '@bandanh/contracts';
import { confirmSeat, declineSeat, type SeatState } from '@/app/[locale]/(applicant)/my-cbo/actions';
import { FormMessage, Hidden, PlainForm, SubmitButton } from '../form-parts';
import { useFormAction } from '../use-form-action';
import styles from './training-member.module.css';

interface Props {
  locale: string;
  sessionId: string;
  /** The member's seat at the session, if they answered. */
  status: SeatStatus | null;
}

/**
 * The member's answer to an invitation: take a seat (or a waitlist place), or give it up. Two
 * plain forms, each with its own button, that post to their server action before (or without)
 * JavaScript.
 */
export function SeatForms({ locale, sessionId, status }: Props) {
  const t = useTranslations('trainingMember.forms');
  const initial: SeatState = { sessionId, fieldErrors: {} };
  const permalink = `/${locale}/my-cbo`;
  const confirm = useFormAction(confirmSeat, initial, permalink);
  const decline = useFormAction(declineSeat, initial, permalink);
  const message = (state: SeatState) =>
    state.formError && state.formError !== 'summary' ? t(`errors.${state.formError}`) : undefined;
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
            label={status === 'declined' ? t('confirmAgain') : t('confirm')}
            busy={t('working')}
          />
        </PlainForm>
      )}
      {canDecline && (
        <PlainForm bound={decline} data-decline-seat={sessionId}>
          <FormMessage message={message(decline.state)} />
          <Hidden fields={{ locale, sessionId }} />
          <SubmitButton
            pending={decline.pending}
            label={t('decline')}
            busy={t('working')}
            className="secondary"
          />
        </PlainForm>
      )}
    </div>
  );
}
