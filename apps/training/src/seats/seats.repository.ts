import { Inject, Injectable } from '@nestjs/common';
import { and, eq, sql } from 'drizzle-orm';
import type { SeatStatus } from '@bandanh/contracts';
import { TRAINING_DB, type TrainingDatabase } from '../db/database.module';
import { TrainingRepository } from '../db/repository';
import { seats, sessions, type SeatRow } from '../db/schema';
import { TrainingOutbox } from '../outbox/training-outbox';

/** What the seat rules need of a session, read under its row lock. */
export interface LockedSession {
  id: string;
  capacity: number;
  perCboLimit: number | null;
  status: 'scheduled' | 'held' | 'cancelled';
  startsAt: Date;
}

@Injectable()
export class SeatsRepository extends TrainingRepository {
  constructor(@Inject(TRAINING_DB) database: TrainingDatabase, outbox: TrainingOutbox) {
    super(database, outbox);
  }

  /**
   * The session, its row locked (`SELECT … FOR UPDATE`) until the transaction ends: concurrent
   * confirmations and declines of one session then decide one after the other.
   */
  async lockSession(id: string): Promise<LockedSession | undefined> {
    const [row] = await this.db
      .select({
        id: sessions.id,
        capacity: sessions.capacity,
        perCboLimit: sessions.perCboLimit,
        status: sessions.status,
        startsAt: sessions.startsAt,
      })
      .from(sessions)
      .where(eq(sessions.id, id))
      .for('update');
    return row;
  }

  /** Every seat request of the session, declined ones included. */
  async seatsOf(sessionId: string): Promise<SeatRow[]> {
    return this.db.select().from(seats).where(eq(seats.sessionId, sessionId));
  }

  /** Records a (new or renewed) request as `status`, asked at `requestedAt`. */
  async request(
    entry: { sessionId: string; cboId: string; memberId: string; requestedAt: Date },
    status: SeatStatus,
  ): Promise<SeatRow> {
    const [row] = await this.db
      .insert(seats)
      .values({ ...entry, status })
      .onConflictDoUpdate({
        target: [seats.sessionId, seats.memberId],
        set: {
          cboId: entry.cboId,
          status,
          requestedAt: entry.requestedAt,
          promotedAt: null,
          updatedAt: sql`now()`,
        },
      })
      .returning();
    return row;
  }

  async setStatus(
    sessionId: string,
    memberId: string,
    status: SeatStatus,
    promotedAt: Date | null = null,
  ): Promise<SeatRow> {
    const [row] = await this.db
      .update(seats)
      .set({ status, ...(promotedAt ? { promotedAt } : {}), updatedAt: sql`now()` })
      .where(and(eq(seats.sessionId, sessionId), eq(seats.memberId, memberId)))
      .returning();
    return row;
  }
}
