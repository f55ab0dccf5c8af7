'use server';

import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CboDraft, toFieldIssues, type DuplicateCandidate } from '@bandanh/contracts';
import { redirect } from '@/i18n/navigation';
import { pipelineApi, refusalOf } from '@/lib/api/pipeline';
import { afterFailure } from '@/lib/auth';
import { GatewayError } from '@/lib/gateway';
import {
  CBO_FIELDS,
  CONTACT_PARTS,
  CONTACT_ROWS,
  fieldErrorsFrom,
  type CboField,
  type FormErrorKey,
} from '@/lib/form-errors';
import { localeOf } from '@/lib/locale';

const PATH = '/cbos/new';

/** What was typed, to show again on a refusal: text fields by name, the ticked issues, the consent. */
export interface CboFormValues {
  text: Partial<Record<CboField, string>>;
  focusIssues: string[];
  publishContacts: boolean;
}

export interface CboFormState {
  idempotencyKey: string;
  values: CboFormValues;
  fieldErrors: Partial<Record<CboField, FormErrorKey>>;
  formError?: FormErrorKey;
  /** CBOs like this one, already recorded: the coordinator looks before saving. */
  duplicates?: DuplicateCandidate[];
}

function formErrorFor(error: unknown): Pick<CboFormState, 'fieldErrors' | 'formError'> {
  if (error instanceof GatewayError) {
    if (error.body.code === 'VALIDATION_FAILED') {
      return { fieldErrors: fieldErrorsFrom(error.body.details?.issues ?? []), formError: 'invalid' };
    }
    if (error.body.code === 'IDEMPOTENCY_KEY_REUSED') return { fieldErrors: {}, formError: 'keyReused' };
    if (error.body.code === 'UNAVAILABLE') return { fieldErrors: {}, formError: 'unavailable' };
    if (error.body.code === 'FORBIDDEN') return { fieldErrors: {}, formError: 'notAllowed' };
  }
  return { fieldErrors: {}, formError: 'unexpected' };
}

const TEXT_FIELDS = [
  ...CBO_FIELDS.filter((field) => field !== 'focusIssues'),
  ...Array.from({ length: CONTACT_ROWS }, (_, row) =>
    CONTACT_PARTS.map((part) => `contacts.${row}.${part}` as const),
  ).flat(),
];

function valuesOf(formData: FormData): CboFormValues {
  const text = Object.fromEntries(
    TEXT_FIELDS.map((field) => [field, String(formData.get(field) ?? '').slice(0, 2100)]),
  ) as CboFormValues['text'];
  return {
    text,
    focusIssues: formData.getAll('focusIssues').map(String).slice(0, 10),
    publishContacts: formData.get('publishContacts') === 'on',
  };
}

/** The contact rows with anything typed in them, each with the form row it came from. */
function contactRows({ text }: CboFormValues) {
  return Array.from({ length: CONTACT_ROWS }, (_, row) => ({
    row,
    contact: {
      name: text[`contacts.${row}.name`] ?? '',
      phone: text[`contacts.${row}.phone`] ?? '',
      role: text[`contacts.${row}.role`] ?? '',
    },
  })).filter(({ contact }) => contact.name || contact.phone || contact.role);
}

/** The draft the API takes: blank optional fields are left out. */
function draftOf(
  values: CboFormValues,
  contacts: Array<{ name: string; phone: string; role: string }>,
  acknowledgeDuplicates: boolean,
) {
  const { text } = values;
  const optional = (field: CboField) => text[field] || undefined;
  return {
    name: text.name ?? '',
    nameKm: text.nameKm,
    provinceCode: text.provinceCode ?? '',
    district: text.district,
    commune: text.commune,
    village: text.village,
    focusIssues: values.focusIssues,
    purpose: optional('purpose'),
    membersCount: optional('membersCount'),
    contacts,
    publishContacts: values.publishContacts,
    about: text.about,
    foundVia: text.foundVia ?? '',
    foundOn: optional('foundOn'),
    fieldVisitId: optional('fieldVisitId'),
    acknowledgeDuplicates,
  };
}

/**
 * Records a candidate CBO. The form carries an idempotency key made when the page was
 * rendered, so sending the same form twice records one CBO. A CBO like one already recorded
 * is shown to the coordinator instead of saved; saving it anyway is another request, with a
 * new key.
 */
export async function recordCbo(previous: CboFormState, formData: FormData): Promise<CboFormState> {
  const locale = localeOf(formData.get('locale'));
  const idempotencyKey = String(formData.get('idempotencyKey') || previous.idempotencyKey);
  const values = valuesOf(formData);
  const acknowledge = formData.get('acknowledgeDuplicates') === 'on';

  const rows = contactRows(values);
  const draft = CboDraft.safeParse(
    draftOf(
      values,
      rows.map(({ contact }) => contact),
      acknowledge,
    ),
  );
  if (!draft.success) {
    // An issue names a contact by its place among those sent: name the form's row instead.
    const issues = toFieldIssues(draft.error).map((issue) => ({
      ...issue,
      path: issue.path.replace(/^contacts\.(\d+)/, (_, sent: string) => `contacts.${rows[Number(sent)].row}`),
    }));
    const fieldErrors = fieldErrorsFrom(issues);
    const formError = Object.keys(fieldErrors).length ? undefined : 'invalid';
    return { idempotencyKey, values, fieldErrors, formError };
  }

  let result: Awaited<ReturnType<typeof pipelineApi.createCbo>>;
  try {
    result = await pipelineApi.createCbo(idempotencyKey, draft.data);
  } catch (error) {
    // A session that ended meanwhile goes to sign in, and comes back to a new form.
    afterFailure(error, locale, PATH);
    const refusal = refusalOf(error);
    if (refusal?.reason === 'possible_duplicate') {
      return { idempotencyKey: randomUUID(), values, fieldErrors: {}, duplicates: refusal.duplicates };
    }
    return { idempotencyKey, values, ...formErrorFor(error) };
  }
  const query: Record<string, string> = { created: result.cbo.id };
  if (!result.created) query.replayed = '1';
  redirect({ href: { pathname: '/cbos', query }, locale });
  return previous;
}

export interface VisitLinkState {
  formError?: FormErrorKey;
}

const VisitLink = z.object({ visitId: z.uuid(), cboId: z.uuid() });

/**
 * "This is the one": the CBO met on the visit is one already recorded, so the visit is linked
 * to it instead of recording it twice. Linking twice changes nothing.
 */
export async function linkToVisit(_previous: VisitLinkState, formData: FormData): Promise<VisitLinkState> {
  const locale = localeOf(formData.get('locale'));
  const link = VisitLink.safeParse({ visitId: formData.get('visitId'), cboId: formData.get('cboId') });
  if (!link.success) return { formError: 'unexpected' };
  try {
    await pipelineApi.linkToVisit(link.data.visitId, link.data.cboId);
  } catch (error) {
    const failure = afterFailure(error, locale, PATH);
    if (failure === 'notFound') return { formError: 'visitGone' };
    return { formError: formErrorFor(error).formError };
  }
  return redirect({ href: { pathname: `/cbos/${link.data.cboId}`, query: { visitLinked: '1' } }, locale });
}
