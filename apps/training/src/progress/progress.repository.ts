import { Inject, Injectable } from '@nestjs/common';
import { and, asc, desc, eq, gt, inArray, or } from 'drizzle-orm';
import type { TrainingSession } from '@bandanh/contracts';
import { TRAINING_DB, type TrainingDatabase } from '../db/database.module';
import { TrainingRepository } from '../db/repository';
import {
  attendance,
  certificates,
  completions,
  invitations,
  modules,
  seats,
  sessions,
  type CertificateRow,
  type ModuleRow,
  type SeatRow,
} from '../db/schema';
import { toSession } from '../sessions/sessions.repository';

@Injectable()
export class ProgressRepository extends TrainingRepository {
  constructor(@Inject(TRAINING_DB) database: TrainingDatabase) {
    super(database);
  }

  /** The active modules, in catalogue (id) order. */
  async modules(): Promise<ModuleRow[]> {
    return this.db.select().from(modules).where(eq(modules.active, true)).orderBy(asc(modules.id));
  }

  /**
   * The CBO's completed modules, each completed on the day its session was held (the sheet may
   * have been entered days later).
   */
  async completions(cboId: string): Promise<Array<{ moduleId: string; completedAt: Date }>> {
    return this.db
      .select({ moduleId: completions.moduleId, completedAt: sessions.startsAt })
      .from(completions)
      .innerJoin(sessions, eq(sessions.id, completions.sessionId))
      .where(eq(completions.cboId, cboId));
  }

  /** The scheduled sessions starting after `now`, by start. */
  async upcoming(now: Date): Promise<TrainingSession[]> {
    const rows = await this.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.status, 'scheduled'), gt(sessions.startsAt, now)))
      .orderBy(asc(sessions.startsAt), asc(sessions.id))
      .limit(200);
    return rows.map(toSession);
  }

  /** Which of the sessions the CBO is invited to. */
  async invitedTo(cboId: string, sessionIds: readonly string[]): Promise<Set<string>> {
    if (sessionIds.length === 0) return new Set();
    const rows = await this.db
      .select({ sessionId: invitations.sessionId })
      .from(invitations)
      .where(and(eq(invitations.cboId, cboId), inArray(invitations.sessionId, [...sessionIds])));
    return new Set(rows.map((row) => row.sessionId));
  }

  /** Every seat of the member at the sessions, and the sessions' seats for waitlist places. */
  async seatsAt(sessionIds: readonly string[]): Promise<SeatRow[]> {
    if (sessionIds.length === 0) return [];
    return this.db
      .select()
      .from(seats)
      .where(inArray(seats.sessionId, [...sessionIds]));
  }

  async certificates(cboId: string): Promise<CertificateRow[]> {
    return this.db
      .select()
      .from(certificates)
      .where(eq(certificates.cboId, cboId))
      .orderBy(desc(certificates.issuedAt));
  }

  /** The trainers of the held sessions where one of the CBO's members had a confirmed seat or was expected. */
  async trainersOf(cboId: string): Promise<string[]> {
    const seated = this.db
      .select({ sessionId: seats.sessionId })
      .from(seats)
      .where(and(eq(seats.cboId, cboId), eq(seats.status, 'confirmed')));
    const expected = this.db
      .select({ sessionId: attendance.sessionId })
      .from(attendance)
      .where(eq(attendance.cboId, cboId));
    const rows = await this.db
      .select({ trainerIds: sessions.trainerIds })
      .from(sessions)
      .where(
        and(eq(sessions.status, 'held'), or(inArray(sessions.id, seated), inArray(sessions.id, expected))),
      );
    return [...new Set(rows.flatMap((row) => row.trainerIds))].sort();
  }
}
