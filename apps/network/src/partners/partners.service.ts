import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import type { Caller, Partner, PartnerDraft } from '@bandanh/contracts';
import { requireGroup } from '@bandanh/platform';
import { idempotencyKeyRequired, partnerNotFound } from './partners.errors';
import { PartnersRepository, type StoredPartner } from './partners.repository';

function toPartner({ updatedAt: _updated, ...partner }: StoredPartner): Partner {
  return partner;
}

/** The facts of a partner that changed: each as it was, and as it is now. */
function changedFields(before: StoredPartner, after: StoredPartner) {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof StoredPartner>) {
    if (key === 'updatedAt' || isDeepStrictEqual(before[key], after[key])) continue;
    was[key] = before[key];
    now[key] = after[key];
  }
  return { before: was, after: now };
}

@Injectable()
export class PartnersService {
  constructor(private readonly repository: PartnersRepository) {}

  /** Programme staff read the partner NGOs the hotline refers groups to. */
  async list(caller: Caller, includeInactive: boolean): Promise<Partner[]> {
    requireGroup(caller, 'programmeStaff');
    return this.repository.list(includeInactive);
  }

  /** Hotline staff keep the list: an id edits that partner, else one is created once per key. */
  async save(
    caller: Caller,
    id: string | undefined,
    idempotencyKey: string | undefined,
    draft: PartnerDraft,
  ): Promise<{ partner: Partner; created: boolean }> {
    const { userId } = requireGroup(caller, 'hotlineStaff');
    if (id) {
      const partner = await this.repository.transaction(async (tx) => {
        const before = await tx.find(id);
        if (!before) throw partnerNotFound(id);
        const after = await tx.update(id, draft);
        if (!after) throw partnerNotFound(id);
        const { before: was, after: now } = changedFields(before, after);
        // Saving the same facts again changes nothing and is not written down.
        if (Object.keys(now).length > 0) {
          await tx.audit({
            action: 'network.partner.update',
            target: { type: 'partner', id },
            actor: userId,
            eventId: `network.partner.update:${id}:${after.updatedAt}`,
            details: { name: after.name, before: was, after: now },
          });
        }
        return after;
      });
      return { partner: toPartner(partner), created: false };
    }
    if (!idempotencyKey) throw idempotencyKeyRequired();
    const { result, replayed } = await this.repository.once(
      { name: 'network.partner.create', key: idempotencyKey, request: draft },
      async (tx) => {
        const partner = await tx.insert(draft);
        await tx.audit({
          action: 'network.partner.create',
          target: { type: 'partner', id: partner.id },
          actor: userId,
          eventId: `network.partner.create:${partner.id}`,
          details: { name: partner.name, active: partner.active },
        });
        return partner;
      },
    );
    return { partner: result, created: !replayed };
  }
}
