import { Injectable } from '@nestjs/common';
import type { AuditEntry, AuditQuery, Caller } from '@bandanh/contracts';
import { DomainError, requireGroup } from '@bandanh/platform';
import type { Executor } from '../db/database.module';
import { AuditRepository, type AuditInput, type AuditPage, type AuditVerification } from './audit.repository';

/** Who an entry names as its actor: a person's id, `system:<service>`, or nobody. */
export function actorIdOf(caller: Caller): string | null {
  if (caller.kind === 'staff' || caller.kind === 'applicant') return caller.userId;
  if (caller.kind === 'system') return `system:${caller.service}`;
  return null;
}

/** The target of an entry about one account (a person's own step, mostly). */
export function onUser(userId: string): Pick<AuditInput, 'targetType' | 'targetId'> {
  return { targetType: 'user', targetId: userId };
}

/** An entry a service sends: maybe for someone else (a person, another service, the public). */
export type ServiceAuditInput = AuditInput & { onBehalfOf?: string | null };

/** The hash-chained audit log: what identity records, what other services send, who may read it. */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  /** Records one step of identity itself; with `tx`, the entry commits with the change it records. */
  record(actorId: string | null, entry: AuditInput, tx?: Executor): Promise<number> {
    return this.repository.append(actorId, entry, tx);
  }

  /** Any service records what it decided (a denied request, an approval, a sensitive read). */
  append(caller: Caller, entry: ServiceAuditInput): Promise<number> {
    const { actorId, input } = this.attributed(caller, entry);
    return this.repository.append(actorId, input);
  }

  /** A service's entries at once (its outbox's backlog), in order, each checked as `append` does. */
  appendMany(caller: Caller, entries: readonly ServiceAuditInput[]): Promise<number[]> {
    return this.repository.appendMany(entries.map((entry) => this.attributed(caller, entry)));
  }

  /**
   * Who an entry names: the caller, or whom a service records it for (a workflow's decision
   * names the person, another service's request that service, an application the public), and
   * then the entry says who recorded it.
   */
  private attributed(caller: Caller, { onBehalfOf, ...entry }: ServiceAuditInput) {
    if (onBehalfOf === undefined) return { actorId: actorIdOf(caller), input: entry };
    if (caller.kind !== 'system')
      throw new DomainError('FORBIDDEN', 'Only a service may record an entry for someone else');
    return {
      actorId: onBehalfOf,
      input: { ...entry, details: { ...entry.details, recordedBy: actorIdOf(caller) } },
    };
  }

  latest(caller: Caller, limit: number): Promise<AuditEntry[]> {
    requireGroup(caller, 'admins');
    return this.repository.latest(limit);
  }

  /** One page of the entries that match the filters, newest first, with the cursors around it. */
  page(caller: Caller, query: AuditQuery): Promise<AuditPage> {
    requireGroup(caller, 'admins');
    return this.repository.page(query);
  }

  verify(caller: Caller): Promise<AuditVerification> {
    requireGroup(caller, 'admins');
    return this.repository.verify();
  }
}
