import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import type { Availability, Caller, StoredException, Trainer, TrainerDraft } from '@bandanh/contracts';
import { requireGroup } from '@bandanh/platform';
import { trainerNotFound, unknownModules } from './trainers.errors';
import { TrainersRepository, type TrainerFilter, type TrainerRecord } from './trainers.repository';

/** The facts of a profile that changed: each as it was, and as it is now. */
function changedFields(before: Trainer | undefined, after: Trainer) {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof Trainer>) {
    if (key === 'updatedAt' || key === 'userId') continue;
    if (before && isDeepStrictEqual(before[key], after[key])) continue;
    if (before) was[key] = before[key];
    now[key] = after[key];
  }
  return { before: was, after: now };
}

/** Every exception with an id: the one it was given, or a new one. Empty optional fields are left out. */
function withIds(exceptions: Availability['exceptions']): StoredException[] {
  return exceptions.map(({ id, startTime, endTime, note, ...exception }) => ({
    id: id ?? randomUUID(),
    ...exception,
    ...(startTime ? { startTime } : {}),
    ...(endTime ? { endTime } : {}),
    ...(note ? { note } : {}),
  }));
}

@Injectable()
export class TrainersService {
  constructor(private readonly repository: TrainersRepository) {}

  /** Admins and coordinators see the trainers, by module and province. */
  async list(caller: Caller, filter: TrainerFilter): Promise<Trainer[]> {
    requireGroup(caller, 'trainerKeepers');
    return this.repository.list(filter);
  }

  /** A trainer's profile: for admins and coordinators, and for the trainer themselves. */
  async get(caller: Caller, userId: string): Promise<Trainer> {
    const own = caller.kind === 'staff' && caller.userId === userId && caller.roles.includes('trainer');
    if (!own) requireGroup(caller, 'trainerKeepers');
    const trainer = await this.repository.find(userId);
    if (!trainer) throw trainerNotFound(userId);
    return trainer;
  }

  /** The calling trainer's own profile. */
  async mine(caller: Caller): Promise<Trainer> {
    const { userId } = requireGroup(caller, 'trainers');
    const trainer = await this.repository.find(userId);
    if (!trainer) throw trainerNotFound(userId);
    return trainer;
  }

  /**
   * An admin or coordinator adds a trainer's profile or replaces it whole: the modules they may
   * teach (from the catalogue), the provinces, and their availability.
   */
  async save(
    caller: Caller,
    userId: string,
    draft: TrainerDraft,
  ): Promise<{ trainer: Trainer; created: boolean }> {
    const keeper = requireGroup(caller, 'trainerKeepers');
    return this.repository.transaction(async (tx) => {
      const known = new Set(await tx.knownModules(draft.moduleIds));
      const unknown = draft.moduleIds.filter((id) => !known.has(id));
      if (unknown.length > 0) throw unknownModules(unknown);
      const before = await tx.find(userId, true);
      const record: TrainerRecord = {
        moduleIds: draft.moduleIds,
        provinceCodes: draft.provinceCodes,
        windows: draft.windows,
        exceptions: withIds(draft.exceptions),
        active: draft.active,
      };
      const after = await tx.upsert(userId, record);
      const { before: was, after: now } = changedFields(before, after);
      if (Object.keys(now).length > 0) {
        const action = before ? 'training.trainer.update' : 'training.trainer.create';
        await tx.audit({
          action,
          target: { type: 'trainer', id: userId },
          actor: keeper.userId,
          eventId: `${action}:${userId}:${after.updatedAt}`,
          details: before ? { before: was, after: now } : now,
        });
      }
      return { trainer: after, created: !before };
    });
  }

  /**
   * Replaces a trainer's availability: a trainer their own (no `userId`), an admin or
   * coordinator anyone's. The modules and provinces stay as they are.
   */
  async updateAvailability(
    caller: Caller,
    userId: string | undefined,
    availability: Availability,
  ): Promise<Trainer> {
    const person = userId ? requireGroup(caller, 'trainerKeepers') : requireGroup(caller, 'trainers');
    const target = userId ?? person.userId;
    const actor = person.userId;
    return this.repository.transaction(async (tx) => {
      const before = await tx.find(target, true);
      if (!before) throw trainerNotFound(target);
      const after = await tx.updateAvailability(target, {
        windows: availability.windows,
        exceptions: withIds(availability.exceptions),
      });
      if (!after) throw trainerNotFound(target);
      const { before: was, after: now } = changedFields(before, after);
      if (Object.keys(now).length > 0) {
        await tx.audit({
          action: 'training.trainer.availability',
          target: { type: 'trainer', id: target },
          actor,
          eventId: `training.trainer.availability:${target}:${after.updatedAt}`,
          details: { before: was, after: now },
        });
      }
      return after;
    });
  }
}
