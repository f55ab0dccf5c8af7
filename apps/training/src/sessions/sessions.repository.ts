import { Inject, Injectable } from '@nestjs/common';
import { and, asc, arrayContains, arrayOverlaps, count, eq, gt, gte, inArray, lt, ne } from 'drizzle-orm';
import {
  startTrainingSession,
  type RequestOf,
  type SessionDraft,
  type Trainer,
  type TrainingSession,
} from '@bandanh/contracts';
import { TRAINING_DB, type TrainingDatabase } from '../db/database.module';
import { TrainingRepository } from '../db/repository';
import { modules, seats, sessions, trainers, type SessionRow } from '../db/schema';
import { TrainingOutbox } from '../outbox/training-outbox';

/** A stored session as the contracts show it. */
export function toSession(row: SessionRow): TrainingSession {
  return {
    id: row.id,
    moduleId: row.moduleId,
    trainerIds: row.trainerIds,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    venue: row.venue,
    capacity: row.capacity,
    minimumAttendance: row.minimumAttendance,
    language: row.language,
    perCboLimit: row.perCboLimit,
    status: row.status,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface SessionFilter {
  from?: string;
  to?: string;
  trainerId?: string;
}

@Injectable()
export class SessionsRepository extends TrainingRepository {
  constructor(@Inject(TRAINING_DB) database: TrainingDatabase, outbox: TrainingOutbox) {
    super(database, outbox);
  }

  /** The active profiles among `userIds`. */
  async trainers(userIds: readonly string[]): Promise<Trainer[]> {
    const rows = await this.db
      .select()
      .from(trainers)
      .where(and(inArray(trainers.userId, [...userIds]), eq(trainers.active, true)));
    return rows.map(({ createdAt: _created, updatedAt, ...trainer }) => ({
      ...trainer,
      updatedAt: updatedAt.toISOString(),
    }));
  }

  /** The module's titles, if the catalogue offers it. */
  async activeModule(id: string): Promise<{ titleKm: string; titleEn: string } | undefined> {
    const [row] = await this.db
      .select({ titleKm: modules.titleKm, titleEn: modules.titleEn })
      .from(modules)
      .where(and(eq(modules.id, id), eq(modules.active, true)));
    return row;
  }

  /** Starts the session's workflow, from the outbox once the session commits. */
  startRun(input: RequestOf<typeof startTrainingSession>): Promise<void> {
    return this.enqueue(startTrainingSession, input);
  }

  /** The module's length in minutes, if the catalogue offers it. */
  async moduleDuration(id: string): Promise<number | undefined> {
    const [row] = await this.db
      .select({ minutes: modules.durationMinutes })
      .from(modules)
      .where(and(eq(modules.id, id), eq(modules.active, true)));
    return row?.minutes;
  }

  /** The active profiles that may teach the module and travel to the province. */
  async trainersFor(moduleId: string, provinceCode: string): Promise<Trainer[]> {
    const rows = await this.db
      .select()
      .from(trainers)
      .where(
        and(
          eq(trainers.active, true),
          arrayContains(trainers.moduleIds, [moduleId]),
          arrayContains(trainers.provinceCodes, [provinceCode]),
        ),
      );
    return rows.map(({ createdAt: _created, updatedAt, ...trainer }) => ({
      ...trainer,
      updatedAt: updatedAt.toISOString(),
    }));
  }

  /** The sessions not cancelled that overlap [from, to). */
  async around(from: Date, to: Date): Promise<TrainingSession[]> {
    const rows = await this.db
      .select()
      .from(sessions)
      .where(and(ne(sessions.status, 'cancelled'), lt(sessions.startsAt, to), gt(sessions.endsAt, from)));
    return rows.map(toSession);
  }

  async insert(draft: SessionDraft, createdBy: string): Promise<TrainingSession> {
    const [row] = await this.db
      .insert(sessions)
      .values({
        ...draft,
        startsAt: new Date(draft.startsAt),
        endsAt: new Date(draft.endsAt),
        provinceCode: draft.venue.kind === 'place' ? draft.venue.provinceCode : null,
        createdBy,
      })
      .returning();
    return toSession(row);
  }

  /** The sessions with their seats taken and waiting. */
  async withSeats(items: TrainingSession[]): Promise<TrainingSession[]> {
    if (items.length === 0) return items;
    const rows = await this.db
      .select({ sessionId: seats.sessionId, status: seats.status, n: count() })
      .from(seats)
      .where(
        inArray(
          seats.sessionId,
          items.map((item) => item.id),
        ),
      )
      .groupBy(seats.sessionId, seats.status);
    const of = (id: string, status: string) =>
      rows.find((row) => row.sessionId === id && row.status === status)?.n ?? 0;
    return items.map((item) => ({
      ...item,
      seats: { confirmed: of(item.id, 'confirmed'), waitlisted: of(item.id, 'waitlisted') },
    }));
  }

  async list({ from, to, trainerId }: SessionFilter): Promise<TrainingSession[]> {
    const rows = await this.db
      .select()
      .from(sessions)
      .where(
        and(
          from ? gte(sessions.startsAt, new Date(from)) : undefined,
          to ? lt(sessions.startsAt, new Date(to)) : undefined,
          trainerId ? arrayOverlaps(sessions.trainerIds, [trainerId]) : undefined,
        ),
      )
      .orderBy(asc(sessions.startsAt), asc(sessions.id))
      .limit(500);
    return rows.map(toSession);
  }

  async find(id: string): Promise<TrainingSession | undefined> {
    const [row] = await this.db.select().from(sessions).where(eq(sessions.id, id));
    return row && toSession(row);
  }
}
