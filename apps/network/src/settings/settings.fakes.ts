import type { NetworkSettings } from '@bandanh/contracts';
import { fakeRepository } from '@bandanh/platform/testing';
import type { SettingsRepository, StoredSettings } from './settings.repository';
import { DEFAULT_SETTINGS } from './settings.service';

export const SAVED_AT = new Date('2025-03-01T09:00:00.000Z');

/** Settings an admin saved, the defaults but for `overrides`. */
export function storedSettings(overrides: Partial<NetworkSettings> = {}): StoredSettings {
  return { settings: { ...DEFAULT_SETTINGS, ...overrides }, updatedAt: SAVED_AT };
}

/** Nothing saved yet. */
export function fakeSettingsRepository(overrides: Partial<SettingsRepository> = {}): SettingsRepository {
  return fakeRepository<SettingsRepository>({
    find: jest.fn(async () => undefined),
    save: jest.fn(async () => {}),
    ...overrides,
  });
}
