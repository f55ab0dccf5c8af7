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

/** The hash-chained audit log: what identity records, what other services send, who may read it. */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  /** Records one step of identity itself; with `tx`, the entry commits with the change it records. */
  record(actorId: string | null, entry: AuditInput, tx?: Executor): Promise<number> {
    return this.repository.append(actorId, entry, tx);
  }

  /** Any service records what it decided (a denied request, an approval, a sensitive read). */
  append(
    caller: Caller,
    { onBehalfOf, ...entry }: AuditInput & { onBehalfOf?: string | null },
  ): Promise<number> {
    if (onBehalfOf === undefined) return this.repository.append(actorIdOf(caller), entry);
    // A service records a person's step (a workflow's decision), another service's request, or
    // the public's (an application): they are the actor, and the entry says who recorded it.
    if (caller.kind !== 'system')
      throw new DomainError('FORBIDDEN', 'Only a service may record an entry for someone else');
    return this.repository.append(onBehalfOf, {
      ...entry,
      details: { ...entry.details, recordedBy: actorIdOf(caller) },
    });
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
