import { TRAINING_SCHEDULE_REFUSALS, type Caller } from '@bandanh/contracts';
import { SCHEDULE_REFUSALS } from '../scheduling';
import { refusal, staff, STAFF_ID } from '@bandanh/platform/testing';
import { TRAINER_ID, aTrainer } from '../trainers/trainers.fakes';
import { SESSION_ID, aSession, aSessionDraft, fakeSessionsRepository } from './sessions.fakes';
import { SessionsService } from './sessions.service';
import { aTrainerRecipient, fakeDirectory } from '../directory/directory.fakes';

const config = { TRAINING_TRAVEL_MINUTES: 120, WEB_URL: 'http://web.test' };
const theTrainer: Caller = { kind: 'staff', userId: TRAINER_ID, roles: ['trainer'] };

describe('scheduling a session', () => {
  it('names the refusals of the scheduling rules in the contracts, the same list', () => {
    expect([...TRAINING_SCHEDULE_REFUSALS]).toEqual([...SCHEDULE_REFUSALS]);
  });

  it('schedules a session the rules allow, once per key, under the scheduling lock, and writes it down', async () => {
    const repository = fakeSessionsRepository();
    const draft = aSessionDraft();
    const { session, created } = await new SessionsService(repository, config, fakeDirectory()).create(
      theTrainer,
      'key-00001',
      draft,
    );
    expect(created).toBe(true);
    expect(session).toMatchObject({ moduleId: 'human_rights', createdBy: TRAINER_ID, status: 'scheduled' });
    expect(repository.once).toHaveBeenCalledWith(
      { name: 'training.session.create', key: 'key-00001', request: draft },
      expect.any(Function),
    );
    expect(repository.lock).toHaveBeenCalledWith('training.sessions.schedule');
    // The sessions around it are looked for as far as the travel time reaches.
    expect(repository.around).toHaveBeenCalledWith(
      new Date('2036-01-06T23:00:00.000Z'),
      new Date('2036-01-07T07:00:00.000Z'),
    );
    expect(repository.audit).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'training.session.create',
        target: { type: 'training_session', id: SESSION_ID },
        actor: TRAINER_ID,
      }),
    );
  });

  it("starts the session's workflow and tells its trainers, in the transaction that creates it", async () => {
    const repository = fakeSessionsRepository();
    const directory = fakeDirectory({ trainers: [aTrainerRecipient(TRAINER_ID)] });
    await new SessionsService(repository, config, directory).create(theTrainer, 'key-00001', aSessionDraft());
    expect(repository.startRun).toHaveBeenCalledWith(
      expect.objectContaining({
        sessionId: SESSION_ID,
        moduleId: 'human_rights',
        trainerIds: [TRAINER_ID],
        label: expect.stringContaining('Human rights'),
      }),
    );
    expect(repository.notify).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: 'training_assigned',
        key: `training-assigned:${SESSION_ID}:${TRAINER_ID}`,
        recipient: expect.objectContaining({ userId: TRAINER_ID }),
        params: expect.objectContaining({ link: `http://web.test/en/training/sessions/${SESSION_ID}` }),
      }),
    );
  });

  it('refuses a trainer outside their availability, saying why, and writes nothing', async () => {
    const repository = fakeSessionsRepository();
    const tuesday = aSessionDraft({
      startsAt: '2036-01-08T01:00:00.000Z',
      endsAt: '2036-01-08T05:00:00.000Z',
    });
    await expect(
      new SessionsService(repository, config, fakeDirectory()).create(
        staff('coordinator'),
        'key-00001',
        tuesday,
      ),
    ).rejects.toEqual(
      expect.objectContaining({
        code: 'CONFLICT',
        details: {
          reason: 'outside_availability',
          refusals: [{ code: 'outside_availability', trainerId: TRAINER_ID }],
        },
      }),
    );
    expect(repository.insert).not.toHaveBeenCalled();
    expect(repository.audit).not.toHaveBeenCalled();
  });

  it('refuses a trainer already booked at the time', async () => {
    const other = aSession({ id: '77777777-7777-4777-8777-777777777777' });
    const repository = fakeSessionsRepository({}, [other]);
    await expect(
      new SessionsService(repository, config, fakeDirectory()).create(
        staff('admin'),
        'key-00001',
        aSessionDraft(),
      ),
    ).rejects.toEqual(
      expect.objectContaining({
        details: expect.objectContaining({
          reason: 'double_booked',
          refusals: expect.arrayContaining([
            { code: 'double_booked', trainerId: TRAINER_ID, sessionId: other.id },
            { code: 'venue_taken', sessionId: other.id },
          ]),
        }),
      }),
    );
  });

  it('refuses a trainer without a profile as not qualified, and a module not offered by its field', async () => {
    const repository = fakeSessionsRepository();
    const stranger = '99999999-9999-4999-8999-999999999999';
    await expect(
      new SessionsService(repository, config, fakeDirectory()).create(
        staff('admin'),
        'key-00001',
        aSessionDraft({ trainerIds: [stranger] }),
      ),
    ).rejects.toEqual(
      expect.objectContaining({ details: expect.objectContaining({ reason: 'not_qualified' }) }),
    );
    await expect(
      new SessionsService(repository, config, fakeDirectory()).create(
        staff('admin'),
        'key-00002',
        aSessionDraft({ moduleId: 'cooking' }),
      ),
    ).rejects.toEqual(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: { issues: [expect.objectContaining({ path: 'moduleId' })] },
      }),
    );
  });

  it('lets a trainer schedule only sessions they teach, and others not at all', async () => {
    const repository = fakeSessionsRepository();
    const service = new SessionsService(repository, config, fakeDirectory());
    await expect(
      service.create({ kind: 'staff', userId: STAFF_ID, roles: ['trainer'] }, 'key-00001', aSessionDraft()),
    ).rejects.toEqual(refusal('FORBIDDEN', 'A trainer schedules only sessions they teach'));
    await expect(service.create(staff('assessor'), 'key-00001', aSessionDraft())).rejects.toEqual(
      refusal('FORBIDDEN'),
    );
    expect(repository.once).not.toHaveBeenCalled();
  });
});

describe('reading sessions', () => {
  it('is for programme staff and trainers', async () => {
    const service = new SessionsService(fakeSessionsRepository(), config, fakeDirectory());
    const counted = { ...aSession(), seats: { confirmed: 1, waitlisted: 0 } };
    await expect(service.list(staff('trainer'), {})).resolves.toEqual([counted]);
    await expect(service.get(staff('assessor'), SESSION_ID)).resolves.toEqual(counted);
    await expect(service.list(staff('finance'), {})).rejects.toEqual(refusal('FORBIDDEN'));
    await expect(service.get(staff('admin'), '99999999-9999-4999-8999-999999999999')).rejects.toEqual(
      refusal('NOT_FOUND'),
    );
  });
});

describe('finding a slot', () => {
  const query = {
    moduleId: 'human_rights',
    provinceCode: 'KH-2',
    from: '2036-01-07',
    to: '2036-01-08',
    durationMinutes: 240,
  };
  const withTrainer = () => {
    const trainer = aTrainer({ windows: [{ weekday: 1, start: '08:00', end: '17:00' }], exceptions: [] });
    return fakeSessionsRepository({
      trainersFor: jest.fn(async () => [trainer]),
      moduleDuration: jest.fn(async (id: string) => (id === 'cooking' ? undefined : 480)),
    });
  };

  it("answers the rules' slots of the trainers who teach the module there, around their sessions", async () => {
    const repository = withTrainer();
    const slots = await new SessionsService(repository, config, fakeDirectory()).findSlots(theTrainer, query);
    // Monday 7 January 2036, 08:00 to 17:00 in Phnom Penh: four-hour starts every half hour to 13:00.
    expect(slots.map((slot) => slot.start)).toEqual([
      '2036-01-07T01:00:00.000Z',
      '2036-01-07T01:30:00.000Z',
      '2036-01-07T02:00:00.000Z',
      '2036-01-07T02:30:00.000Z',
      '2036-01-07T03:00:00.000Z',
      '2036-01-07T03:30:00.000Z',
      '2036-01-07T04:00:00.000Z',
      '2036-01-07T04:30:00.000Z',
      '2036-01-07T05:00:00.000Z',
      '2036-01-07T05:30:00.000Z',
      '2036-01-07T06:00:00.000Z',
    ]);
    expect(slots[0].trainerIds).toEqual([TRAINER_ID]);
    expect(repository.trainersFor).toHaveBeenCalledWith('human_rights', 'KH-2');
    // The sessions looked at reach the travel time beyond the days searched.
    expect(repository.around).toHaveBeenCalledWith(
      new Date('2036-01-06T15:00:00.000Z'),
      new Date('2036-01-08T19:00:00.000Z'),
    );
  });

  it("leaves out the trainer's booked hours, and takes the module's length when none is given", async () => {
    const repository = withTrainer();
    (repository.around as jest.Mock).mockResolvedValue([aSession()]);
    const { durationMinutes: _none, ...withoutLength } = query;
    expect(
      await new SessionsService(repository, config, fakeDirectory()).findSlots(
        staff('coordinator'),
        withoutLength,
      ),
    ).toEqual([]);
    const short = await new SessionsService(repository, config, fakeDirectory()).findSlots(staff('admin'), {
      ...query,
      durationMinutes: 180,
    });
    expect(short.map((slot) => slot.start)).toEqual([
      '2036-01-07T05:00:00.000Z',
      '2036-01-07T05:30:00.000Z',
      '2036-01-07T06:00:00.000Z',
      '2036-01-07T06:30:00.000Z',
      '2036-01-07T07:00:00.000Z',
    ]);
  });

  it('refuses a module not offered, and callers who are not programme staff or trainers', async () => {
    const repository = withTrainer();
    const service = new SessionsService(repository, config, fakeDirectory());
    const { durationMinutes: _none, ...withoutLength } = query;
    await expect(
      service.findSlots(staff('admin'), { ...withoutLength, moduleId: 'cooking' }),
    ).rejects.toEqual(refusal('VALIDATION_FAILED'));
    await expect(service.findSlots(staff('assessor'), query)).rejects.toEqual(refusal('FORBIDDEN'));
    expect(repository.trainersFor).not.toHaveBeenCalled();
  });
});
