import type { NewTrainingModule, TrainingModule } from '@bandanh/contracts';
import { fakeRepository } from '@bandanh/platform/testing';
import { DEFAULT_MODULES } from './modules.defaults';
import type { ModulesRepository } from './modules.repository';

export const UPDATED_AT = '2026-12-01T02:00:00.000Z';

export function aModule(overrides: Partial<TrainingModule> = {}): TrainingModule {
  return { ...DEFAULT_MODULES[0], updatedAt: UPDATED_AT, ...overrides };
}

export function aNewModule(overrides: Partial<NewTrainingModule> = {}): NewTrainingModule {
  return {
    id: 'digital_security',
    titleKm: 'សុវត្ថិភាពឌីជីថល',
    titleEn: 'Digital security',
    descriptionKm: 'របៀបការពារទូរស័ព្ទ និងគណនីរបស់សហគមន៍។',
    descriptionEn: "How to protect the group's phones and accounts.",
    durationMinutes: 240,
    requiredForGrants: false,
    active: true,
    ...overrides,
  };
}

/** A catalogue of the four default modules; `insert` adds the new ids and answers those added. */
export function fakeModulesRepository(
  overrides: Partial<ModulesRepository> = {},
  stored: TrainingModule[] = DEFAULT_MODULES.map((m) => aModule(m)),
): ModulesRepository {
  const catalogue = new Map(stored.map((m) => [m.id, m]));
  return fakeRepository<ModulesRepository>({
    lock: jest.fn(async () => {}),
    count: jest.fn(async () => catalogue.size),
    list: jest.fn(async (includeInactive: boolean) =>
      [...catalogue.values()].filter((m) => includeInactive || m.active),
    ),
    find: jest.fn(async (id: string) => catalogue.get(id)),
    insert: jest.fn(async (...drafts: NewTrainingModule[]) =>
      drafts.flatMap((draft) => {
        if (catalogue.has(draft.id)) return [];
        const module = { ...draft, updatedAt: UPDATED_AT };
        catalogue.set(draft.id, module);
        return [module];
      }),
    ),
    update: jest.fn(async (id: string, draft) => {
      const before = catalogue.get(id);
      if (!before) return undefined;
      const after = { ...before, ...draft, updatedAt: '2026-12-02T02:00:00.000Z' };
      catalogue.set(id, after);
      return after;
    }),
    ...overrides,
  });
}
