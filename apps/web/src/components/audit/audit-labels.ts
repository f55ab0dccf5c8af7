import type { AuditEntry, AuditPageView } from '@bandanh/contracts';

/** Every action the services write, in the order the "what" filter lists them. */
export const AUDIT_ACTIONS = [
  'network.cbo.create',
  'network.cbo.apply',
  'cbo.duplicate.distinct',
  'cbo.duplicate.merged',
  'network.cbo.recordStage',
  'network.assessment.record',
  'cbo.assessment.reopen',
  'cbo.selection.decide',
  'cbo.withdraw',
  'network.hotline.log',
  'hotline.call.correct',
  'network.referral.create',
  'network.referral.recordOutcome',
  'network.partner.create',
  'network.partner.update',
  'network.fieldVisit.create',
  'network.fieldVisit.linkCbo',
  'network.settings.update',
  'network.expansion.savePlan',
  'network.expansion.saveTargets',
  'network.expansion.openDue',
  'session.sign_in',
  'session.sign_out',
  'account.sign_up',
  'account.roles_change',
  'password.change',
  'password_reset.request',
  'password_reset.complete',
  'mfa.enable',
  'mfa.recovery_code_used',
  'mfa.recovery_codes_regenerate',
  'mfa.reset',
  'invitation.create',
  'invitation.accept',
  'invitation.revoke',
  'cbo_link.issue',
  'cbo_link.redeem',
  'cbo_claim.create',
  'cbo_claim.confirm',
  'cbo_claim.decline',
  'notification.sent',
  'notification.failed',
  'http.denied',
] as const;

/** The kinds of record an entry is about, for the "record" filter. */
export const AUDIT_TARGETS = [
  'cbo',
  'assessment',
  'hotline_call',
  'referral',
  'partner',
  'field_visit',
  'settings',
  'expansion_plan',
  'expansion_targets',
  'expansion_phase',
  'user',
  'invitation',
  'cbo_claim',
  'notification',
  'route',
] as const;

/** The services that act in their own name. */
export const AUDIT_SERVICES = ['orchestrator', 'network', 'identity', 'gateway'] as const;

/** The catalog key of an action: its dotted parts, each a level of the `actions` group. */
export const actionKey = (action: string) => `actions.${action}`;

/** A record's name in the reader's language: a CBO's Khmer name in Khmer, when it has one. */
export function recordName(
  records: AuditPageView['records'],
  id: string | null | undefined,
  locale: string,
): string | undefined {
  const record = id ? records[id] : undefined;
  if (!record) return undefined;
  return locale === 'km' && record.nameKm ? record.nameKm : record.name;
}

/** Facts not worth a reader's time: who recorded it, and what the record column shows. */
const HIDDEN = new Set(['recordedBy', 'requestedBy', 'cboId', 'name', 'before', 'after']);

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** The details as one line: each fact, and for a change each field "before → after". */
export function detailsText(details: AuditEntry['details']): string {
  const parts = Object.entries(details)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => `${key}: ${text(value)}`);
  const before = (details.before ?? {}) as Record<string, unknown>;
  const after = details.after;
  if (after && typeof after === 'object' && !Array.isArray(after)) {
    for (const [key, value] of Object.entries(after as Record<string, unknown>)) {
      parts.push(`${key}: ${text(before[key] ?? '—')} → ${text(value)}`);
    }
  } else if (after !== undefined) {
    parts.push(`${text(details.before ?? '—')} → ${text(after)}`);
  }
  return parts.join('; ');
}
