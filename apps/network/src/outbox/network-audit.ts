import type { ServiceAuditEntry } from '@bandanh/platform';

// The audit helpers are the platform's; the network service's names for them.
export { auditActorOf, auditAppend, type AuditActor } from '@bandanh/platform';

/** One change of network data, for the audit log. */
export type NetworkAuditEntry = ServiceAuditEntry;
