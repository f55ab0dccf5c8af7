import { Controller, Inject, Injectable, Module } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import {
  getNetworkSettings,
  updateNetworkSettings,
  type Caller,
  type NetworkSettings,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles, requireRole } from '@bandanh/platform';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import { settings } from '../db/schema';

/** The settings in force until an admin changes them. */
export const DEFAULT_SETTINGS: NetworkSettings = {
  pilotDeclinesDevelopment: true,
  reassessmentWaitDays: 90,
  rubric: [
    {
      key: 'organisation',
      labelEn: 'Ability to organise (leadership, meetings, records)',
      labelKm: 'សមត្ថភាពរៀបចំក្រុម (ភាពជាអ្នកដឹកនាំ កិច្ចប្រជុំ កំណត់ត្រា)',
      weight: 30,
      maxScore: 5,
    },
    {
      key: 'activities',
      labelEn: 'Ongoing and planned activities',
      labelKm: 'សកម្មភាពកំពុងធ្វើ និងគម្រោងសកម្មភាព',
      weight: 25,
      maxScore: 5,
    },
    {
      key: 'commitment',
      labelEn: 'Commitment to human rights work',
      labelKm: 'ការប្ដេជ្ញាចិត្តចំពោះការងារសិទ្ធិមនុស្ស',
      weight: 25,
      maxScore: 5,
    },
    {
      key: 'reach',
      labelEn: 'Members and reach in the community',
      labelKm: 'សមាជិក និងឥទ្ធិពលក្នុងសហគមន៍',
      weight: 20,
      maxScore: 5,
    },
  ],
};

@Injectable()
export class SettingsService {
  constructor(@Inject(NETWORK_DB) private readonly database: NetworkDatabase) {}

  async current(): Promise<{ settings: NetworkSettings; updatedAt: string | null }> {
    const [row] = await this.database.db.select().from(settings).where(eq(settings.id, 1));
    if (!row) return { settings: DEFAULT_SETTINGS, updatedAt: null };
    return {
      settings: {
        pilotDeclinesDevelopment: row.pilotDeclinesDevelopment,
        reassessmentWaitDays: row.reassessmentWaitDays,
        rubric: row.rubric,
      },
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async update(updatedBy: string, next: NetworkSettings) {
    const values = { ...next, updatedBy, updatedAt: new Date() };
    await this.database.db
      .insert(settings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: settings.id, set: values });
    return this.current();
  }
}

@Controller()
export class SettingsHandlers {
  constructor(private readonly service: SettingsService) {}

  /** Staff read the settings (assessors need the rubric); only admins change them. */
  @Handles(getNetworkSettings)
  get(_input: ParsedRequestOf<typeof getNetworkSettings>, caller: Caller) {
    if (caller.kind !== 'system') requireRole(caller, 'admin', 'coordinator', 'assessor', 'approver');
    return this.service.current();
  }

  @Handles(updateNetworkSettings)
  update(input: ParsedRequestOf<typeof updateNetworkSettings>, caller: Caller) {
    const admin = requireRole(caller, 'admin');
    return this.service.update(admin.userId, input);
  }
}

@Module({ controllers: [SettingsHandlers], providers: [SettingsService], exports: [SettingsService] })
export class SettingsModule {}
