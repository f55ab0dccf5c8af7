import { isDeepStrictEqual } from 'node:util';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Caller, NetworkSettings } from '@bandanh/contracts';
import { requireGroup } from '@bandanh/platform';
import { SettingsRepository } from './settings.repository';

/** The settings in force until an admin changes them. */
export const DEFAULT_SETTINGS: NetworkSettings = {
  pilotDeclinesDevelopment: true,
  reassessmentWaitDays: 90,
  unopenedProvinces: 'warn',
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

export interface CurrentSettings {
  settings: NetworkSettings;
  updatedAt: string | null;
}

@Injectable()
export class SettingsService {
  constructor(private readonly repository: SettingsRepository) {}

  /** The settings in force: the defaults until an admin saves others. */
  async current(): Promise<CurrentSettings> {
    const stored = await this.repository.find();
    if (!stored) return { settings: DEFAULT_SETTINGS, updatedAt: null };
    return { settings: stored.settings, updatedAt: stored.updatedAt.toISOString() };
  }

  /** Programme staff read the settings (assessors need the rubric), and so do the services. */
  async read(caller: Caller): Promise<CurrentSettings> {
    if (caller.kind !== 'system') requireGroup(caller, 'programmeStaff');
    return this.current();
  }

  /**
   * Only admins change them. The audit log keeps each setting changed, before and after; saving
   * the same settings again changes nothing and is not written down.
   */
  async update(caller: Caller, next: NetworkSettings): Promise<CurrentSettings> {
    const admin = requireGroup(caller, 'admins');
    await this.repository.transaction(async (tx) => {
      const stored = await tx.find();
      const previous = stored?.settings ?? DEFAULT_SETTINGS;
      const before: Partial<NetworkSettings> = {};
      const after: Partial<NetworkSettings> = {};
      for (const key of Object.keys(next) as Array<keyof NetworkSettings>) {
        if (isDeepStrictEqual(previous[key], next[key])) continue;
        Object.assign(before, { [key]: previous[key] });
        Object.assign(after, { [key]: next[key] });
      }
      await tx.save(next, admin.userId);
      if (Object.keys(after).length === 0) return;
      await tx.audit({
        action: 'network.settings.update',
        target: { type: 'settings', id: 'network' },
        actor: admin.userId,
        // One change per saved version: the next one is made from the version this one saves.
        eventId: `network.settings.update:${stored?.updatedAt.toISOString() ?? randomUUID()}`,
        details: { before, after },
      });
    });
    return this.current();
  }
}
