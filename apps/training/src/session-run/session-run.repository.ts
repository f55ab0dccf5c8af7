import { Inject, Injectable } from '@nestjs/common';
import { and, asc, eq, gt, inArray, lt, max, ne, sql } from 'drizzle-orm';
import type { AttendanceMark, Trainer, TrainingCertificate, TrainingSession } from '@bandanh/contracts';
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
  trainers,
  type AttendanceRow,
  type CertificateRow,
  type InvitationRow,
  type ModuleRow,
  type SeatRow,
  type SessionRow,
} from '../db/schema';
import { TrainingOutbox } from '../outbox/training-outbox';
import { toSession } from '../sessions/sessions.repository';

/** A stored certificate as the contracts show it. */
export function toCertificate(row: CertificateRow): TrainingCertificate {
  return {
    code: row.code,
    memberName: row.memberName,
    cboName: row.cboName,
    cboNameKm: row.cboNameKm,
    moduleId: row.moduleId,
    moduleTitleKm: row.moduleTitleKm,
    moduleTitleEn: row.moduleTitleEn,
    sessionDate: row.sessionDate.toISOString(),
    trainerNames: row.trainerNames,
    language: row.language,
    issuedAt: row.issuedAt.toISOString(),
  };
}

/** A session with what its run keeps beside it. */
export interface RunSession {
  session: TrainingSession;
  heldAt: Date | null;
  attendanceRecordedAt: Date | null;
  attendanceRecordedBy: string | null;
  completedAt: Date | null;
}

const runOf = (row: SessionRow): RunSession => ({
  session: toSession(row),
  heldAt: row.heldAt,
  attendanceRecordedAt: row.attendanceRecordedAt,
  attendanceRecordedBy: row.attendanceRecordedBy,
  completedAt: row.completedAt,
});

export interface NewCertificate {
  code: string;
  sessionId: string;
  memberId: string;
  memberName: string;
  cboId: string;
  cboName: string;
  cboNameKm: string | null;
  moduleId: string;
  moduleTitleKm: string;
  moduleTitleEn: string;
  sessionDate: Date;
  trainerNames: string[];
  language: string;
}

@Injectable()
export class SessionRunRepository extends TrainingRepository {
  constructor(@Inject(TRAINING_DB) database: TrainingDatabase, outbox: TrainingOutbox) {
    super(database, outbox);
  }

  async find(id: string): Promise<RunSession | undefined> {
    const [row] = await this.db.select().from(sessions).where(eq(sessions.id, id));
    return row && runOf(row);
  }

  /** The session, its row locked until the transaction ends. */
  async lockSession(id: string): Promise<RunSession | undefined> {
    const [row] = await this.db.select().from(sessions).where(eq(sessions.id, id)).for('update');
    return row && runOf(row);
  }

  async module(id: string): Promise<ModuleRow | undefined> {
    const [row] = await this.db.select().from(modules).where(eq(modules.id, id));
    return row;
  }

  /** The catalogue's modules required for grants (active ones), in id order. */
  async requiredModuleIds(): Promise<string[]> {
    const rows = await this.db
      .select({ id: modules.id })
      .from(modules)
      .where(and(eq(modules.requiredForGrants, true), eq(modules.active, true)))
      .orderBy(asc(modules.id));
    return rows.map((row) => row.id);
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

  /** The sessions not cancelled that overlap [from, to), but `except`. */
  async around(from: Date, to: Date, except: string): Promise<TrainingSession[]> {
    const rows = await this.db
      .select()
      .from(sessions)
      .where(
        and(
          ne(sessions.status, 'cancelled'),
          ne(sessions.id, except),
          lt(sessions.startsAt, to),
          gt(sessions.endsAt, from),
        ),
      );
    return rows.map(toSession);
  }

  async moveSession(id: string, startsAt: Date, endsAt: Date): Promise<TrainingSession> {
    const [row] = await this.db
      .update(sessions)
      .set({ startsAt, endsAt, updatedAt: sql`now()` })
      .where(eq(sessions.id, id))
      .returning();
    return toSession(row);
  }

  async cancelSession(id: string, reason: string): Promise<TrainingSession> {
    const [row] = await this.db
      .update(sessions)
      .set({ status: 'cancelled', cancelReason: reason, updatedAt: sql`now()` })
      .where(eq(sessions.id, id))
      .returning();
    return toSession(row);
  }

  async markHeld(id: string): Promise<void> {
    await this.db
      .update(sessions)
      .set({ status: 'held', heldAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(sessions.id, id));
  }

  async markAttendanceRecorded(id: string, recordedBy: string): Promise<void> {
    await this.db
      .update(sessions)
      .set({ attendanceRecordedAt: sql`now()`, attendanceRecordedBy: recordedBy, updatedAt: sql`now()` })
      .where(eq(sessions.id, id));
  }

  async markCompleted(id: string): Promise<void> {
    await this.db
      .update(sessions)
      .set({ completedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(sessions.id, id));
  }

  /** The session's invitations in invitation order. */
  async invitations(sessionId: string): Promise<InvitationRow[]> {
    return this.db
      .select()
      .from(invitations)
      .where(eq(invitations.sessionId, sessionId))
      .orderBy(asc(invitations.rank));
  }

  /** Records the invitations not already there; answers those this call recorded. */
  async invite(
    sessionId: string,
    eventId: string,
    cbos: ReadonlyArray<{ cboId: string; provinceCode: string | null }>,
  ): Promise<InvitationRow[]> {
    if (cbos.length === 0) return [];
    const [top] = await this.db
      .select({ rank: max(invitations.rank) })
      .from(invitations)
      .where(eq(invitations.sessionId, sessionId));
    const from = (top?.rank ?? 0) + 1;
    return this.db
      .insert(invitations)
      .values(cbos.map((cbo, index) => ({ sessionId, eventId, rank: from + index, ...cbo })))
      .onConflictDoNothing({ target: [invitations.sessionId, invitations.cboId] })
      .returning();
  }

  /** The CBOs among `cboIds` that completed the module. */
  async completedCbos(moduleId: string): Promise<Set<string>> {
    const rows = await this.db
      .select({ cboId: completions.cboId })
      .from(completions)
      .where(eq(completions.moduleId, moduleId));
    return new Set(rows.map((row) => row.cboId));
  }

  async seatsOf(sessionId: string): Promise<SeatRow[]> {
    return this.db.select().from(seats).where(eq(seats.sessionId, sessionId));
  }

  /** The expected attendees frozen when the session was held, with their marks once recorded. */
  async attendanceOf(sessionId: string): Promise<AttendanceRow[]> {
    return this.db.select().from(attendance).where(eq(attendance.sessionId, sessionId));
  }

  async expect(
    sessionId: string,
    members: ReadonlyArray<{ memberId: string; cboId: string }>,
  ): Promise<void> {
    if (members.length === 0) return;
    await this.db
      .insert(attendance)
      .values(members.map((member) => ({ sessionId, ...member })))
      .onConflictDoNothing();
  }

  async mark(sessionId: string, memberId: string, mark: AttendanceMark, recordedBy: string): Promise<void> {
    await this.db
      .update(attendance)
      .set({ mark, recordedBy, recordedAt: sql`now()` })
      .where(and(eq(attendance.sessionId, sessionId), eq(attendance.memberId, memberId)));
  }

  /** Records the CBO's completion of the module, unless it completed it before. */
  async complete(cboId: string, moduleId: string, sessionId: string): Promise<void> {
    await this.db.insert(completions).values({ cboId, moduleId, sessionId }).onConflictDoNothing();
  }

  /** The completed modules of each CBO among `cboIds`. */
  async completedModules(cboIds: readonly string[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>(cboIds.map((id) => [id, []]));
    if (cboIds.length === 0) return found;
    const rows = await this.db
      .select({ cboId: completions.cboId, moduleId: completions.moduleId })
      .from(completions)
      .where(inArray(completions.cboId, [...cboIds]))
      .orderBy(asc(completions.moduleId));
    for (const row of rows) found.get(row.cboId)?.push(row.moduleId);
    return found;
  }

  /** Issues the certificate unless the member has one for the session; answers whether it did. */
  async issue(certificate: NewCertificate): Promise<CertificateRow | undefined> {
    const [row] = await this.db
      .insert(certificates)
      .values(certificate)
      .onConflictDoNothing({ target: [certificates.sessionId, certificates.memberId] })
      .returning();
    return row;
  }
}
