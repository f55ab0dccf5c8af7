import { Inject, Injectable } from '@nestjs/common';
import { and, eq, ne, or, sql } from 'drizzle-orm';
import { signalTrainingStarted, type SeatStatus, type SessionVenue } from '@bandanh/contracts';
import { TRAINING_DB, type TrainingDatabase } from '../db/database.module';
import { TrainingRepository } from '../db/repository';
import { invitations, modules, seats, sessions, type SeatRow } from '../db/schema';
import { TrainingOutbox } from '../outbox/training-outbox';

/** What the seat rules need of a session, read under its row lock. */
export interface LockedSession {
  id: string;
  capacity: number;
  perCboLimit: number | null;
  status: 'scheduled' | 'held' | 'cancelled';
  startsAt: Date;
}

/** What a seat's message says of its session. */
export interface SeatSessionFacts {
  id: string;
  startsAt: string;
  venue: SessionVenue;
  module: { titleKm: string; titleEn: string };
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

  /** The session and its module's titles, for the messages; undefined for an unknown session. */
  async facts(sessionId: string): Promise<SeatSessionFacts | undefined> {
    const [row] = await this.db
      .select({
        id: sessions.id,
        startsAt: sessions.startsAt,
        venue: sessions.venue,
        titleKm: modules.titleKm,
        titleEn: modules.titleEn,
      })
      .from(sessions)
      .innerJoin(modules, eq(modules.id, sessions.moduleId))
      .where(eq(sessions.id, sessionId));
    return (
      row && {
        id: row.id,
        startsAt: row.startsAt.toISOString(),
        venue: row.venue,
        module: { titleKm: row.titleKm, titleEn: row.titleEn },
      }
    );
  }

  /** Whether the CBO is invited to the session. */
  async invited(sessionId: string, cboId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.sessionId, sessionId), eq(invitations.cboId, cboId)));
    return row !== undefined;
  }

  /** Whether the CBO holds a confirmed seat at any session besides the member's at this one. */
  async cboHasOtherSeat(cboId: string, sessionId: string, memberId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: seats.id })
      .from(seats)
      .where(
        and(
          eq(seats.cboId, cboId),
          eq(seats.status, 'confirmed'),
          or(ne(seats.sessionId, sessionId), ne(seats.memberId, memberId)),
        ),
      )
      .limit(1);
    return row !== undefined;
  }

  /** Tells the CBO's pipeline its training has started (its first confirmed seat), with the seat. */
  trainingStarted(cboId: string): Promise<void> {
    return this.enqueue(signalTrainingStarted, { cboId });
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
