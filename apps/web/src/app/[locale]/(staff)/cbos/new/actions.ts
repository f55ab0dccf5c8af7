'use server';

import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CboDraft, toFieldIssues, type DuplicateCandidate } from '@bandanh/contracts';
import { redirect } from '@/i18n/navigation';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import {
  CBO_FIELDS,
  CONTACT_PARTS,
  CONTACT_ROWS,
  fieldErrorsFrom,
  type CboField,
  type FormErrorKey,
} from '@/lib/form-errors';
import { FORM_WORDING, pipelineFacts, reasonOf } from '@/lib/refusal';

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

/** How the CBO form words a refusal (`form.errors`); a form sent twice with other details is `keyReused`. */
const WORDING = { ...FORM_WORDING, fields: fieldErrorsFrom };

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

  return submit(formData, {
    // A session that ended meanwhile goes to sign in, and comes back to a new form.
    path: PATH,
    send: () => api(ROUTES.createCbo, { idempotencyKey, body: draft.data }),
    wording: WORDING,
    refused: (refusal, error) => {
      const { duplicates } = pipelineFacts(error);
      if (reasonOf(error) === 'possible_duplicate' && duplicates) {
        return { idempotencyKey: randomUUID(), values, fieldErrors: {}, duplicates };
      }
      return { idempotencyKey, values, ...refusal };
    },
    done: ({ cbo, created, warnings }, locale) => {
      const query: Record<string, string> = { created: cbo.id };
      if (!created) query.replayed = '1';
      if (warnings.some((warning) => warning.code === 'province_not_open')) query.notOpen = '1';
      return redirect({ href: { pathname: '/cbos', query }, locale });
    },
  });
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
  const link = VisitLink.safeParse({ visitId: formData.get('visitId'), cboId: formData.get('cboId') });
  if (!link.success) return { formError: 'unexpected' };
  const { visitId, cboId } = link.data;
  return submit(formData, {
    path: PATH,
    send: () => api(ROUTES.linkCboToVisit, { params: { id: visitId }, body: { cboId } }),
    wording: { ...FORM_WORDING, NOT_FOUND: 'visitGone' },
    refused: ({ formError }) => ({ formError }),
    done: (_visit, locale) =>
      redirect({ href: { pathname: `/cbos/${cboId}`, query: { visitLinked: '1' } }, locale }),
  });
}
