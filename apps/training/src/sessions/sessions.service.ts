import { Inject, Injectable } from '@nestjs/common';
import {
  hasRole,
  type Caller,
  type SessionDraft,
  type SlotQuery,
  type TrainingSlot,
  type Trainer,
  type TrainingSession,
} from '@bandanh/contracts';
import { requireGroup } from '@bandanh/platform';
import { TRAINING_CONFIG, type TrainingConfig } from '../config/env';
import { TrainingDirectory } from '../directory/directory';
import { message, notificationKey, sessionParams, trainerLink } from '../notifications/messages';
import {
  checkSchedule,
  datedException,
  findSlots,
  phnomPenhMidnight,
  type ExistingSession,
  type TrainerProfile,
  type Venue,
  type Weekday,
} from '../scheduling';
import { notOwnSession, scheduleRefused, sessionNotFound, unknownModule } from './sessions.errors';
import { SessionsRepository, type SessionFilter } from './sessions.repository';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** A stored profile as the scheduling rules read it: exceptions as spans of Phnom Penh time. */
export function toProfile(trainer: Trainer): TrainerProfile {
  return {
    id: trainer.userId,
    moduleIds: trainer.moduleIds,
    provinceCodes: trainer.provinceCodes,
    windows: trainer.windows.map((w) => ({ ...w, weekday: w.weekday as Weekday })),
    exceptions: trainer.exceptions.map((e) => datedException(e)),
  };
}

function toExisting(session: TrainingSession): ExistingSession {
  return {
    id: session.id,
    trainerIds: session.trainerIds,
    start: session.startsAt,
    end: session.endsAt,
    venue: session.venue as Venue,
  };
}

/** How the trainers' attendance task names a session: module, place, Phnom Penh date. */
export function sessionLabel(session: TrainingSession, moduleTitle: string): string {
  const place = session.venue.kind === 'place' ? session.venue.place : 'online';
  const date = new Date(Date.parse(session.startsAt) + 7 * 60 * MINUTE_MS).toISOString().slice(0, 10);
  return `${moduleTitle} — ${place} — ${date}`.slice(0, 300);
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly repository: SessionsRepository,
    @Inject(TRAINING_CONFIG)
    private readonly config: Pick<TrainingConfig, 'TRAINING_TRAVEL_MINUTES' | 'WEB_URL'>,
    private readonly directory: TrainingDirectory,
  ) {}

  /**
   * Schedules a session, once per idempotency key: admins and coordinators any, a trainer only
   * one they teach. The scheduling rules decide on the trainers' profiles and the sessions
   * around it, under one lock, so two schedulers cannot both book the same trainer or place.
   */
  async create(
    caller: Caller,
    idempotencyKey: string,
    draft: SessionDraft,
  ): Promise<{ session: TrainingSession; created: boolean }> {
    const person = requireGroup(caller, 'sessionSchedulers');
    if (!hasRole(person, 'admin', 'coordinator') && !draft.trainerIds.includes(person.userId)) {
      throw notOwnSession();
    }
    const travel = this.config.TRAINING_TRAVEL_MINUTES * MINUTE_MS;
    // The trainers to tell, asked before the transaction.
    const trainers = await this.directory.trainers(draft.trainerIds);
    const { result, replayed } = await this.repository.once(
      { name: 'training.session.create', key: idempotencyKey, request: draft },
      async (tx) => {
        await tx.lock('training.sessions.schedule');
        const module = await tx.activeModule(draft.moduleId);
        if (!module) throw unknownModule(draft.moduleId);
        const profiles = (await tx.trainers(draft.trainerIds)).map(toProfile);
        const around = await tx.around(
          new Date(Date.parse(draft.startsAt) - travel),
          new Date(Date.parse(draft.endsAt) + travel),
        );
        const check = checkSchedule(
          {
            moduleId: draft.moduleId,
            trainerIds: draft.trainerIds,
            start: draft.startsAt,
            end: draft.endsAt,
            venue: draft.venue,
            capacity: draft.capacity,
            minimumAttendance: draft.minimumAttendance,
            language: draft.language,
          },
          {
            trainers: profiles,
            sessions: around.map(toExisting),
            travelMinutes: this.config.TRAINING_TRAVEL_MINUTES,
            now: new Date().toISOString(),
          },
        );
        if (!check.ok) throw scheduleRefused(check.refusals);
        const session = await tx.insert(draft, person.userId);
        // The session's workflow starts with it; its trainers are told.
        await tx.startRun({
          sessionId: session.id,
          moduleId: session.moduleId,
          label: sessionLabel(session, module.titleEn),
          trainerIds: session.trainerIds,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
        });
        const facts = { id: session.id, startsAt: session.startsAt, venue: session.venue, module };
        for (const trainer of trainers) {
          await tx.notify(
            message(
              'training_assigned',
              notificationKey('training-assigned', session.id, trainer.userId),
              trainer,
              {
                ...sessionParams(facts),
                link: trainerLink({ webUrl: this.config.WEB_URL }, trainer.locale, session.id),
              },
            ),
          );
        }
        await tx.audit({
          action: 'training.session.create',
          target: { type: 'training_session', id: session.id },
          actor: person.userId,
          eventId: `training.session.create:${session.id}`,
          details: {
            moduleId: session.moduleId,
            trainerIds: session.trainerIds,
            startsAt: session.startsAt,
            endsAt: session.endsAt,
            venue: session.venue,
          },
        });
        return session;
      },
    );
    return { session: result, created: !replayed };
  }

  /**
   * The earliest slots in the Phnom Penh days asked where a trainer who teaches the module and
   * travels to the province is free, by the scheduling rules' `findSlots`; programme staff and
   * trainers ask. The length is the module's unless given.
   */
  async findSlots(caller: Caller, query: SlotQuery): Promise<TrainingSlot[]> {
    requireGroup(caller, 'sessionSchedulers');
    const durationMinutes = query.durationMinutes ?? (await this.repository.moduleDuration(query.moduleId));
    if (durationMinutes === undefined) throw unknownModule(query.moduleId);
    const travel = this.config.TRAINING_TRAVEL_MINUTES * MINUTE_MS;
    const profiles = (await this.repository.trainersFor(query.moduleId, query.provinceCode)).map(toProfile);
    const around =
      profiles.length === 0
        ? []
        : await this.repository.around(
            new Date(phnomPenhMidnight(query.from) - travel),
            new Date(phnomPenhMidnight(query.to) + DAY_MS + travel),
          );
    return findSlots({
      moduleId: query.moduleId,
      provinceCode: query.provinceCode,
      from: query.from,
      to: query.to,
      durationMinutes,
      trainers: profiles,
      sessions: around.map(toExisting),
      travelMinutes: this.config.TRAINING_TRAVEL_MINUTES,
      now: new Date().toISOString(),
    });
  }

  async list(caller: Caller, filter: SessionFilter): Promise<TrainingSession[]> {
    requireGroup(caller, 'trainingReaders');
    return this.repository.withSeats(await this.repository.list(filter));
  }

  async get(caller: Caller, id: string): Promise<TrainingSession> {
    requireGroup(caller, 'trainingReaders');
    const session = await this.repository.find(id);
    if (!session) throw sessionNotFound(id);
    const [counted] = await this.repository.withSeats([session]);
    return counted;
  }
}
