import type { ServiceAuditEntry } from '@bandanh/platform';

// The audit helpers are the platform's; the training service's names for them.
export { auditActorOf, auditAppend, type AuditActor } from '@bandanh/platform';

/** One change of training data, for the audit log. */
export type TrainingAuditEntry = ServiceAuditEntry;
