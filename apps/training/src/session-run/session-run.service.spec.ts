import { NotificationKey, NotificationRequest } from '@bandanh/contracts';
import { aMember, aTrainerRecipient, fakeDirectory } from '../directory/directory.fakes';
import { applicant, orchestrator, refusal, replaying, staff, STAFF_ID } from '@bandanh/platform/testing';
import { TRAINER_ID, aTrainer } from '../trainers/trainers.fakes';
import { RUN_SESSION_ID, aRunSession, aSeat, fakeSessionRunRepository } from './session-run.fakes';
import type { SessionRunRepository } from './session-run.repository';
import { SessionRunService } from './session-run.service';

const config = {
  TRAINING_TRAVEL_MINUTES: 120,
  TRAINING_COMPLETION_MIN_ATTENDEES: 1,
  WEB_URL: 'http://web.test',
};

const LOCAL = 'aaaaaaaa-0000-4000-8000-000000000001';
const FAR = 'aaaaaaaa-0000-4000-8000-000000000002';
const DONE = 'aaaaaaaa-0000-4000-8000-000000000003';
const M1 = 'bbbbbbbb-0000-4000-8000-000000000001';
const M2 = 'bbbbbbbb-0000-4000-8000-000000000002';
const M3 = 'bbbbbbbb-0000-4000-8000-000000000003';

const cbos = [
  { id: FAR, name: 'Angkor Fishers', nameKm: null, provinceCode: 'KH-17', stage: 'participant' },
  { id: LOCAL, name: 'Bavel Youth', nameKm: 'យុវជនបវេល', provinceCode: 'KH-2', stage: 'training' },
  { id: DONE, name: 'Ek Phnom Farmers', nameKm: null, provinceCode: 'KH-2', stage: 'participant' },
];
const directory = () =>
  fakeDirectory({
    cbos,
    members: { [LOCAL]: [aMember(M1), aMember(M2, { locale: 'en' })], [FAR]: [aMember(M3)], [DONE]: [] },
    trainers: [aTrainerRecipient(TRAINER_ID)],
  });

const keysOf = (messages: NotificationRequest[]) => messages.map((m) => m.key);

describe('a session run', () => {
  it('invites the participants that have not completed the module, the province first, and tells their members', async () => {
    const repository = fakeSessionRunRepository(aRunSession(), {
      completions: [{ cboId: DONE, moduleId: 'human_rights' }],
    });
    const service = new SessionRunService(repository, directory(), config);
    const answer = await service.invite(orchestrator, { sessionId: RUN_SESSION_ID, eventId: 'wf:invite' });
    expect(answer).toEqual({ invitedCboIds: [LOCAL, FAR] });
    expect(repository.once).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'training.session.invite', key: 'wf:invite' }),
      expect.any(Function),
    );
    const sent = repository.store.notified;
    expect(sent.map((m) => m.recipient.userId)).toEqual([M1, M2, M3]);
    for (const message of sent) {
      expect(NotificationRequest.parse(message)).toBeTruthy();
      expect(NotificationKey.safeParse(message.key).success).toBe(true);
    }
    expect(sent[0]).toMatchObject({
      kind: 'training_invitation',
      locale: 'km',
      cboId: LOCAL,
      params: expect.objectContaining({
        cboNameKm: 'យុវជនបវេល',
        moduleEn: 'Human rights',
        placeEn: expect.stringContaining('Battambang'),
      }),
    });
    expect(sent[1].params.link).toBe('http://web.test/en/my-cbo');
    expect(repository.audit).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'training.session.invite', actor: 'system:orchestrator' }),
    );

    // A new event invites only whom it has not invited yet, and tells nobody twice.
    const again = await service.invite(orchestrator, { sessionId: RUN_SESSION_ID, eventId: 'wf:invite:2' });
    expect(again).toEqual(answer);
    expect(repository.store.notified).toHaveLength(3);
  });

  it('invites nobody new to a session that has started, and answers the invitations it has', async () => {
    const started = aRunSession();
    started.session = { ...started.session, startsAt: new Date(Date.now() - 60_000).toISOString() };
    const repository = fakeSessionRunRepository(started);
    const answer = await new SessionRunService(repository, directory(), config).invite(orchestrator, {
      sessionId: RUN_SESSION_ID,
      eventId: 'wf:invite',
    });
    expect(answer).toEqual({ invitedCboIds: [] });
    expect(repository.store.notified).toEqual([]);
    expect(repository.audit).not.toHaveBeenCalled();
  });

  it('answers a repeated event with its first answer, telling nobody', async () => {
    const repository = fakeSessionRunRepository();
    repository.once = replaying<SessionRunRepository>({ invitedCboIds: [LOCAL] }) as typeof repository.once;
    const answer = await new SessionRunService(repository, directory(), config).invite(orchestrator, {
      sessionId: RUN_SESSION_ID,
      eventId: 'wf:invite',
    });
    expect(answer).toEqual({ invitedCboIds: [LOCAL] });
    expect(repository.notify).not.toHaveBeenCalled();
  });

  it('lets only the orchestrator run a session', async () => {
    const service = new SessionRunService(fakeSessionRunRepository(), directory(), config);
    for (const caller of [staff('admin'), applicant(LOCAL)]) {
      await expect(service.invite(caller, { sessionId: RUN_SESSION_ID, eventId: 'wf:x' })).rejects.toEqual(
        refusal('FORBIDDEN'),
      );
      await expect(service.hold(caller, { sessionId: RUN_SESSION_ID })).rejects.toEqual(refusal('FORBIDDEN'));
      await expect(service.complete(caller, { sessionId: RUN_SESSION_ID })).rejects.toEqual(
        refusal('FORBIDDEN'),
      );
    }
  });

  it('reminds the members of invited CBOs who have not declined', async () => {
    const repository = fakeSessionRunRepository(aRunSession(), { seats: [aSeat(M2, LOCAL, 'declined')] });
    const service = new SessionRunService(repository, directory(), config);
    await service.invite(orchestrator, { sessionId: RUN_SESSION_ID, eventId: 'wf:invite' });
    repository.store.notified = [];
    const answer = await service.remind(orchestrator, {
      sessionId: RUN_SESSION_ID,
      eventId: 'wf:remind:1d',
      lead: '1 day',
    });
    expect(answer).toEqual({ notified: 2 });
    expect(repository.store.notified.map((m) => [m.kind, m.recipient.userId, m.params.lead])).toEqual([
      ['training_reminder', M1, '1 day'],
      ['training_reminder', M3, '1 day'],
    ]);
  });

  it('moves a session the rules allow and tells the invited members and trainers; refuses one they do not', async () => {
    const repository = fakeSessionRunRepository(
      aRunSession({
        session: {
          ...aRunSession().session,
          trainerIds: [TRAINER_ID],
          startsAt: '2036-01-07T02:00:00.000Z',
          endsAt: '2036-01-07T05:00:00.000Z',
        },
      }),
    );
    repository.trainers = jest.fn(async () => [
      aTrainer({
        provinceCodes: ['KH-2'],
        windows: [{ weekday: 1, start: '08:00', end: '17:00' }],
        exceptions: [],
      }),
    ]);
    const service = new SessionRunService(repository, directory(), config);
    await service.invite(orchestrator, { sessionId: RUN_SESSION_ID, eventId: 'wf:invite' });
    repository.store.notified = [];
    // A Tuesday: the trainer's window is on Mondays.
    await expect(
      service.reschedule(orchestrator, {
        sessionId: RUN_SESSION_ID,
        eventId: 'wf:move:1',
        startsAt: '2036-01-08T02:00:00.000Z',
        endsAt: '2036-01-08T05:00:00.000Z',
        movedBy: STAFF_ID,
      }),
    ).rejects.toEqual(
      expect.objectContaining({
        code: 'CONFLICT',
        details: expect.objectContaining({ reason: 'outside_availability' }),
      }),
    );
    expect(repository.moveSession).not.toHaveBeenCalled();
    // Monday 14 January 2036, 09:00–12:00 in Phnom Penh.
    const { session } = await service.reschedule(orchestrator, {
      sessionId: RUN_SESSION_ID,
      eventId: 'wf:move:2',
      startsAt: '2036-01-14T02:00:00.000Z',
      endsAt: '2036-01-14T05:00:00.000Z',
      movedBy: STAFF_ID,
    });
    expect(session.startsAt).toBe('2036-01-14T02:00:00.000Z');
    expect(repository.around).toHaveBeenCalledWith(expect.any(Date), expect.any(Date), RUN_SESSION_ID);
    expect(repository.store.notified.map((m) => m.recipient.userId)).toEqual([M1, M2, M3, TRAINER_ID]);
    expect(repository.store.notified[0].params).toMatchObject({ oldStartsAt: '2036-01-07T02:00:00.000Z' });
    expect(new Set(keysOf(repository.store.notified)).size).toBe(4);
  });

  it('refuses to move or cancel a held session', async () => {
    const repository = fakeSessionRunRepository(aRunSession({ heldAt: new Date() }));
    const service = new SessionRunService(repository, directory(), config);
    await expect(
      service.cancel(orchestrator, {
        sessionId: RUN_SESSION_ID,
        eventId: 'wf:c',
        reason: 'Rain',
        cancelledBy: STAFF_ID,
      }),
    ).rejects.toEqual(expect.objectContaining({ code: 'CONFLICT', details: { reason: 'already_held' } }));
  });

  it('cancels once, telling everyone invited and the trainers', async () => {
    const repository = fakeSessionRunRepository(
      aRunSession({ session: { ...aRunSession().session, trainerIds: [TRAINER_ID] } }),
    );
    const service = new SessionRunService(repository, directory(), config);
    await service.invite(orchestrator, { sessionId: RUN_SESSION_ID, eventId: 'wf:invite' });
    repository.store.notified = [];
    const input = { sessionId: RUN_SESSION_ID, eventId: 'wf:cancel', reason: 'Flood', cancelledBy: STAFF_ID };
    const { session } = await service.cancel(orchestrator, input);
    expect(session.status).toBe('cancelled');
    expect(repository.store.notified.map((m) => [m.kind, m.recipient.userId])).toEqual([
      ['training_cancelled', M1],
      ['training_cancelled', M2],
      ['training_cancelled', M3],
      ['training_cancelled', TRAINER_ID],
    ]);
    await service.cancel(orchestrator, { ...input, eventId: 'wf:cancel:again' });
    expect(repository.store.notified).toHaveLength(4);
  });

  it('holds with the confirmed seats as the expected attendees, then records one mark each', async () => {
    const repository = fakeSessionRunRepository(aRunSession(), {
      seats: [aSeat(M1, LOCAL), aSeat(M2, LOCAL, 'waitlisted'), aSeat(M3, FAR)],
    });
    const service = new SessionRunService(repository, directory(), config);
    await expect(
      service.recordAttendance(orchestrator, {
        sessionId: RUN_SESSION_ID,
        eventId: 'wf:a',
        recordedBy: STAFF_ID,
        marks: [],
      }),
    ).rejects.toEqual(expect.objectContaining({ details: { reason: 'not_held_yet' } }));
    expect(await service.hold(orchestrator, { sessionId: RUN_SESSION_ID })).toEqual({ memberIds: [M1, M3] });
    // A seat taken after the session was held is not expected.
    repository.store.seats.push(aSeat(M2, LOCAL));
    expect(await service.hold(orchestrator, { sessionId: RUN_SESSION_ID })).toEqual({ memberIds: [M1, M3] });

    await expect(
      service.recordAttendance(orchestrator, {
        sessionId: RUN_SESSION_ID,
        eventId: 'wf:a',
        recordedBy: STAFF_ID,
        marks: [
          { memberId: M1, mark: 'present' },
          { memberId: M2, mark: 'absent' },
        ],
      }),
    ).rejects.toEqual(
      expect.objectContaining({
        code: 'CONFLICT',
        details: { reason: 'attendees_mismatch', unexpected: [M2], missing: [M3], duplicated: [] },
      }),
    );
    const marks = [
      { memberId: M1, mark: 'present' as const },
      { memberId: M3, mark: 'absent' as const },
    ];
    expect(
      await service.recordAttendance(orchestrator, {
        sessionId: RUN_SESSION_ID,
        eventId: 'wf:a',
        recordedBy: STAFF_ID,
        marks,
      }),
    ).toEqual({ recorded: 2 });
    await expect(
      service.recordAttendance(orchestrator, {
        sessionId: RUN_SESSION_ID,
        eventId: 'wf:b',
        recordedBy: STAFF_ID,
        marks,
      }),
    ).rejects.toEqual(expect.objectContaining({ details: { reason: 'attendance_recorded' } }));
  });

  it('completes the module for CBOs with enough attendees, issues a certificate to each attendee once', async () => {
    const repository = fakeSessionRunRepository(
      aRunSession({
        heldAt: new Date(),
        attendanceRecordedAt: new Date(),
        session: { ...aRunSession().session, trainerIds: [TRAINER_ID], status: 'held' },
      }),
      {
        attendance: [
          {
            sessionId: RUN_SESSION_ID,
            memberId: M1,
            cboId: LOCAL,
            mark: 'present',
            recordedBy: STAFF_ID,
            recordedAt: new Date(),
          },
          {
            sessionId: RUN_SESSION_ID,
            memberId: M2,
            cboId: LOCAL,
            mark: 'late',
            recordedBy: STAFF_ID,
            recordedAt: new Date(),
          },
          {
            sessionId: RUN_SESSION_ID,
            memberId: M3,
            cboId: FAR,
            mark: 'excused',
            recordedBy: STAFF_ID,
            recordedAt: new Date(),
          },
        ],
        completions: [{ cboId: LOCAL, moduleId: 'advocacy' }],
      },
    );
    const service = new SessionRunService(repository, directory(), {
      ...config,
      TRAINING_COMPLETION_MIN_ATTENDEES: 2,
    });
    const answer = await service.complete(orchestrator, { sessionId: RUN_SESSION_ID });
    expect(answer).toEqual({
      completed: [
        {
          cboId: LOCAL,
          completedModuleIds: ['advocacy', 'human_rights'],
          requiredModuleIds: ['advocacy', 'human_rights'],
        },
      ],
    });
    expect(
      repository.store.certificates.map((c) => [c.memberId, c.memberName, c.cboName, c.trainerNames]),
    ).toEqual([
      [M1, 'Member bbbb', 'Bavel Youth', ['Trainer ' + TRAINER_ID.slice(0, 4)]],
      [M2, 'Member bbbb', 'Bavel Youth', ['Trainer ' + TRAINER_ID.slice(0, 4)]],
    ]);
    for (const certificate of repository.store.certificates)
      expect(certificate.code).toMatch(/^CRT-[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(repository.store.notified.map((m) => [m.kind, m.recipient.userId])).toEqual([
      ['training_certificate', M1],
      ['training_certificate', M2],
    ]);
    expect(repository.store.notified[0].params.link).toBe(
      `http://web.test/km/certificates/${repository.store.certificates[0].code}`,
    );
    // Again: the same completions, nothing issued or told twice.
    expect(await service.complete(orchestrator, { sessionId: RUN_SESSION_ID })).toEqual(answer);
    expect(repository.store.certificates).toHaveLength(2);
    expect(repository.store.notified).toHaveLength(2);
  });

  it('completes only after the attendance is recorded', async () => {
    const service = new SessionRunService(
      fakeSessionRunRepository(aRunSession({ heldAt: new Date() })),
      directory(),
      config,
    );
    await expect(service.complete(orchestrator, { sessionId: RUN_SESSION_ID })).rejects.toEqual(
      refusal('CONFLICT'),
    );
  });

  it("shows the attendance sheet to the session's trainers, coordinators and admins only", async () => {
    const repository = fakeSessionRunRepository(
      aRunSession({ session: { ...aRunSession().session, trainerIds: [TRAINER_ID] } }),
      { seats: [aSeat(M1, LOCAL), aSeat(M3, FAR, 'waitlisted')] },
    );
    const service = new SessionRunService(repository, directory(), config);
    const trainer = { kind: 'staff' as const, userId: TRAINER_ID, roles: ['trainer' as const] };
    const sheet = await service.attendance(trainer, RUN_SESSION_ID);
    expect(sheet.expected).toEqual([
      {
        memberId: M1,
        memberName: 'Member bbbb',
        cboId: LOCAL,
        cboName: 'Bavel Youth',
        cboNameKm: 'យុវជនបវេល',
      },
    ]);
    expect(sheet.marks).toBeNull();
    await expect(service.attendance(staff('coordinator'), RUN_SESSION_ID)).resolves.toBeTruthy();
    await expect(service.attendance(staff('trainer'), RUN_SESSION_ID)).rejects.toEqual(
      expect.objectContaining({ code: 'FORBIDDEN', details: { reason: 'not_session_trainer' } }),
    );
    await expect(service.attendance(staff('assessor'), RUN_SESSION_ID)).rejects.toEqual(refusal('FORBIDDEN'));
    await expect(service.attendance(applicant(LOCAL), RUN_SESSION_ID)).rejects.toEqual(refusal('FORBIDDEN'));
  });
});
