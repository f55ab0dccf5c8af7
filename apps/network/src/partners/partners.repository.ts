import { Inject, Injectable } from '@nestjs/common';
import { asc, eq } from 'drizzle-orm';
import type { Partner, PartnerDraft } from '@bandanh/contracts';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import { NetworkRepository } from '../db/repository';
import { partners, type PartnerRow } from '../db/schema';
import { NetworkOutbox } from '../outbox/network-outbox';

/** The partner as the contracts know it: the row without its timestamps. */
function toPartner({ createdAt: _created, updatedAt: _updated, ...partner }: PartnerRow): Partner {
  return partner;
}

/** A partner with when it last changed (for the audit entry of a change). */
export type StoredPartner = Partner & { updatedAt: string };

function toStored(row: PartnerRow): StoredPartner {
  return { ...toPartner(row), updatedAt: row.updatedAt.toISOString() };
}

/** The draft as stored: what it leaves out is empty. */
function toValues(draft: PartnerDraft) {
  return {
    ...draft,
    description: draft.description ?? null,
    contactName: draft.contactName ?? null,
    phone: draft.phone ?? null,
    email: draft.email ?? null,
  };
}

@Injectable()
export class PartnersRepository extends NetworkRepository {
  constructor(@Inject(NETWORK_DB) database: NetworkDatabase, outbox: NetworkOutbox) {
    super(database, outbox);
  }

  /** Partners by name; only the active ones unless `includeInactive`. */
  async list(includeInactive: boolean): Promise<Partner[]> {
    const rows = await this.db
      .select()
      .from(partners)
      .where(includeInactive ? undefined : eq(partners.active, true))
      .orderBy(asc(partners.name));
    return rows.map(toPartner);
  }

  async insert(draft: PartnerDraft): Promise<Partner> {
    const [row] = await this.db.insert(partners).values(toValues(draft)).returning();
    return toPartner(row);
  }

  /** The partner with when it last changed, locked until the transaction ends. */
  async find(id: string): Promise<StoredPartner | undefined> {
    const [row] = await this.db.select().from(partners).where(eq(partners.id, id)).for('update');
    return row && toStored(row);
  }

  async update(id: string, draft: PartnerDraft): Promise<StoredPartner | undefined> {
    const [row] = await this.db
      .update(partners)
      .set({ ...toValues(draft), updatedAt: new Date() })
      .where(eq(partners.id, id))
      .returning();
    return row && toStored(row);
  }
}
