import { Inject, Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import type { NetworkSettings } from '@bandanh/contracts';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import { NetworkRepository } from '../db/repository';
import { settings } from '../db/schema';

/** The one row of settings, once an admin has saved them. */
export interface StoredSettings {
  settings: NetworkSettings;
  updatedAt: Date;
}

@Injectable()
export class SettingsRepository extends NetworkRepository {
  constructor(@Inject(NETWORK_DB) database: NetworkDatabase) {
    super(database);
  }

  async find(): Promise<StoredSettings | undefined> {
    const [row] = await this.db.select().from(settings).where(eq(settings.id, 1));
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
