'use client';

import { useTranslations } from 'next-intl';
import {
  cancelSession,
  moveSession,
  recordAttendance,
  type SessionFormState,
} from '@/app/[locale]/(staff)/training/sessions/[id]/actions';
import { ActionForm } from '@/components/action-form';
import { TextAreaField, TextField } from '@/components/form-parts';
import { MARKS } from './constants';
import styles from './training.module.css';

const blank = (values: Record<string, string> = {}): SessionFormState => ({ values, errors: {} });

interface Common {
  locale: string;
  sessionId: string;
}

/** The page's own words for a refused form: `training.session.errors`. */
function useFormWords(state: SessionFormState) {
  const t = useTranslations('training.session');
  return state.formError ? t(`errors.${state.formError}`) : undefined;
}

/** Moves the session: a new day, start and end (Phnom Penh time); the rules check it again. */
export function MoveForm({
  locale,
  sessionId,
  date,
  startTime,
  endTime,
}: Common & Record<'date' | 'startTime' | 'endTime', string>) {
  const t = useTranslations('training.session');
  const words = useTranslations('training');
  return (
    <ActionForm
      action={moveSession}
      initial={blank({ date, startTime, endTime })}
      permalink={`/${locale}/training/sessions/${sessionId}`}
      fieldErrors="training.session.fieldErrors"
      useMessage={useFormWords}
      hidden={{ locale, sessionId }}
      title={<h3>{t('moveTitle')}</h3>}
      submit={{ label: t('move'), busy: t('working'), className: 'secondary' }}
      className="card"
      data-move-form
    >
      {(state) => (
        <>
          {state.refusals && state.refusals.length > 0 && (
            <ul className={styles.refusals} data-refusals>
              {state.refusals.map((refusal, i) => (
                <li key={`${refusal.code}-${i}`} data-refusal={refusal.code}>
                  {words(`refusals.${refusal.code}`, { trainer: t('theTrainer') })}
                </li>
              ))}
            </ul>
          )}
          <TextField
            name="date"
            id="move-date"
            type="date"
            label={t('newDate')}
            defaultValue={state.values.date}
          />
          <div className={styles.columns}>
            <TextField
              name="startTime"
              id="move-start"
              type="time"
              label={t('newStart')}
              defaultValue={state.values.startTime}
            />
            <TextField
              name="endTime"
              id="move-end"
              type="time"
              label={t('newEnd')}
              defaultValue={state.values.endTime}
            />
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** Cancels the session, with the reason everyone invited is told. */
export function CancelForm({ locale, sessionId }: Common) {
  const t = useTranslations('training.session');
  return (
    <ActionForm
      action={cancelSession}
      initial={blank({ reason: '' })}
      permalink={`/${locale}/training/sessions/${sessionId}`}
      fieldErrors="training.session.fieldErrors"
      useMessage={useFormWords}
      hidden={{ locale, sessionId }}
      title={<h3>{t('cancelTitle')}</h3>}
      submit={{ label: t('cancel'), busy: t('working'), className: 'secondary' }}
      className="card"
      data-cancel-form
    >
      {(state) => (
        <TextAreaField
          name="reason"
          id="cancel-reason"
          label={t('reason')}
          hint={t('reasonHint')}
          defaultValue={state.values.reason}
          maxLength={1000}
          rows={3}
        />
      )}
    </ActionForm>
  );
}

export interface AttendeeRow {
  memberId: string;
  memberName: string;
  cboName: string;
}

/**
 * The attendance sheet on a phone: one row per expected member with four large radio buttons
 * (present, late, absent, excused). A plain form: it posts without JavaScript, once.
 */
export function AttendanceForm({ locale, sessionId, attendees }: Common & { attendees: AttendeeRow[] }) {
  const t = useTranslations('training.attendance');
  const words = useTranslations('training');
  return (
    <ActionForm
      action={recordAttendance}
      initial={blank()}
      permalink={`/${locale}/training/sessions/${sessionId}`}
      fieldErrors="training.session.fieldErrors"
      useMessage={useFormWords}
      hidden={{ locale, sessionId }}
      submit={{ label: t('submit'), busy: t('submitting') }}
      data-attendance-form
    >
      {(state) => (
        <ul className={styles.attendance}>
          {attendees.map((attendee) => {
            const name = `mark.${attendee.memberId}`;
            const invalid = Boolean(state.errors[name]);
            return (
              <li key={attendee.memberId} data-attendee={attendee.memberId} data-invalid={invalid}>
                <input type="hidden" name="member" value={attendee.memberId} />
                <fieldset
                  aria-invalid={invalid}
                  aria-describedby={invalid ? `${attendee.memberId}-error` : undefined}
                >
                  <legend>
                    {attendee.memberName}
                    <span className={styles.memberCbo}>{attendee.cboName}</span>
                  </legend>
                  <div className={styles.marks}>
                    {MARKS.map((mark) => (
                      <label key={mark}>
                        <input
                          type="radio"
                          name={name}
                          value={mark}
                          defaultChecked={state.values[name] === mark}
                        />
                        {words(`marks.${mark}`)}
                      </label>
                    ))}
                  </div>
                  {invalid && (
                    <span className="error" id={`${attendee.memberId}-error`}>
                      {t('markRequired')}
                    </span>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ul>
      )}
    </ActionForm>
  );
}
