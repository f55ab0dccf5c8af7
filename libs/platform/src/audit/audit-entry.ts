import {
  AUDIT_BATCH_MAX,
  appendAudit,
  appendAuditEntries,
  type Caller,
  type RequestOf,
} from '@bandanh/contracts';
import type { OutboxBatch } from '../db/outbox';

/**
 * Who made a change, as the audit log names them: a person's account id, a service
 * (`system:<service>`, e.g. the orchestrator recording a stage), or null for the public.
 */
export type AuditActor = string | null;

/** The actor of a change asked by `caller`: the person, the service, or the public. */
export function auditActorOf(caller: Caller): AuditActor {
  if (caller.kind === 'staff' || caller.kind === 'applicant') return caller.userId;
  if (caller.kind === 'system') return `system:${caller.service}`;
  return null;
}

/**
 * One change of a service's data, for the audit log (what the service writes; identity's
 * `AuditEntry` in the contracts is the record it keeps).
 */
export interface ServiceAuditEntry {
  /** What was done, e.g. `training.module.create`. */
  action: string;
  /** Which record: its type (`module`, `grant_round`, `cbo`…) and id. */
  target: { type: string; id: string };
  actor: AuditActor;
  /**
   * A stable id of the change (the new record's, the workflow step's): the outbox may send
   * the entry more than once, and identity records it once.
   */
  eventId: string;
  /** What the change was; for a setting, `before` and `after`. Never secrets. */
  details?: Record<string, unknown>;
  outcome?: 'success' | 'failure' | 'denied';
}

/**
 * The append for identity's audit log. A service sends it through its outbox, so the entry
 * commits with the change in one transaction; the actor is named as `onBehalfOf` (the relay
 * calls as the service, which the entry then says recorded it).
 */
export function auditAppend(entry: ServiceAuditEntry): RequestOf<typeof appendAudit> {
  return {
    action: entry.action,
    targetType: entry.target.type,
    targetId: entry.target.id,
    outcome: entry.outcome ?? 'success',
    onBehalfOf: entry.actor,
    eventId: entry.eventId.slice(0, 200),
    details: entry.details ?? {},
  };
}

/**
 * A service outbox's audit entries go to identity together (up to AUDIT_BATCH_MAX in one
 * request, one turn of the chain's lock), not one request and one lock each.
 */
export const AUDIT_OUTBOX_BATCH: OutboxBatch = {
  of: appendAudit,
  as: appendAuditEntries,
  max: AUDIT_BATCH_MAX,
};
