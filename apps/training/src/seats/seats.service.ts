import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Caller, CboMember, TrainingSeat } from '@bandanh/contracts';
import { requireGroup } from '@bandanh/platform';
import { TRAINING_CONFIG, type TrainingConfig } from '../config/env';
import type { SeatRow } from '../db/schema';
import { TrainingDirectory } from '../directory/directory';
import { memberLink, message, notificationKey, sessionParams } from '../notifications/messages';
import {
  allocateSeats,
  promoteFromWaitlist,
  waitlistOrder,
  type SeatEntry,
  type SeatSnapshot,
} from '../scheduling';
import { cboLimitReached, notInvited, notLinked, sessionClosed, sessionNotFound } from './seats.errors';
import { SeatsRepository, type LockedSession, type SeatSessionFacts } from './seats.repository';

const entryOf = (row: SeatRow): SeatEntry => ({
  memberId: row.memberId,
  cboId: row.cboId,
  requestedAt: row.requestedAt.toISOString(),
});

/** The session's seats as the seat rules read them. */
function snapshotOf(session: LockedSession, rows: readonly SeatRow[], defaultLimit: number): SeatSnapshot {
  return {
    capacity: session.capacity,
    perCboLimit: session.perCboLimit ?? defaultLimit,
    confirmed: rows.filter((row) => row.status === 'confirmed').map(entryOf),
    waitlist: rows.filter((row) => row.status === 'waitlisted').map(entryOf),
  };
}

/** The seat as the contracts show it, with its waitlist place among `rows`. */
export function toSeat(row: SeatRow, rows: readonly SeatRow[]): TrainingSeat {
  const queue = waitlistOrder(rows.filter((r) => r.status === 'waitlisted').map(entryOf));
  const index = queue.findIndex((entry) => entry.memberId === row.memberId);
  return {
    sessionId: row.sessionId,
    cboId: row.cboId,
    memberId: row.memberId,
    status: row.status,
    position: row.status === 'waitlisted' && index >= 0 ? index + 1 : null,
    requestedAt: row.requestedAt.toISOString(),
    promotedAt: row.promotedAt?.toISOString() ?? null,
  };
}

const replaced = (rows: readonly SeatRow[], row: SeatRow) => [
  ...rows.filter((r) => r.memberId !== row.memberId),
  row,
];

/**
 * CBO members' seats at sessions. Every decision is the seat rules' (`allocateSeats`,
 * `promoteFromWaitlist`) on the seats read under the session's row lock, so concurrent
 * confirmations decide one after the other and never give more seats than the session holds.
 */
@Injectable()
export class SeatsService {
  constructor(
    private readonly repository: SeatsRepository,
    @Inject(TRAINING_CONFIG)
    private readonly config: Pick<TrainingConfig, 'TRAINING_SEATS_PER_CBO' | 'WEB_URL'>,
    private readonly directory: TrainingDirectory,
  ) {}

  /** The session's facts and whom a seat's message goes to, asked before the transaction. */
  private async audience(sessionId: string, cboIds: readonly string[]) {
    const facts = await this.repository.facts(sessionId);
    if (!facts) throw sessionNotFound(sessionId);
    const members = new Map<string, CboMember>();
    for (const cboId of new Set(cboIds)) {
      for (const member of await this.directory.members(cboId)) members.set(member.userId, member);
    }
    return { facts, members };
  }

  /** The member's message about their seat, once per seat request (or promotion). */
  private async tellSeat(
    tx: SeatsRepository,
    facts: SeatSessionFacts,
    member: CboMember | undefined,
    seat: TrainingSeat,
    status: 'confirmed' | 'waitlisted' | 'promoted',
  ): Promise<void> {
    if (!member) return;
    const at = Date.parse(status === 'promoted' ? (seat.promotedAt ?? seat.requestedAt) : seat.requestedAt);
    await tx.notify(
      message(
        'training_seat',
        notificationKey('training-seat', facts.id, member.userId, status, String(at)),
        member,
        {
          ...sessionParams(facts),
          status,
          position: seat.position ?? 0,
          link: memberLink({ webUrl: this.config.WEB_URL }, member.locale),
        },
        seat.cboId,
      ),
    );
  }

  /** A CBO's first confirmed seat tells its pipeline that its training has started. */
  private async firstSeat(tx: SeatsRepository, seat: TrainingSeat): Promise<void> {
    if (!(await tx.cboHasOtherSeat(seat.cboId, seat.sessionId, seat.memberId))) {
      await tx.trainingStarted(seat.cboId);
    }
  }

  private member(caller: Caller): { userId: string; cboId: string } {
    const person = requireGroup(caller, 'applicants');
    if (person.kind !== 'applicant' || !person.cboId) throw notLinked();
    return { userId: person.userId, cboId: person.cboId };
  }

  private async open(tx: SeatsRepository, sessionId: string): Promise<LockedSession> {
    const session = await tx.lockSession(sessionId);
    if (!session) throw sessionNotFound(sessionId);
    if (session.status !== 'scheduled') throw sessionClosed(session.status);
    if (session.startsAt.getTime() <= Date.now()) throw sessionClosed('started');
    return session;
  }

  /** A seat for the member, or a place on the waitlist; asking again changes nothing. */
  async confirm(caller: Caller, sessionId: string): Promise<{ seat: TrainingSeat; created: boolean }> {
    const member = this.member(caller);
    const { facts, members } = await this.audience(sessionId, [member.cboId]);
    return this.repository.transaction(async (tx) => {
      const session = await this.open(tx, sessionId);
      if (!(await tx.invited(sessionId, member.cboId))) throw notInvited();
      const rows = await tx.seatsOf(sessionId);
      const snapshot = snapshotOf(session, rows, this.config.TRAINING_SEATS_PER_CBO);
      const request = { memberId: member.userId, cboId: member.cboId, requestedAt: new Date().toISOString() };
      const decision = allocateSeats({ ...snapshot, request });
      if (decision.outcome === 'refused') throw cboLimitReached(snapshot.perCboLimit ?? 0);
      if (!decision.created) {
        const held = rows.find((row) => row.memberId === member.userId)!;
        return { seat: toSeat(held, rows), created: false };
      }
      const row = await tx.request(
        {
          sessionId,
          cboId: member.cboId,
          memberId: member.userId,
          requestedAt: new Date(request.requestedAt),
        },
        decision.outcome,
      );
      const seat = toSeat(row, replaced(rows, row));
      await tx.audit({
        action: 'training.seat.confirm',
        target: { type: 'training_session', id: sessionId },
        actor: member.userId,
        eventId: `training.seat.confirm:${randomUUID()}`,
        details: {
          memberId: member.userId,
          cboId: member.cboId,
          status: seat.status,
          position: seat.position,
        },
      });
      await this.tellSeat(tx, facts, members.get(member.userId), seat, decision.outcome);
      if (decision.outcome === 'confirmed') await this.firstSeat(tx, seat);
      return { seat, created: true };
    });
  }

  /** The member gives up their seat or place; a freed seat goes to the first waitlisted in order. */
  async decline(
    caller: Caller,
    sessionId: string,
  ): Promise<{ seat: TrainingSeat; promoted: TrainingSeat[] }> {
    const member = this.member(caller);
    // Those who may be promoted: the members of the CBOs waiting for a seat.
    const waiting = (await this.repository.seatsOf(sessionId)).filter((row) => row.status === 'waitlisted');
    const { facts, members } = await this.audience(
      sessionId,
      waiting.map((row) => row.cboId),
    );
    return this.repository.transaction(async (tx) => {
      const session = await this.open(tx, sessionId);
      let rows = await tx.seatsOf(sessionId);
      const mine = rows.find((row) => row.memberId === member.userId);
      if (!mine) {
        // An invited member may say no before asking for a seat: reminders then leave them out.
        if (!(await tx.invited(sessionId, member.cboId))) throw notInvited();
        const row = await tx.request(
          { sessionId, cboId: member.cboId, memberId: member.userId, requestedAt: new Date() },
          'declined',
        );
        await tx.audit({
          action: 'training.seat.decline',
          target: { type: 'training_session', id: sessionId },
          actor: member.userId,
          eventId: `training.seat.decline:${randomUUID()}`,
          details: { memberId: member.userId, cboId: member.cboId, was: null },
        });
        return { seat: toSeat(row, replaced(rows, row)), promoted: [] };
      }
      if (mine.status === 'declined') return { seat: toSeat(mine, rows), promoted: [] };
      const declined = await tx.setStatus(sessionId, member.userId, 'declined');
      rows = replaced(rows, declined);
      await tx.audit({
        action: 'training.seat.decline',
        target: { type: 'training_session', id: sessionId },
        actor: member.userId,
        eventId: `training.seat.decline:${randomUUID()}`,
        details: { memberId: member.userId, cboId: mine.cboId, was: mine.status },
      });
      const now = new Date();
      const promotedRows: SeatRow[] = [];
      for (const entry of promoteFromWaitlist(
        snapshotOf(session, rows, this.config.TRAINING_SEATS_PER_CBO),
      )) {
        const row = await tx.setStatus(sessionId, entry.memberId, 'confirmed', now);
        rows = replaced(rows, row);
        promotedRows.push(row);
        await tx.audit({
          action: 'training.seat.promote',
          target: { type: 'training_session', id: sessionId },
          actor: member.userId,
          eventId: `training.seat.promote:${randomUUID()}`,
          details: { memberId: entry.memberId, cboId: entry.cboId, after: member.userId },
        });
      }
      const promoted = promotedRows.map((row) => toSeat(row, rows));
      for (const seat of promoted) {
        await this.tellSeat(tx, facts, members.get(seat.memberId), seat, 'promoted');
        await this.firstSeat(tx, seat);
      }
      return { seat: toSeat(declined, rows), promoted };
    });
  }
}
