import { Inject, Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import type { NetworkSettings } from '@bandanh/contracts';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import { NetworkRepository } from '../db/repository';
import { settings } from '../db/schema';
import { NetworkOutbox } from '../outbox/network-outbox';

/** The one row of settings, once an admin has saved them. */
export interface StoredSettings {
  settings: NetworkSettings;
  updatedAt: Date;
}

@Injectable()
export class SettingsRepository extends NetworkRepository {
  constructor(@Inject(NETWORK_DB) database: NetworkDatabase, outbox: NetworkOutbox) {
    super(database, outbox);
  }

  /** The saved settings; in a transaction, locked until it ends (two admins' saves queue). */
  async find(): Promise<StoredSettings | undefined> {
    const [row] = await this.db.select().from(settings).where(eq(settings.id, 1)).for('update');
    if (!row) return undefined;
    return {
      settings: {
        pilotDeclinesDevelopment: row.pilotDeclinesDevelopment,
        reassessmentWaitDays: row.reassessmentWaitDays,
        rubric: row.rubric,
        unopenedProvinces: row.unopenedProvinces,
      },
      updatedAt: row.updatedAt,
    };
  }

  async save(next: NetworkSettings, updatedBy: string): Promise<void> {
    const values = { ...next, updatedBy, updatedAt: new Date() };
    await this.db
      .insert(settings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: settings.id, set: values });
  }
}
