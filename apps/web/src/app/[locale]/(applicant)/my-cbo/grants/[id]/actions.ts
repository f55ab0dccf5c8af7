'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ApplicationDraft, GrantApplication, toFieldIssues } from '@bandanh/contracts';
import {
  applyEntries,
  draftOf,
  entriesFrom,
  entriesOf,
  isStep,
  nextStep,
  previousStep,
  type Entries,
  type FieldErrorKey,
  type Step,
} from '@/components/grants-member/draft';
import { fieldErrorsOf, issuesByStep, type FormIssue } from '@/components/grants-member/issues';
import { when } from '@/components/grants-member/format';
import { getLocalFormat } from '@/i18n/local-format-server';
import { redirect } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { api, GatewayError, ROUTES } from '@/lib/api';
import { afterFailure } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { codeOf, reasonOf } from '@/lib/refusal';

/** What a step's form says at its top after a refusal: a key of `grantsMember.errors`. */
export type StepFormError =
  | 'summary'
  | 'notEditable'
  | 'notFound'
  | 'notAllowed'
  | 'unavailable'
  | 'unexpected'
  | 'roundNotOpen'
  | 'keyReused';

/** A newer copy on the server than the one the member's changes were typed on. */
export interface Newer {
  version: number;
  updatedAt: string;
  /** When, said in the member's language and Phnom Penh time. */
  updatedAtText: string;
  /** Its fields as the form shows them, for the member to compare with their own. */
  entries?: Entries;
}

export interface StepState {
  /** The version the form's changes start from (after a conflict: the server's, to save over it). */
  version: number;
  /** What was typed, when the form comes back refused. */
  values?: Entries;
  errors: Record<string, FieldErrorKey>;
  formError?: StepFormError;
  newer?: Newer;
}

const pathOf = (id: string) => `/my-cbo/grants/${id}`;

const Id = z.uuid();

/** The newer copy a `draft_newer` refusal carries (`details.current`). */
async function newerOf(error: unknown, locale: Locale): Promise<Newer | undefined> {
  if (!(error instanceof GatewayError) || reasonOf(error) !== 'draft_newer') return undefined;
  const current = z
    .object({ version: z.number().int(), updatedAt: z.string() })
    .safeParse(error.body.details?.current);
  if (!current.success) return undefined;
  const whole = GrantApplication.safeParse(error.body.details?.current);
  return {
    version: current.data.version,
    updatedAt: current.data.updatedAt,
    updatedAtText: when(await getLocalFormat(locale), current.data.updatedAt),
    ...(whole.success ? { entries: entriesFrom(draftOf(whole.data)) } : {}),
  };
}

function formErrorOf(error: unknown): StepFormError {
  const reason = reasonOf(error);
  if (reason === 'not_editable') return 'notEditable';
  if (reason === 'round_not_open') return 'roundNotOpen';
  switch (codeOf(error)) {
    case 'NOT_FOUND':
      return 'notFound';
    case 'FORBIDDEN':
      return 'notAllowed';
    case 'UNAVAILABLE':
      return 'unavailable';
    case 'IDEMPOTENCY_KEY_REUSED':
      return 'keyReused';
    default:
      return 'unexpected';
  }
}

type Saved =
  | { ok: true; application: GrantApplication; saved: boolean }
  | {
      ok: false;
      errors: Record<string, FieldErrorKey>;
      formError?: StepFormError;
      newer?: Newer;
      error?: unknown;
    };

/**
 * Lays the fields sent over the server's copy and saves the whole draft from `baseVersion`:
 * what the form typed wrong is said before the API is asked; the API's refusals come back as
 * field errors, a newer copy, or a message.
 */
async function saveEntries(
  locale: Locale,
  id: string,
  baseVersion: number,
  entries: Entries,
  remove?: string,
): Promise<Saved> {
  let current: GrantApplication;
  try {
    current = (await api(ROUTES.getGrantApplication, { params: { id } })).application;
  } catch (error) {
    return { ok: false, errors: {}, formError: formErrorOf(error), error };
  }
  const { draft, errors, rows } = applyEntries(draftOf(current), entries, remove);
  const parsed = ApplicationDraft.safeParse(draft);
  if (!parsed.success || Object.keys(errors).length > 0) {
    const issues = parsed.success ? [] : toFieldIssues(parsed.error);
    return { ok: false, errors: { ...fieldErrorsOf(issues, rows), ...errors }, formError: 'summary' };
  }
  try {
    const { application, saved } = await api(ROUTES.saveGrantApplication, {
      params: { id },
      body: { baseVersion, draft: parsed.data },
    });
    return { ok: true, application, saved };
  } catch (error) {
    const newer = await newerOf(error, locale);
    if (newer) return { ok: false, errors: {}, newer };
    if (codeOf(error) === 'VALIDATION_FAILED') {
      const issues = error instanceof GatewayError ? (error.body.details?.issues ?? []) : [];
      const fieldErrors = fieldErrorsOf(issues, rows);
      return {
        ok: false,
        errors: fieldErrors,
        formError: Object.keys(fieldErrors).length ? 'summary' : 'unexpected',
      };
    }
    return { ok: false, errors: {}, formError: formErrorOf(error), error };
  }
}

/** The form's own fields, apart from the draft's. */
const CONTROL = ['locale', 'id', 'baseVersion', 'step', 'intent'];

function draftEntries(formData: FormData): Entries {
  const entries = entriesOf(formData.entries());
  for (const name of CONTROL) delete entries[name];
  for (const name of Object.keys(entries)) if (name.startsWith('$ACTION')) delete entries[name];
  return entries;
}

/**
 * One step of the form, without or with JavaScript: saves the draft on the server and goes on
 * (`intent` next), back, or stays (to add a budget line, or remove one: `remove:<line id>`).
 */
export async function saveStep(previous: StepState, formData: FormData): Promise<StepState> {
  const locale = localeOf(formData.get('locale'));
  const id = Id.safeParse(formData.get('id'));
  const step: Step = isStep(formData.get('step')) ? (formData.get('step') as Step) : 'plan';
  const baseVersion = Number(formData.get('baseVersion'));
  if (!id.success || !Number.isInteger(baseVersion)) return { ...previous, formError: 'unexpected' };
  const intent = String(formData.get('intent') ?? 'next');
  const remove = intent.startsWith('remove:') ? intent.slice('remove:'.length) : undefined;
  const entries = draftEntries(formData);

  const saved = await saveEntries(locale, id.data, baseVersion, entries, remove);
  if (!saved.ok) {
    if (saved.error) afterFailure(saved.error, locale, pathOf(id.data));
    return {
      version: saved.newer?.version ?? baseVersion,
      values: entries,
      errors: saved.errors,
      formError: saved.formError,
      newer: saved.newer,
    };
  }
  revalidatePath('/', 'layout');
  const goTo = intent === 'back' ? previousStep(step) : intent === 'next' ? nextStep(step) : step;
  return redirect({
    href: { pathname: pathOf(id.data), query: { step: goTo, ...(goTo === step ? { saved: '1' } : {}) } },
    locale,
  });
}

export type AutosaveResult =
  | { status: 'saved'; version: number; savedAt: string; totals: GrantApplication['totals'] }
  | { status: 'newer'; newer: Newer }
  | { status: 'invalid'; errors: Record<string, FieldErrorKey> }
  | { status: 'refused'; formError: StepFormError };

const AutosaveInput = z.object({
  locale: z.string().max(5),
  id: z.uuid(),
  baseVersion: z.number().int().min(0),
  entries: z.record(z.string().max(100), z.string().max(10_000)),
});

/**
 * The form's autosave, called by the browser as the member types (and when the network comes
 * back with changes kept on the phone): the same save as a step's, answered as data.
 */
export async function autosave(input: {
  locale: string;
  id: string;
  baseVersion: number;
  entries: Entries;
}): Promise<AutosaveResult> {
  const parsed = AutosaveInput.safeParse(input);
  if (!parsed.success) return { status: 'refused', formError: 'unexpected' };
  const entries = { ...parsed.data.entries };
  for (const name of CONTROL) delete entries[name];
  const saved = await saveEntries(
    localeOf(parsed.data.locale),
    parsed.data.id,
    parsed.data.baseVersion,
    entries,
  );
  if (saved.ok) {
    return {
      status: 'saved',
      version: saved.application.version,
      savedAt: saved.application.updatedAt,
      totals: saved.application.totals,
    };
  }
  if (saved.newer) return { status: 'newer', newer: saved.newer };
  if (saved.formError === 'summary') return { status: 'invalid', errors: saved.errors };
  return { status: 'refused', formError: saved.formError ?? 'unexpected' };
}

export interface SubmitState {
  idempotencyKey: string;
  version: number;
  issues: FormIssue[];
  formError?: StepFormError | 'draftNewer' | 'invalid';
}

/**
 * Submits the application (once, however often the button is pressed: the key is the form's);
 * what is missing comes back as a list, each with its step.
 */
export async function submitApplication(previous: SubmitState, formData: FormData): Promise<SubmitState> {
  const locale = localeOf(formData.get('locale'));
  const id = Id.safeParse(formData.get('id'));
  const baseVersion = Number(formData.get('baseVersion'));
  const idempotencyKey = String(formData.get('idempotencyKey') ?? previous.idempotencyKey);
  if (!id.success || !Number.isInteger(baseVersion)) return { ...previous, formError: 'unexpected' };
  try {
    await api(ROUTES.submitGrantApplication, {
      params: { id: id.data },
      body: { baseVersion },
      idempotencyKey,
    });
  } catch (error) {
    afterFailure(error, locale, pathOf(id.data));
    if (codeOf(error) === 'VALIDATION_FAILED') {
      const issues = error instanceof GatewayError ? (error.body.details?.issues ?? []) : [];
      return { ...previous, issues: issuesByStep(issues), formError: 'invalid' };
    }
    if (reasonOf(error) === 'draft_newer') {
      return {
        ...previous,
        issues: [],
        version: (await newerOf(error, locale))?.version ?? baseVersion,
        formError: 'draftNewer',
      };
    }
    return { ...previous, issues: [], formError: formErrorOf(error) };
  }
  revalidatePath('/', 'layout');
  return redirect({ href: { pathname: pathOf(id.data), query: { submitted: '1' } }, locale });
}

export interface FileState {
  formError?: 'notEditable' | 'notFound' | 'unavailable' | 'unexpected';
}

/** Takes a file off the draft. */
export async function removeFile(previous: FileState, formData: FormData): Promise<FileState> {
  const locale = localeOf(formData.get('locale'));
  const id = Id.safeParse(formData.get('id'));
  const attachmentId = Id.safeParse(formData.get('attachmentId'));
  if (!id.success || !attachmentId.success) return { formError: 'unexpected' };
  try {
    await api(ROUTES.detachGrantFile, { params: { id: id.data, attachmentId: attachmentId.data } });
  } catch (error) {
    afterFailure(error, locale, pathOf(id.data));
    const formError = formErrorOf(error);
    return {
      formError:
        formError === 'notEditable' || formError === 'notFound' || formError === 'unavailable'
          ? formError
          : 'unexpected',
    };
  }
  return redirect({ href: { pathname: pathOf(id.data), query: { step: 'files', removed: '1' } }, locale });
}
