import { isDeepStrictEqual } from 'node:util';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Caller, NewTrainingModule, TrainingModule, TrainingModuleDraft } from '@bandanh/contracts';
import { requireGroup } from '@bandanh/platform';
import { DEFAULT_MODULES } from './modules.defaults';
import { moduleExists, moduleNotFound } from './modules.errors';
import { ModulesRepository } from './modules.repository';

/** The facts of a module that changed: each as it was, and as it is now. */
function changedFields(before: TrainingModule, after: TrainingModule) {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof TrainingModule>) {
    if (key === 'updatedAt' || isDeepStrictEqual(before[key], after[key])) continue;
    was[key] = before[key];
    now[key] = after[key];
  }
  return { before: was, after: now };
}

@Injectable()
export class ModulesService implements OnApplicationBootstrap {
  constructor(private readonly repository: ModulesRepository) {}

  /** A new installation starts with the four required modules; an admin's catalogue is left alone. */
  async onApplicationBootstrap(): Promise<void> {
    await this.repository.transaction(async (tx) => {
      await tx.lock('training.modules.defaults');
      if ((await tx.count()) > 0) return;
      await tx.insert(...DEFAULT_MODULES);
    });
  }

  /** Programme staff and trainers read the catalogue. */
  async list(caller: Caller, includeInactive: boolean): Promise<TrainingModule[]> {
    requireGroup(caller, 'trainingReaders');
    return this.repository.list(includeInactive);
  }

  async get(caller: Caller, id: string): Promise<TrainingModule> {
    requireGroup(caller, 'trainingReaders');
    const module = await this.repository.find(id);
    if (!module) throw moduleNotFound(id);
    return module;
  }

  /** An admin adds a module, once per idempotency key; an id in use is refused. */
  async create(
    caller: Caller,
    idempotencyKey: string,
    draft: NewTrainingModule,
  ): Promise<{ module: TrainingModule; created: boolean }> {
    const { userId } = requireGroup(caller, 'admins');
    const { result, replayed } = await this.repository.once(
      { name: 'training.module.create', key: idempotencyKey, request: draft },
      async (tx) => {
        const [module] = await tx.insert(draft);
        if (!module) throw moduleExists(draft.id);
        await tx.audit({
          action: 'training.module.create',
          target: { type: 'training_module', id: module.id },
          actor: userId,
          eventId: `training.module.create:${module.id}`,
          details: { titleEn: module.titleEn, requiredForGrants: module.requiredForGrants },
        });
        return module;
      },
    );
    return { module: result, created: !replayed };
  }

  /** An admin changes a module's facts; saving the same facts again writes nothing down. */
  async update(caller: Caller, id: string, draft: TrainingModuleDraft): Promise<TrainingModule> {
    const { userId } = requireGroup(caller, 'admins');
    return this.repository.transaction(async (tx) => {
      const before = await tx.find(id, true);
      if (!before) throw moduleNotFound(id);
      const after = await tx.update(id, draft);
      if (!after) throw moduleNotFound(id);
      const { before: was, after: now } = changedFields(before, after);
      if (Object.keys(now).length > 0) {
        await tx.audit({
          action: 'training.module.update',
          target: { type: 'training_module', id },
          actor: userId,
          eventId: `training.module.update:${id}:${after.updatedAt}`,
          details: { titleEn: after.titleEn, before: was, after: now },
        });
      }
      return after;
    });
  }
}
