import type { ServiceAuditEntry } from '@bandanh/platform';

// The audit helpers are the platform's; the grants service's names for them.
export { auditActorOf, auditAppend, type AuditActor } from '@bandanh/platform';

/** One change of grants data, for the audit log. */
export type GrantsAuditEntry = ServiceAuditEntry;
