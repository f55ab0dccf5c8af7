'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { BUDGET_CATEGORIES } from '@bandanh/contracts/constants';
import {
  autosave,
  saveStep,
  type Newer,
  type StepState,
} from '@/app/[locale]/(applicant)/my-cbo/grants/[id]/actions';
import { useLocalFormat } from '@/i18n/use-local-format';
import { FormMessage, Hidden, PlainForm, SelectField, TextAreaField, TextField } from '../form-fields';
import { useFormAction } from '../use-form-action';
import {
  applyEntries,
  entriesOf,
  lineField,
  totalsOf,
  type Draft,
  type Entries,
  type FieldErrorKey,
  type Step,
} from './draft';
import { formatMoney } from '@/components/grants/money';
import { decidePending, keepMore, pendingKey, readPending, type Pending } from './pending';
import styles from './grants-member.module.css';

interface Props {
  locale: string;
  applicationId: string;
  /** The server copy's version and when it was saved. */
  version: number;
  updatedAt: string;
  /** The same, said in the reader's language on the server. */
  updatedAtText: string;
  step: Exclude<Step, 'files' | 'review'>;
  /** The server's copy of the draft, for changes kept on the phone to be weighed against. */
  draft: Draft;
  /** The step's fields as the server's copy has them. */
  entries: Entries;
  /** The id of the blank budget row the form offers. */
  blankId: string;
  provinces: Array<{ code: string; name: string }>;
  currency: string;
  minAmount: number | null;
  maxAmount: number | null;
  /** The page came back from a save of this step. */
  saved: boolean;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'offline' }
  | { kind: 'invalid' }
  | { kind: 'newer' }
  | { kind: 'refused'; error: string };

/** The form's own fields, which are not the draft's. */
const CONTROL = ['locale', 'id', 'baseVersion', 'step', 'intent'];
const AUTOSAVE_MS = 1500;

function allPending(applicationId: string): Array<{ key: string; pending: Pending }> {
  const found: Array<{ key: string; pending: Pending }> = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (!key) continue;
      const pending = readPending(applicationId, key, localStorage.getItem(key));
      if (pending) found.push({ key, pending });
    }
  } catch {
    // Storage refused (private mode): nothing kept.
  }
  return found;
}

/** The changes kept on this phone for the application, merged (older copies first). */
function loadPending(applicationId: string): Pending | null {
  const found = allPending(applicationId).sort((a, b) => a.pending.baseVersion - b.pending.baseVersion);
  return found.reduce<Pending | null>(
    (kept, { pending }) =>
      keepMore(
        kept,
        applicationId,
        pending.baseVersion,
        pending.entries,
        new Date(pending.keptAt || Date.now()),
      ),
    null,
  );
}

function clearPending(applicationId: string) {
  for (const { key } of allPending(applicationId)) localStorage.removeItem(key);
}

function storePending(pending: Pending) {
  try {
    clearPending(pending.applicationId);
    localStorage.setItem(pendingKey(pending.applicationId, pending.baseVersion), JSON.stringify(pending));
  } catch {
    // Storage full or refused: the server copy is all there is.
  }
}

/**
 * One step of the application (plan, place and dates, beneficiaries, budget): a plain form that
 * saves the draft on the server and goes on, with or without JavaScript. With it, the form also
 * saves 1.5 s after the member stops typing, keeps the changes on the phone while the network
 * is down and sends them when it is back, and never puts them over a newer copy saved from
 * elsewhere without the member choosing so.
 */
export function StepForm(props: Props) {
  const { locale, applicationId: id, step, currency } = props;
  const t = useTranslations('grantsMember');
  const format = useLocalFormat();
  const permalink = `/${locale}/my-cbo/grants/${id}?step=${step}`;
  const form = useFormAction(saveStep, { version: props.version, errors: {} } as StepState, permalink);
  const { state, pending } = form;
  const values = state.values ?? props.entries;

  const wrapper = useRef<HTMLDivElement>(null);
  const formRef = {
    get current() {
      return wrapper.current?.querySelector('form') ?? null;
    },
  };
  const version = useRef(props.version);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const blocked = useRef(false);
  const [status, setStatus] = useState<Status>(
    props.saved ? { kind: 'saved', at: props.updatedAt } : { kind: 'idle' },
  );
  const [autoErrors, setAutoErrors] = useState<Record<string, FieldErrorKey>>({});
  const [newer, setNewer] = useState<Newer | undefined>(undefined);
  const [kept, setKept] = useState<Pending | null>(null);
  const [live, setLive] = useState<Entries>(values);

  // A refused step comes back from the server with the version to save from (a newer copy's).
  useEffect(() => {
    version.current = Math.max(version.current, state.version);
  }, [state.version]);

  const readForm = useCallback((): Entries => {
    const entries = formRef.current ? entriesOf(new FormData(formRef.current).entries()) : {};
    for (const name of CONTROL) delete entries[name];
    for (const name of Object.keys(entries)) if (name.startsWith('$ACTION')) delete entries[name];
    return entries;
  }, []);

  const send = useCallback(
    async (changes: Pending, force = false) => {
      if (typeof navigator !== 'undefined' && !navigator.onLine) {
        setStatus({ kind: 'offline' });
        return;
      }
      setStatus({ kind: 'saving' });
      try {
        const result = await autosave({
          locale,
          id,
          baseVersion: force ? version.current : changes.baseVersion,
          entries: changes.entries,
        });
        if (result.status === 'saved') {
          version.current = result.version;
          const now = loadPending(id);
          if (!now || now.keptAt === changes.keptAt) clearPending(id);
          // Typed while this was on its way: those changes now start from the copy just saved.
          else storePending({ ...now, baseVersion: result.version });
          blocked.current = false;
          setNewer(undefined);
          setKept(null);
          setAutoErrors({});
          setStatus({ kind: 'saved', at: result.savedAt });
        } else if (result.status === 'newer') {
          // The newer copy is the one to save over, if the member chooses their changes.
          version.current = result.newer.version;
          blocked.current = true;
          setNewer(result.newer);
          setKept(loadPending(id) ?? changes);
          setStatus({ kind: 'newer' });
        } else if (result.status === 'invalid') {
          setAutoErrors(result.errors);
          setStatus({ kind: 'invalid' });
        } else {
          setStatus({ kind: 'refused', error: result.formError });
        }
      } catch {
        // The network went on the way: the changes stay kept on the phone.
        setStatus({ kind: 'offline' });
      }
    },
    [id, locale],
  );

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const changes = keepMore(loadPending(id), id, version.current, readForm(), new Date());
    storePending(changes);
    // While a newer copy is shown, nothing goes on its own: the member chooses.
    if (blocked.current) {
      setKept(changes);
      return;
    }
    const run = (inFlight.current ?? Promise.resolve()).then(() => send(changes));
    inFlight.current = run.finally(() => {
      if (inFlight.current === run) inFlight.current = null;
    });
  }, [id, readForm, send]);

  // Changes kept on this phone from before: sent, forgotten, or shown against a newer copy.
  useEffect(() => {
    const changes = loadPending(id);
    if (changes) {
      const decision = decidePending(changes, { version: props.version, draft: props.draft });
      if (decision === 'same') clearPending(id);
      else if (decision === 'send') {
        const form = formRef.current;
        for (const [name, value] of Object.entries(changes.entries)) {
          const control = form?.elements.namedItem(name);
          if (
            control instanceof HTMLInputElement ||
            control instanceof HTMLTextAreaElement ||
            control instanceof HTMLSelectElement
          )
            control.value = value;
        }
        setLive(readForm());
        void send(changes);
      } else {
        blocked.current = true;
        setNewer({ version: props.version, updatedAt: props.updatedAt, updatedAtText: props.updatedAtText });
        setKept(changes);
        setStatus({ kind: 'newer' });
      }
    }
    const online = () => {
      const waiting = loadPending(id);
      if (waiting && !blocked.current) void send(waiting);
    };
    const leaving = () => {
      if (timer.current) flush();
    };
    window.addEventListener('online', online);
    window.addEventListener('pagehide', leaving);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('pagehide', leaving);
      clearTimeout(timer.current);
    };
    // Once, when the step is drawn: its props are the server's copy it started from.
  }, []);

  const onInput = () => {
    setLive(readForm());
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, AUTOSAVE_MS);
  };

  const submitting = useRef(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting.current || pending) return;
    const element = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    clearTimeout(timer.current);
    timer.current = undefined;
    if (!navigator.onLine) {
      flush();
      return;
    }
    submitting.current = true;
    // An autosave on its way first, so the step saves from the version it answers.
    void (inFlight.current ?? Promise.resolve()).then(() => {
      const data = new FormData(element, submitter);
      data.set('baseVersion', String(version.current));
      startTransition(() => form.formAction(data));
      submitting.current = false;
    });
  };

  const useMine = async () => {
    if (!kept) return;
    blocked.current = false;
    await send(kept, true);
    window.location.reload();
  };
  const keepSaved = () => {
    clearPending(id);
    window.location.reload();
  };

  const errors = { ...state.errors, ...autoErrors };
  const errorText = (key: string) => t(`errors.${key}`);
  const value = (name: string) => values[name] ?? '';
  const categories = useMemo(
    () => BUDGET_CATEGORIES.map((category) => ({ value: category, label: t(`categories.${category}`) })),
    [t],
  );

  const rowCount = Number(props.entries.rows ?? 0) || 0;
  const rows = step === 'budget' ? rowCount + 1 : 0;
  const applied = applyEntries({ plan: props.draft.plan, budget: [] }, live);
  const totals = totalsOf(applied.draft.budget);
  const amount = (minor: number) => formatMoney(locale, minor, currency);

  const newerNotice = state.newer ?? (status.kind === 'newer' ? newer : undefined);

  return (
    <div ref={wrapper}>
      <PlainForm
        bound={{ formAction: form.formAction, onSubmit }}
        errors={errors}
        errorText={errorText}
        className={`card ${styles.stepForm}`}
        onInput={onInput}
        data-step-form={step}
        data-version={version.current}
      >
        <button type="submit" name="intent" value="next" hidden tabIndex={-1} aria-hidden="true" />
        <p className={styles.saveStatus} role="status" aria-live="polite" data-save-status={status.kind}>
          {status.kind === 'saving' && t('autosave.saving')}
          {status.kind === 'saved' &&
            t('autosave.saved', { time: format.dateTime(new Date(status.at), { timeStyle: 'short' }) })}
          {status.kind === 'offline' && t('autosave.offline')}
          {status.kind === 'invalid' && t('autosave.invalid')}
          {status.kind === 'refused' && t(`errors.${status.error}`)}
        </p>
        <FormMessage message={state.formError && !state.newer ? t(`errors.${state.formError}`) : undefined} />
        {newerNotice && (
          <div className={`notice error ${styles.newer}`} role="alert" data-newer-copy={newerNotice.version}>
            <p>{t('newer.kept', { time: newerNotice.updatedAtText })}</p>
            <p>{t('newer.rule')}</p>
            {kept && status.kind === 'newer' ? (
              <>
                <p>{t('newer.yoursBelow')}</p>
                <dl className={styles.kept} data-kept-changes>
                  {Object.entries(kept.entries)
                    .filter(
                      ([name, text]) =>
                        text !== ((newer?.entries ?? props.entries)[name] ?? '') &&
                        name !== 'rows' &&
                        !name.endsWith('.id'),
                    )
                    .map(([name, text]) => (
                      <div key={name}>
                        <dt>{fieldLabel(t, name, format.number)}</dt>
                        <dd>{text || '—'}</dd>
                      </div>
                    ))}
                </dl>
                <div className="actions">
                  <button type="button" className="primary" onClick={useMine} data-use-mine>
                    {t('newer.useMine')}
                  </button>
                  <button type="button" className="secondary" onClick={keepSaved} data-keep-saved>
                    {t('newer.keepSaved')}
                  </button>
                </div>
              </>
            ) : (
              <p>
                {t('newer.formBelow')} <a href={permalink}>{t('newer.seeSaved')}</a>
              </p>
            )}
          </div>
        )}
        <Hidden fields={{ locale, id, step, baseVersion: state.version }} />

        {step === 'plan' && (
          <>
            <TextField
              name="title"
              label={t('fields.title')}
              hint={t('hints.title')}
              defaultValue={value('title')}
              maxLength={200}
              required
            />
            <TextAreaField
              name="objectives"
              label={t('fields.objectives')}
              hint={t('hints.objectives')}
              defaultValue={value('objectives')}
              maxLength={4000}
              rows={4}
              required
            />
            <TextAreaField
              name="description"
              label={t('fields.description')}
              hint={t('hints.description')}
              defaultValue={value('description')}
              maxLength={8000}
              rows={6}
              required
            />
            <TextAreaField
              name="expectedResults"
              label={t('fields.expectedResults')}
              hint={t('hints.expectedResults')}
              defaultValue={value('expectedResults')}
              maxLength={4000}
              rows={4}
              required
            />
          </>
        )}

        {step === 'place' && (
          <>
            <SelectField
              name="provinceCode"
              label={t('fields.provinceCode')}
              placeholder={t('choose')}
              choices={props.provinces.map((province) => ({ value: province.code, label: province.name }))}
              defaultValue={value('provinceCode')}
              required
            />
            <TextField
              name="place"
              label={t('fields.place')}
              hint={t('hints.place')}
              defaultValue={value('place')}
              maxLength={300}
              required
            />
            <div className={styles.pair}>
              <TextField
                name="startsOn"
                type="date"
                label={t('fields.startsOn')}
                hint={t('hints.date')}
                defaultValue={value('startsOn')}
                required
              />
              <TextField
                name="endsOn"
                type="date"
                label={t('fields.endsOn')}
                hint={t('hints.date')}
                defaultValue={value('endsOn')}
                required
              />
            </div>
          </>
        )}

        {step === 'people' && (
          <>
            <p className="hint">{t('hints.beneficiaries')}</p>
            <div className={styles.pair}>
              <TextField
                name="beneficiariesWomen"
                label={t('fields.beneficiariesWomen')}
                inputMode="numeric"
                defaultValue={value('beneficiariesWomen')}
                required
              />
              <TextField
                name="beneficiariesMen"
                label={t('fields.beneficiariesMen')}
                inputMode="numeric"
                defaultValue={value('beneficiariesMen')}
                required
              />
            </div>
          </>
        )}

        {step === 'budget' && (
          <>
            <p className="hint">{t('hints.budget', { currency })}</p>
            {errors.budget && (
              <p className="notice error" role="alert" id="budget-error">
                {errorText(errors.budget)}
              </p>
            )}
            <Hidden fields={{ rows }} />
            {Array.from({ length: rows }, (_, row) => {
              const lineId = row < rowCount ? value(lineField(row, 'id')) : props.blankId;
              const line = applied.draft.budget.find((entry) => entry.id === lineId);
              return (
                <fieldset key={lineId} className={styles.line} data-budget-row={row}>
                  <legend>
                    {row < rowCount ? t('budget.line', { n: format.number(row + 1) }) : t('budget.newLine')}
                  </legend>
                  <Hidden fields={{ [lineField(row, 'id')]: lineId }} />
                  <SelectField
                    name={lineField(row, 'category')}
                    label={t('fields.category')}
                    placeholder={t('choose')}
                    choices={categories}
                    defaultValue={value(lineField(row, 'category'))}
                  />
                  <TextField
                    name={lineField(row, 'description')}
                    label={t('fields.lineDescription')}
                    defaultValue={value(lineField(row, 'description'))}
                    maxLength={300}
                  />
                  <div className={styles.triple}>
                    <TextField
                      name={lineField(row, 'unitCost')}
                      label={t('fields.unitCost')}
                      inputMode="decimal"
                      defaultValue={value(lineField(row, 'unitCost'))}
                    />
                    <TextField
                      name={lineField(row, 'quantity')}
                      label={t('fields.quantity')}
                      inputMode="numeric"
                      defaultValue={value(lineField(row, 'quantity'))}
                    />
                    <TextField
                      name={lineField(row, 'contribution')}
                      label={t('fields.contribution')}
                      hint={t('hints.contribution')}
                      inputMode="decimal"
                      defaultValue={value(lineField(row, 'contribution'))}
                    />
                  </div>
                  {line && (
                    <p className={styles.lineTotal} data-line-total>
                      {t('budget.lineTotal', { amount: amount(line.unitCost * line.quantity) })}
                    </p>
                  )}
                  {row < rowCount && (
                    <button
                      type="submit"
                      name="intent"
                      value={`remove:${lineId}`}
                      className="secondary"
                      data-remove-line={row}
                    >
                      {t('budget.remove')}
                    </button>
                  )}
                </fieldset>
              );
            })}
            <button type="submit" name="intent" value="stay" className="secondary" data-add-line>
              {t('budget.add')}
            </button>
            <dl className={styles.totals} aria-live="polite" data-budget-totals>
              <div>
                <dt>{t('budget.total')}</dt>
                <dd data-total={totals.total}>{amount(totals.total)}</dd>
              </div>
              <div>
                <dt>{t('budget.contribution')}</dt>
                <dd data-contribution={totals.contribution}>{amount(totals.contribution)}</dd>
              </div>
              <div>
                <dt>{t('budget.requested')}</dt>
                <dd data-requested={totals.requested}>
                  <strong>{amount(totals.requested)}</strong>
                </dd>
              </div>
            </dl>
            {props.maxAmount !== null && (
              <p className={totals.requested > props.maxAmount ? 'notice error' : 'hint'} data-ceiling>
                {t('budget.limits', { min: amount(props.minAmount ?? 0), max: amount(props.maxAmount) })}
              </p>
            )}
          </>
        )}

        <div className="actions">
          <button
            className="primary"
            type="submit"
            name="intent"
            value="next"
            disabled={pending}
            data-save-next
          >
            {pending ? t('working') : t('saveNext')}
          </button>
          {step !== 'plan' && (
            <button
              className="secondary"
              type="submit"
              name="intent"
              value="back"
              disabled={pending}
              data-save-back
            >
              {t('saveBack')}
            </button>
          )}
        </div>
      </PlainForm>
    </div>
  );
}

/** A field's label for the list of kept changes: a budget line's part says its line. */
function fieldLabel(
  t: ReturnType<typeof useTranslations>,
  name: string,
  number: (value: number) => string,
): string {
  const line = /^budget\.(\d+)\.(\w+)$/.exec(name);
  if (line) {
    const part = t(`fields.${line[2] === 'description' ? 'lineDescription' : line[2]}`);
    return `${t('budget.line', { n: number(Number(line[1]) + 1) })}: ${part}`;
  }
  return t(`fields.${name}`);
}
