import { Inject, Injectable } from '@nestjs/common';
import {
  hasRole,
  type AttendanceEntry,
  type Caller,
  type CboMember,
  type CboTrainingCompletion,
  type NotificationParams,
  type StaffRecipient,
  type TrainingAttendanceView,
  type TrainingSession,
} from '@bandanh/contracts';
import { requireGroup, requireSystem } from '@bandanh/platform';
import { generateCertificateCode } from '../certificates/certificate-code';
import { TRAINING_CONFIG, type TrainingConfig } from '../config/env';
import type { AttendanceRow, ModuleRow } from '../db/schema';
import { TrainingDirectory, type CboSummary } from '../directory/directory';
import {
  certificateLink,
  memberLink,
  message,
  notificationKey,
  sessionParams,
  trainerLink,
  type SessionFacts,
} from '../notifications/messages';
import { auditActorOf } from '../outbox/training-audit';
import { attended, checkSchedule, inviteOrder, moduleCompletedForCbo, type Venue } from '../scheduling';
import { toProfile } from '../sessions/sessions.service';
import {
  alreadyHeld,
  attendanceNotRecorded,
  attendanceRecorded,
  attendeesMismatch,
  notHeldYet,
  notSessionTrainer,
  scheduleRefused,
  sessionCancelled,
  sessionNotFound,
} from './session-run.errors';
import { SessionRunRepository, type RunSession } from './session-run.repository';

const MINUTE_MS = 60_000;

type RunConfig = Pick<
  TrainingConfig,
  'TRAINING_TRAVEL_MINUTES' | 'TRAINING_COMPLETION_MIN_ATTENDEES' | 'WEB_URL'
>;

/** A CBO's members, by CBO. */
type MembersByCbo = Map<string, CboMember[]>;

/**
 * A session's run after it is scheduled, step by step as its workflow (the orchestrator, the
 * single writer of a session's life) asks: invitations, reminders, a move, a cancellation,
 * holding it, its attendance and its completion with the certificates. Each step is once per
 * workflow event id (`once`): a retried activity changes and tells nothing twice. Whom to tell
 * is asked of identity and the network before the step's transaction; the messages commit in
 * the training outbox with the change.
 */
@Injectable()
export class SessionRunService {
  constructor(
    private readonly repository: SessionRunRepository,
    private readonly directory: TrainingDirectory,
    @Inject(TRAINING_CONFIG) private readonly config: RunConfig,
  ) {}

  private async load(sessionId: string): Promise<{ run: RunSession; module: ModuleRow }> {
    const run = await this.repository.find(sessionId);
    if (!run) throw sessionNotFound(sessionId);
    const module = await this.repository.module(run.session.moduleId);
    if (!module) throw sessionNotFound(sessionId);
    return { run, module };
  }

  private facts(session: TrainingSession, module: ModuleRow): SessionFacts {
    return {
      id: session.id,
      startsAt: session.startsAt,
      venue: session.venue,
      module: { titleKm: module.titleKm, titleEn: module.titleEn },
    };
  }

  private async membersOf(cboIds: readonly string[]): Promise<MembersByCbo> {
    const found: MembersByCbo = new Map();
    for (const cboId of new Set(cboIds)) found.set(cboId, await this.directory.members(cboId));
    return found;
  }

  /**
   * Invites the participant CBOs that have not completed the module, the session's province
   * first, and writes to their members. A CBO already invited is not invited again.
   */
  async invite(
    caller: Caller,
    input: { sessionId: string; eventId: string },
  ): Promise<{ invitedCboIds: string[] }> {
    requireSystem(caller, 'orchestrator');
    const { run, module } = await this.load(input.sessionId);
    const session = run.session;
    const already = new Set((await this.repository.invitations(session.id)).map((i) => i.cboId));
    let fresh: CboSummary[] = [];
    let members: MembersByCbo = new Map();
    // A session that has started takes no new invitation (its seats are closed): a session
    // recorded after it was held keeps the invitations it came with.
    if (session.status === 'scheduled' && Date.parse(session.startsAt) > Date.now()) {
      const completed = await this.repository.completedCbos(session.moduleId);
      const candidates = (await this.directory.participants())
        .filter((cbo) => !already.has(cbo.id))
        .map((cbo) => ({
          cbo,
          memberId: cbo.id,
          cboId: cbo.id,
          cboName: cbo.nameKm ?? cbo.name,
          provinceCode: cbo.provinceCode,
          completedModuleIds: completed.has(cbo.id) ? [session.moduleId] : [],
        }));
      const provinceCode = session.venue.kind === 'place' ? session.venue.provinceCode : null;
      fresh = inviteOrder(candidates, { moduleId: session.moduleId, provinceCode }).map((c) => c.cbo);
      members = await this.membersOf(fresh.map((cbo) => cbo.id));
    }
    const facts = this.facts(session, module);
    const { result } = await this.repository.once(
      { name: 'training.session.invite', key: input.eventId, request: input },
      async (tx) => {
        const invited = await tx.invite(
          session.id,
          input.eventId,
          fresh.map((cbo) => ({ cboId: cbo.id, provinceCode: cbo.provinceCode })),
        );
        for (const invitation of invited) {
          const cbo = fresh.find((c) => c.id === invitation.cboId)!;
          for (const member of members.get(cbo.id) ?? []) {
            await tx.notify(
              message(
                'training_invitation',
                notificationKey('training-invitation', session.id, cbo.id, member.userId),
                member,
                {
                  ...sessionParams(facts),
                  cboNameKm: cbo.nameKm ?? cbo.name,
                  cboNameEn: cbo.name,
                  link: memberLink({ webUrl: this.config.WEB_URL }, member.locale),
                },
                cbo.id,
              ),
            );
          }
        }
        if (invited.length > 0) {
          await tx.audit({
            action: 'training.session.invite',
            target: { type: 'training_session', id: session.id },
            actor: auditActorOf(caller),
            eventId: `training.session.invite:${input.eventId}`,
            details: { cboIds: invited.map((i) => i.cboId) },
          });
        }
        return { invitedCboIds: (await tx.invitations(session.id)).map((i) => i.cboId) };
      },
    );
    return result;
  }

  /** Reminds the members of the invited CBOs who have not declined, `lead` before the start. */
  async remind(
    caller: Caller,
    input: { sessionId: string; eventId: string; lead: string },
  ): Promise<{ notified: number }> {
    requireSystem(caller, 'orchestrator');
    const { run, module } = await this.load(input.sessionId);
    const session = run.session;
    if (session.status !== 'scheduled') return { notified: 0 };
    const invited = (await this.repository.invitations(session.id)).map((i) => i.cboId);
    const declined = new Set(
      (await this.repository.seatsOf(session.id))
        .filter((s) => s.status === 'declined')
        .map((s) => s.memberId),
    );
    const members = await this.membersOf(invited);
    const facts = this.facts(session, module);
    const { result, replayed } = await this.repository.once(
      { name: 'training.session.remind', key: input.eventId, request: input },
      async (tx) => {
        let notified = 0;
        for (const cboId of invited) {
          for (const member of members.get(cboId) ?? []) {
            if (declined.has(member.userId)) continue;
            await tx.notify(
              message(
                'training_reminder',
                notificationKey('training-reminder', input.eventId, member.userId),
                member,
                {
                  ...sessionParams(facts),
                  lead: input.lead,
                  link: memberLink({ webUrl: this.config.WEB_URL }, member.locale),
                },
                cboId,
              ),
            );
            notified += 1;
          }
        }
        return { notified };
      },
    );
    return replayed ? { notified: 0 } : result;
  }

  /** The members of the invited CBOs and the trainers, to tell of a move or a cancellation. */
  private async everyoneInvited(session: TrainingSession): Promise<{
    members: Array<{ cboId: string; member: CboMember }>;
    trainers: StaffRecipient[];
  }> {
    const invited = (await this.repository.invitations(session.id)).map((i) => i.cboId);
    const byCbo = await this.membersOf(invited);
    const members = invited.flatMap((cboId) => (byCbo.get(cboId) ?? []).map((member) => ({ cboId, member })));
    return { members, trainers: await this.directory.trainers(session.trainerIds) };
  }

  /**
   * Tells the members of the invited CBOs (on their group's page) and the trainers (with a link
   * to the session) of a change, once per event and recipient: the key is the kind, `event` and
   * the recipient.
   */
  private async tellEveryone(
    tx: SessionRunRepository,
    audience: Awaited<ReturnType<SessionRunService['everyoneInvited']>>,
    sessionId: string,
    kind: 'training_moved' | 'training_cancelled',
    event: string[],
    params: NotificationParams,
  ): Promise<void> {
    const key = (userId: string) => notificationKey(kind.replace('_', '-'), ...event, userId);
    const links = { webUrl: this.config.WEB_URL };
    for (const { cboId, member } of audience.members) {
      await tx.notify(
        message(
          kind,
          key(member.userId),
          member,
          { ...params, link: memberLink(links, member.locale) },
          cboId,
        ),
      );
    }
    for (const trainer of audience.trainers) {
      await tx.notify(
        message(kind, key(trainer.userId), trainer, {
          ...params,
          link: trainerLink(links, trainer.locale, sessionId),
        }),
      );
    }
  }

  /**
   * Moves the session, re-checking the scheduling rules as `create` does (the session itself
   * is no conflict), and tells everyone invited and the trainers.
   */
  async reschedule(
    caller: Caller,
    input: { sessionId: string; eventId: string; startsAt: string; endsAt: string; movedBy: string },
  ): Promise<{ session: TrainingSession }> {
    requireSystem(caller, 'orchestrator');
    const { run, module } = await this.load(input.sessionId);
    const before = run.session;
    const audience = await this.everyoneInvited(before);
    const travel = this.config.TRAINING_TRAVEL_MINUTES * MINUTE_MS;
    const { result } = await this.repository.once(
      { name: 'training.session.reschedule', key: input.eventId, request: input },
      async (tx) => {
        await tx.lock('training.sessions.schedule');
        const locked = (await tx.lockSession(before.id))!;
        if (locked.session.status === 'cancelled') throw sessionCancelled();
        if (locked.session.status === 'held' || locked.heldAt) throw alreadyHeld();
        const current = locked.session;
        const profiles = (await tx.trainers(current.trainerIds)).map(toProfile);
        const around = await tx.around(
          new Date(Date.parse(input.startsAt) - travel),
          new Date(Date.parse(input.endsAt) + travel),
          current.id,
        );
        const check = checkSchedule(
          {
            id: current.id,
            moduleId: current.moduleId,
            trainerIds: current.trainerIds,
            start: input.startsAt,
            end: input.endsAt,
            venue: current.venue as Venue,
            capacity: current.capacity,
            minimumAttendance: current.minimumAttendance,
            language: current.language,
          },
          {
            trainers: profiles,
            sessions: around.map((s) => ({
              id: s.id,
              trainerIds: s.trainerIds,
              start: s.startsAt,
              end: s.endsAt,
              venue: s.venue as Venue,
            })),
            travelMinutes: this.config.TRAINING_TRAVEL_MINUTES,
            now: new Date().toISOString(),
          },
        );
        if (!check.ok) throw scheduleRefused(check.refusals);
        const session = await tx.moveSession(current.id, new Date(input.startsAt), new Date(input.endsAt));
        const facts = this.facts(session, module);
        const params = { ...sessionParams(facts), oldStartsAt: current.startsAt };
        await this.tellEveryone(tx, audience, session.id, 'training_moved', [input.eventId], params);
        await tx.audit({
          action: 'training.session.reschedule',
          target: { type: 'training_session', id: session.id },
          actor: auditActorOf(caller),
          eventId: `training.session.reschedule:${input.eventId}`,
          details: {
            movedBy: input.movedBy,
            before: { startsAt: current.startsAt, endsAt: current.endsAt },
            after: { startsAt: session.startsAt, endsAt: session.endsAt },
          },
        });
        return { session };
      },
    );
    return result;
  }

  /** Cancels the session and tells everyone invited and the trainers, with the reason. */
  async cancel(
    caller: Caller,
    input: { sessionId: string; eventId: string; reason: string; cancelledBy: string },
  ): Promise<{ session: TrainingSession }> {
    requireSystem(caller, 'orchestrator');
    const { run, module } = await this.load(input.sessionId);
    const audience = await this.everyoneInvited(run.session);
    const { result } = await this.repository.once(
      { name: 'training.session.cancel', key: input.eventId, request: input },
      async (tx) => {
        const locked = (await tx.lockSession(run.session.id))!;
        if (locked.session.status === 'cancelled') return { session: locked.session };
        if (locked.session.status === 'held' || locked.heldAt) throw alreadyHeld();
        const session = await tx.cancelSession(run.session.id, input.reason);
        const params = { ...sessionParams(this.facts(session, module)), reason: input.reason };
        await this.tellEveryone(tx, audience, session.id, 'training_cancelled', [session.id], params);
        await tx.audit({
          action: 'training.session.cancel',
          target: { type: 'training_session', id: session.id },
          actor: auditActorOf(caller),
          eventId: `training.session.cancel:${input.eventId}`,
          details: { cancelledBy: input.cancelledBy, reason: input.reason },
        });
        return { session };
      },
    );
    return result;
  }

  /**
   * Holds the session: the members with a confirmed seat now are its expected attendees, kept
   * on its sheet; a member who takes a seat later is not expected. Again, the same members.
   */
  async hold(caller: Caller, input: { sessionId: string }): Promise<{ memberIds: string[] }> {
    requireSystem(caller, 'orchestrator');
    return this.repository.transaction(async (tx) => {
      const run = await tx.lockSession(input.sessionId);
      if (!run) throw sessionNotFound(input.sessionId);
      if (run.session.status === 'cancelled') throw sessionCancelled();
      if (!run.heldAt) {
        const confirmed = (await tx.seatsOf(run.session.id)).filter((seat) => seat.status === 'confirmed');
        await tx.expect(
          run.session.id,
          confirmed.map((seat) => ({ memberId: seat.memberId, cboId: seat.cboId })),
        );
        await tx.markHeld(run.session.id);
        await tx.audit({
          action: 'training.session.hold',
          target: { type: 'training_session', id: run.session.id },
          actor: auditActorOf(caller),
          eventId: `training.session.hold:${run.session.id}`,
          details: { expected: confirmed.map((seat) => seat.memberId) },
        });
      }
      return { memberIds: (await tx.attendanceOf(run.session.id)).map((row) => row.memberId).sort() };
    });
  }

  /**
   * Keeps the attendance sheet of a held session, once: one mark per expected attendee and
   * nobody else.
   */
  async recordAttendance(
    caller: Caller,
    input: { sessionId: string; eventId: string; recordedBy: string; marks: AttendanceEntry[] },
  ): Promise<{ recorded: number }> {
    requireSystem(caller, 'orchestrator');
    const { result } = await this.repository.once(
      { name: 'training.session.recordAttendance', key: input.eventId, request: input },
      async (tx) => {
        const run = await tx.lockSession(input.sessionId);
        if (!run) throw sessionNotFound(input.sessionId);
        if (run.session.status === 'cancelled') throw sessionCancelled();
        if (!run.heldAt) throw notHeldYet();
        if (run.attendanceRecordedAt) throw attendanceRecorded();
        const expected = (await tx.attendanceOf(run.session.id)).map((row) => row.memberId);
        const given = input.marks.map((entry) => entry.memberId);
        const unexpected = given.filter((id) => !expected.includes(id));
        const missing = expected.filter((id) => !given.includes(id));
        const duplicated = given.filter((id, index) => given.indexOf(id) !== index);
        if (unexpected.length || missing.length || duplicated.length) {
          throw attendeesMismatch(unexpected, missing, [...new Set(duplicated)]);
        }
        for (const entry of input.marks) {
          await tx.mark(run.session.id, entry.memberId, entry.mark, input.recordedBy);
        }
        await tx.markAttendanceRecorded(run.session.id, input.recordedBy);
        await tx.audit({
          action: 'training.session.recordAttendance',
          target: { type: 'training_session', id: run.session.id },
          actor: auditActorOf(caller),
          eventId: `training.session.recordAttendance:${input.eventId}`,
          details: { recordedBy: input.recordedBy, marks: input.marks },
        });
        return { recorded: input.marks.length };
      },
    );
    return result;
  }

  /**
   * Completes the session from its attendance: each CBO with enough attending members
   * completes the module; each attending member gets a certificate (names as they are now) and
   * a message. Once per session; again, the same completions and nothing issued.
   */
  async complete(
    caller: Caller,
    input: { sessionId: string },
  ): Promise<{ completed: CboTrainingCompletion[] }> {
    requireSystem(caller, 'orchestrator');
    const { run, module } = await this.load(input.sessionId);
    const session = run.session;
    if (session.status === 'cancelled') throw sessionCancelled();
    if (!run.attendanceRecordedAt) throw attendanceNotRecorded();
    const sheet = await this.repository.attendanceOf(session.id);
    const attending = sheet.filter(
      (row): row is AttendanceRow & { mark: NonNullable<AttendanceRow['mark']> } =>
        row.mark !== null && attended(row.mark),
    );
    const cboIds = [...new Set(attending.map((row) => row.cboId))].sort();
    const completing = cboIds.filter((cboId) =>
      moduleCompletedForCbo({
        attendance: sheet
          .filter((row) => row.cboId === cboId && row.mark !== null)
          .map((row) => ({ memberId: row.memberId, mark: row.mark! })),
        threshold: { minAttendees: this.config.TRAINING_COMPLETION_MIN_ATTENDEES },
      }),
    );
    // Whom to name and write to, asked before the transaction (nothing of it once completed).
    const cbos = new Map<string, CboSummary | null>();
    let members: MembersByCbo = new Map();
    let trainerNames: string[] = [];
    if (!run.completedAt) {
      for (const cboId of cboIds) cbos.set(cboId, await this.directory.cbo(cboId));
      members = await this.membersOf(cboIds);
      const trainers = await this.directory.trainers(session.trainerIds);
      trainerNames = session.trainerIds
        .map((id) => trainers.find((t) => t.userId === id)?.displayName)
        .filter((name): name is string => !!name);
    }
    return this.repository.transaction(async (tx) => {
      const locked = (await tx.lockSession(session.id))!;
      if (!locked.completedAt) {
        for (const cboId of completing) await tx.complete(cboId, session.moduleId, session.id);
        for (const row of attending) {
          const member = members.get(row.cboId)?.find((m) => m.userId === row.memberId);
          const cbo = cbos.get(row.cboId) ?? null;
          const issued = await tx.issue({
            code: generateCertificateCode(),
            sessionId: session.id,
            memberId: row.memberId,
            memberName: member?.displayName ?? '',
            cboId: row.cboId,
            cboName: cbo?.name ?? '',
            cboNameKm: cbo?.nameKm ?? null,
            moduleId: module.id,
            moduleTitleKm: module.titleKm,
            moduleTitleEn: module.titleEn,
            sessionDate: new Date(session.startsAt),
            trainerNames,
            language: session.language,
          });
          if (issued && member) {
            await tx.notify(
              message(
                'training_certificate',
                notificationKey('training-certificate', session.id, member.userId),
                member,
                {
                  moduleKm: module.titleKm,
                  moduleEn: module.titleEn,
                  startsAt: session.startsAt,
                  code: issued.code,
                  link: certificateLink({ webUrl: this.config.WEB_URL }, member.locale, issued.code),
                },
                row.cboId,
              ),
            );
          }
        }
        await tx.markCompleted(session.id);
        await tx.audit({
          action: 'training.session.complete',
          target: { type: 'training_session', id: session.id },
          actor: auditActorOf(caller),
          eventId: `training.session.complete:${session.id}`,
          details: { completedCboIds: completing, attendees: attending.map((row) => row.memberId) },
        });
      }
      const required = await tx.requiredModuleIds();
      const done = await tx.completedModules(completing);
      return {
        completed: completing.map((cboId) => ({
          cboId,
          completedModuleIds: done.get(cboId) ?? [],
          requiredModuleIds: required,
        })),
      };
    });
  }

  /**
   * The attendance form and sign-in sheet: the expected attendees (the confirmed seats, frozen
   * once held) with their names, and the marks once recorded. A trainer of the session, a
   * coordinator or an admin.
   */
  async attendance(caller: Caller, sessionId: string): Promise<TrainingAttendanceView> {
    const person = requireGroup(caller, 'sessionSchedulers');
    const { run, module } = await this.load(sessionId);
    const session = run.session;
    if (!hasRole(person, 'admin', 'coordinator') && !session.trainerIds.includes(person.userId)) {
      throw notSessionTrainer();
    }
    const rows: Array<{ memberId: string; cboId: string; mark: AttendanceRow['mark'] }> = run.heldAt
      ? await this.repository.attendanceOf(session.id)
      : (await this.repository.seatsOf(session.id))
          .filter((seat) => seat.status === 'confirmed')
          .map((seat) => ({ memberId: seat.memberId, cboId: seat.cboId, mark: null }));
    const cboIds = [...new Set(rows.map((row) => row.cboId))];
    const members = await this.membersOf(cboIds);
    const cbos = new Map<string, CboSummary | null>();
    for (const cboId of cboIds) cbos.set(cboId, await this.directory.cbo(cboId));
    const trainers = await this.directory.trainers(session.trainerIds);
    const expected = rows
      .map((row) => ({
        memberId: row.memberId,
        memberName: members.get(row.cboId)?.find((m) => m.userId === row.memberId)?.displayName ?? '',
        cboId: row.cboId,
        cboName: cbos.get(row.cboId)?.name ?? '',
        cboNameKm: cbos.get(row.cboId)?.nameKm ?? null,
      }))
      .sort((a, b) => a.cboName.localeCompare(b.cboName) || a.memberName.localeCompare(b.memberName));
    return {
      session,
      module: { id: module.id, titleKm: module.titleKm, titleEn: module.titleEn },
      expected,
      marks: run.attendanceRecordedAt
        ? rows.filter((row) => row.mark !== null).map((row) => ({ memberId: row.memberId, mark: row.mark! }))
        : null,
      recordedAt: run.attendanceRecordedAt?.toISOString() ?? null,
      recordedBy: run.attendanceRecordedBy,
      trainerNames: session.trainerIds
        .map((id) => trainers.find((t) => t.userId === id)?.displayName)
        .filter((name): name is string => !!name),
    };
  }
}
