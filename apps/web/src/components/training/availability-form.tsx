'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import {
  rotateCalendar,
  saveAvailability,
  type AvailabilityFormState,
  type CalendarState,
} from '@/app/[locale]/(staff)/training/availability/actions';
import {
  FormMessage,
  Hidden,
  PlainForm,
  SelectField,
  SubmitButton,
  TextField,
} from '@/components/form-parts';
import { useFormAction } from '@/components/use-form-action';
import type { AvailabilityValues } from './availability-draft';
import { EXCEPTION_KINDS, WEEKDAYS } from './constants';
import styles from './training.module.css';

/** A time typed as HH:MM: a text field, since a window may end at 24:00, which a time picker cannot show. */
const TIME = { inputMode: 'numeric', placeholder: 'HH:MM', maxLength: 5, autoComplete: 'off' } as const;

/**
 * The trainer's weekly windows and dated exceptions, in Phnom Penh time: one row each, blank
 * rows to add, a box to remove one. A plain form: it saves without JavaScript.
 */
export function AvailabilityForm({ locale, values }: { locale: string; values: AvailabilityValues }) {
  const t = useTranslations('training.availability');
  const words = useTranslations('training');
  const initial: AvailabilityFormState = { values, errors: {} };
  const form = useFormAction(saveAvailability, initial, `/${locale}/training/availability`);
  const { state } = form;
  const weekdays = WEEKDAYS.map((day) => ({ value: String(day), label: words(`weekdays.${day}`) }));
  const kinds = EXCEPTION_KINDS.map((kind) => ({ value: kind, label: words(`exceptionKinds.${kind}`) }));
  return (
    <PlainForm
      bound={form}
      errors={state.errors}
      messages="training.availability.fieldErrors"
      data-availability-form
    >
      <FormMessage message={state.formError && t(`errors.${state.formError}`)} />
      <Hidden
        fields={{
          locale,
          windowRows: state.values.windows.length,
          exceptionRows: state.values.exceptions.length,
        }}
      />
      <fieldset className={`card ${styles.group}`}>
        <legend>{t('windowsTitle')}</legend>
        <p className="hint">{t('windowsHint')}</p>
        <div className={styles.rows}>
          {state.values.windows.map((window, row) => (
            <div className={styles.row} key={`w-${row}`} data-window-row={row}>
              <SelectField
                name={`window.${row}.weekday`}
                label={t('weekday')}
                choices={weekdays}
                defaultValue={window.weekday}
              />
              <TextField
                name={`window.${row}.start`}
                {...TIME}
                label={t('from')}
                defaultValue={window.start}
              />
              <TextField name={`window.${row}.end`} {...TIME} label={t('to')} defaultValue={window.end} />
              {(window.start || window.end) && (
                <label className={styles.remove}>
                  <input type="checkbox" name={`window.${row}.remove`} value="on" />
                  {t('remove')}
                </label>
              )}
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className={`card ${styles.group}`}>
        <legend>{t('exceptionsTitle')}</legend>
        <p className="hint">{t('exceptionsHint')}</p>
        <div className={styles.rows}>
          {state.values.exceptions.map((exception, row) => (
            <div className={styles.row} key={`e-${row}`} data-exception-row={row}>
              <input type="hidden" name={`exception.${row}.id`} value={exception.id} />
              <TextField
                name={`exception.${row}.startDate`}
                type="date"
                label={t('firstDay')}
                defaultValue={exception.startDate}
              />
              <TextField
                name={`exception.${row}.endDate`}
                type="date"
                label={t('lastDay')}
                defaultValue={exception.endDate}
              />
              <TextField
                name={`exception.${row}.startTime`}
                {...TIME}
                label={t('fromTime')}
                defaultValue={exception.startTime}
              />
              <TextField
                name={`exception.${row}.endTime`}
                {...TIME}
                label={t('toTime')}
                defaultValue={exception.endTime}
              />
              <SelectField
                name={`exception.${row}.kind`}
                label={t('kind')}
                choices={kinds}
                defaultValue={exception.kind}
              />
              <TextField
                name={`exception.${row}.note`}
                label={t('note')}
                defaultValue={exception.note}
                maxLength={500}
              />
              {(exception.startDate || exception.id) && (
                <label className={styles.remove}>
                  <input type="checkbox" name={`exception.${row}.remove`} value="on" />
                  {t('remove')}
                </label>
              )}
            </div>
          ))}
        </div>
      </fieldset>
      <SubmitButton pending={form.pending} label={t('save')} busy={t('saving')} />
    </PlainForm>
  );
}

/**
 * The trainer's iCalendar feed: its secret address (shown when it was just made), a button to
 * copy it, and one to make a new address (the old one stops working).
 */
export function CalendarFeed({ locale, url, exists }: { locale: string; url?: string; exists: boolean }) {
  const t = useTranslations('training.calendar');
  const initial: CalendarState = { url };
  const form = useFormAction(rotateCalendar, initial, `/${locale}/training/availability`);
  const [copied, setCopied] = useState(false);
  const shown = form.state.url;
  return (
    <div className="card" data-calendar-feed>
      {shown ? (
        <>
          <p>{t('intro')}</p>
          <p className={styles.feed}>
            <code data-feed-url>{shown}</code>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                void navigator.clipboard?.writeText(shown).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied ? t('copied') : t('copy')}
            </button>
          </p>
          <p className="hint">{t('secret')}</p>
        </>
      ) : (
        <p>{exists ? t('hidden') : t('none')}</p>
      )}
      <PlainForm bound={form} data-rotate-form>
        <FormMessage message={form.state.formError && t(`errors.${form.state.formError}`)} />
        <Hidden fields={{ locale }} />
        <SubmitButton pending={form.pending} label={t('rotate')} busy={t('rotating')} className="secondary" />
      </PlainForm>
    </div>
  );
}
