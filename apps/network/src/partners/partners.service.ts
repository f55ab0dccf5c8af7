import { Injectable } from '@nestjs/common';
import type { Caller, Partner, PartnerDraft } from '@bandanh/contracts';
import { requireGroup } from '@bandanh/platform';
import { idempotencyKeyRequired, partnerNotFound } from './partners.errors';
import { PartnersRepository } from './partners.repository';

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
    requireGroup(caller, 'hotlineStaff');
    if (id) {
      const partner = await this.repository.update(id, draft);
      if (!partner) throw partnerNotFound(id);
      return { partner, created: false };
    }
    if (!idempotencyKey) throw idempotencyKeyRequired();
    const { result, replayed } = await this.repository.once(
      { name: 'network.partner.create', key: idempotencyKey, request: draft },
      (tx) => tx.insert(draft),
    );
    return { partner: result, created: !replayed };
  }
}
