import 'server-only';
import { z } from 'zod';
import {
  ExpansionDashboard,
  ExpansionPhase,
  FieldVisit,
  HotlineCall,
  NetworkSettings,
  Partner,
  Referral,
  TargetProgress,
  type ErrorBody,
  type FieldVisitDraft,
  type HotlineCallDraft,
  type PartnerDraft,
  type TargetDraft,
} from '@bandanh/contracts';
import { GatewayError, call, post } from '@/lib/gateway';

const put = (body: unknown): RequestInit => ({ method: 'PUT', body: JSON.stringify(body) });
/** A create command, sent once per key: the key is made when its form is rendered. */
const keyed = (key: string, body: unknown): RequestInit => ({
  ...post(body),
  headers: { 'idempotency-key': key },
});
const at = (id: string) => encodeURIComponent(id);

const SavedPartner = z.object({ partner: Partner, created: z.boolean() });
const SavedSettings = z.object({ settings: NetworkSettings, updatedAt: z.iso.datetime().nullable() });

/** The programme's part of the gateway's API: hotline, partners, field visits, expansion and settings. */
export const programme = {
  listPartners: (includeInactive = false) =>
    call(
      z.object({ items: z.array(Partner) }),
      `/api/partners${includeInactive ? '?includeInactive=true' : ''}`,
    ),
  createPartner: (key: string, draft: PartnerDraft) => call(SavedPartner, '/api/partners', keyed(key, draft)),
  updatePartner: (id: string, draft: PartnerDraft) =>
    call(SavedPartner, `/api/partners/${at(id)}`, put(draft)),

  listCalls: (cboId: string) =>
    call(z.object({ items: z.array(HotlineCall) }), `/api/cbos/${at(cboId)}/hotline`),
  logCall: (cboId: string, key: string, draft: HotlineCallDraft) =>
    call(
      z.object({ call: HotlineCall, created: z.boolean() }),
      `/api/cbos/${at(cboId)}/hotline`,
      keyed(key, draft),
    ),

  listReferrals: (status?: Referral['status']) =>
    call(z.object({ items: z.array(Referral) }), `/api/referrals${status ? `?status=${status}` : ''}`),
  recordOutcome: (id: string, body: { outcome: NonNullable<Referral['outcome']>; note?: string }) =>
    call(z.object({ referral: Referral }), `/api/referrals/${at(id)}/outcome`, post(body)),

  listFieldVisits: () => call(z.object({ items: z.array(FieldVisit) }), '/api/field-visits'),
  createFieldVisit: (key: string, draft: FieldVisitDraft) =>
    call(z.object({ visit: FieldVisit, created: z.boolean() }), '/api/field-visits', keyed(key, draft)),

  expansion: () => call(ExpansionDashboard, '/api/expansion'),
  savePlan: (phases: Array<{ provinces: string[]; opensOn: string }>) =>
    call(z.object({ phases: z.array(ExpansionPhase) }), '/api/expansion/plan', put({ phases })),
  saveTargets: (targets: TargetDraft[]) =>
    call(z.object({ targets: z.array(TargetProgress) }), '/api/expansion/targets', put({ targets })),

  settings: () => call(SavedSettings, '/api/settings/network'),
  saveSettings: (settings: NetworkSettings) => call(SavedSettings, '/api/settings/network', put(settings)),
};

/** Keys under `<namespace>.errors` that every programme form may show at its top. */
export type FormErrorKey = 'summary' | 'invalid' | 'keyReused' | 'notAllowed' | 'unavailable' | 'unexpected';

type Issues = NonNullable<NonNullable<ErrorBody['details']>['issues']>;

/**
 * What a form says when the API refuses: a validation error by field (`toErrors` names the form's
 * fields and message keys), else one message key; a conflict or a missing record names its own.
 */
export function refused<Key extends string>(
  error: unknown,
  toErrors: (issues: Issues) => Record<string, string>,
  { conflict, notFound }: { conflict?: (body: ErrorBody) => Key; notFound?: Key } = {},
): { errors: Record<string, string>; formError: FormErrorKey | Key } {
  const body = error instanceof GatewayError ? error.body : undefined;
  const only = (formError: FormErrorKey | Key) => ({ errors: {}, formError });
  switch (body?.code) {
    case 'VALIDATION_FAILED': {
      const errors = toErrors(body.details?.issues ?? []);
      return { errors, formError: Object.keys(errors).length > 0 ? 'summary' : 'invalid' };
    }
    case 'IDEMPOTENCY_KEY_REUSED':
      return only('keyReused');
    case 'CONFLICT':
      return only(conflict?.(body) ?? 'unexpected');
    case 'NOT_FOUND':
      return only(notFound ?? 'unexpected');
    case 'FORBIDDEN':
      return only('notAllowed');
    case 'UNAVAILABLE':
      return only('unavailable');
    default:
      return only('unexpected');
  }
}

/** A calendar date (YYYY-MM-DD) as the instant it starts in Phnom Penh, for the formatter. */
export const calendarDate = (date: string) => new Date(`${date}T00:00:00+07:00`);
