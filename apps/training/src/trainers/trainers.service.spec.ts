import { Availability, type Caller } from '@bandanh/contracts';
import { refusal, staff, STAFF_ID } from '@bandanh/platform/testing';
import { EXCEPTION_ID, TRAINER_ID, aTrainer, aTrainerDraft, fakeTrainersRepository } from './trainers.fakes';
import { TrainersService } from './trainers.service';

const NEW_TRAINER = '55555555-5555-4555-8555-555555555555';
/** The trainer of TRAINER_ID, signed in. */
const theTrainer: Caller = { kind: 'staff', userId: TRAINER_ID, roles: ['trainer'] };

const availability = (overrides: Partial<Availability> = {}): Availability =>
  Availability.parse({
    windows: [{ weekday: 3, start: '09:00', end: '16:00' }],
    exceptions: [],
    ...overrides,
  });

describe('reading trainers', () => {
  it('is for admins and coordinators; a trainer reads only their own profile', async () => {
    const trainers = new TrainersService(fakeTrainersRepository());
    await expect(trainers.list(staff('coordinator'), { includeInactive: false })).resolves.toHaveLength(1);
    await expect(trainers.list(staff('trainer'), { includeInactive: false })).rejects.toEqual(
      refusal('FORBIDDEN'),
    );
    await expect(trainers.get(staff('admin'), TRAINER_ID)).resolves.toEqual(aTrainer());
    await expect(trainers.get(theTrainer, TRAINER_ID)).resolves.toEqual(aTrainer());
    await expect(trainers.get(staff('trainer'), TRAINER_ID)).rejects.toEqual(refusal('FORBIDDEN'));
    await expect(trainers.mine(theTrainer)).resolves.toEqual(aTrainer());
    await expect(trainers.mine(staff('coordinator'))).rejects.toEqual(refusal('FORBIDDEN'));
  });

  it('says an account without a profile has none', async () => {
    await expect(new TrainersService(fakeTrainersRepository()).mine(staff('trainer'))).rejects.toEqual(
      expect.objectContaining({ code: 'NOT_FOUND', details: { id: STAFF_ID, resource: 'Trainer' } }),
    );
  });
});

describe('saving a trainer', () => {
  it('is for admins and coordinators, not for the trainer', async () => {
    const repository = fakeTrainersRepository();
    await expect(
      new TrainersService(repository).save(theTrainer, TRAINER_ID, aTrainerDraft()),
    ).rejects.toEqual(refusal('FORBIDDEN', 'This needs one of the roles: admin, coordinator'));
    expect(repository.upsert).not.toHaveBeenCalled();
  });

  it('adds a profile, giving each exception an id, and writes it down', async () => {
    const repository = fakeTrainersRepository();
    const draft = aTrainerDraft({
      exceptions: [
        { startDate: '2027-01-04', endDate: '2027-01-08', kind: 'other_work', note: 'Donor visit' },
      ],
    });
    const { trainer, created } = await new TrainersService(repository).save(
      staff('coordinator'),
      NEW_TRAINER,
      draft,
    );
    expect(created).toBe(true);
    expect(trainer.exceptions).toEqual([
      {
        id: expect.any(String),
        startDate: '2027-01-04',
        endDate: '2027-01-08',
        kind: 'other_work',
        note: 'Donor visit',
      },
    ]);
    expect(repository.audit).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'training.trainer.create',
        target: { type: 'trainer', id: NEW_TRAINER },
        actor: STAFF_ID,
        details: expect.objectContaining({
          moduleIds: ['human_rights', 'advocacy'],
          provinceCodes: ['KH-2', 'KH-17'],
        }),
      }),
    );
  });

  it('replaces a profile, writing down only what changed and keeping exception ids', async () => {
    const repository = fakeTrainersRepository();
    const draft = aTrainerDraft({
      moduleIds: ['human_rights'],
      exceptions: [{ id: EXCEPTION_ID, startDate: '2026-12-24', endDate: '2026-12-26', kind: 'leave' }],
    });
    const { created, trainer } = await new TrainersService(repository).save(
      staff('admin'),
      TRAINER_ID,
      draft,
    );
    expect(created).toBe(false);
    expect(trainer.exceptions[0].id).toBe(EXCEPTION_ID);
    expect(repository.audit).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'training.trainer.update',
        details: {
          before: { moduleIds: ['human_rights', 'advocacy'] },
          after: { moduleIds: ['human_rights'] },
        },
      }),
    );
  });

  it('refuses a module that is not in the catalogue, naming the field, and changes nothing', async () => {
    const repository = fakeTrainersRepository();
    await expect(
      new TrainersService(repository).save(
        staff('admin'),
        TRAINER_ID,
        aTrainerDraft({ moduleIds: ['cooking'] }),
      ),
    ).rejects.toEqual(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: { issues: [expect.objectContaining({ path: 'moduleIds', code: 'unknown_module' })] },
      }),
    );
    expect(repository.upsert).not.toHaveBeenCalled();
    expect(repository.audit).not.toHaveBeenCalled();
  });
});

describe('changing availability', () => {
  it('lets a trainer change their own, and writes it down with them as the actor', async () => {
    const repository = fakeTrainersRepository();
    const trainer = await new TrainersService(repository).updateAvailability(
      theTrainer,
      undefined,
      availability(),
    );
    expect(trainer.windows).toEqual([{ weekday: 3, start: '09:00', end: '16:00' }]);
    expect(trainer.moduleIds).toEqual(['human_rights', 'advocacy']);
    expect(repository.updateAvailability).toHaveBeenCalledWith(TRAINER_ID, {
      windows: [{ weekday: 3, start: '09:00', end: '16:00' }],
      exceptions: [],
    });
    expect(repository.audit).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'training.trainer.availability', actor: TRAINER_ID }),
    );
  });

  it("lets a coordinator change anyone's, and not a trainer someone else's", async () => {
    const repository = fakeTrainersRepository();
    await new TrainersService(repository).updateAvailability(
      staff('coordinator'),
      TRAINER_ID,
      availability(),
    );
    expect(repository.audit).toHaveBeenCalledWith(expect.objectContaining({ actor: STAFF_ID }));
    await expect(
      new TrainersService(repository).updateAvailability(theTrainer, NEW_TRAINER, availability()),
    ).rejects.toEqual(refusal('FORBIDDEN'));
    await expect(
      new TrainersService(repository).updateAvailability(staff('coordinator'), undefined, availability()),
    ).rejects.toEqual(refusal('FORBIDDEN'));
  });

  it('says a trainer without a profile has none, and writes nothing down', async () => {
    const repository = fakeTrainersRepository({}, []);
    await expect(
      new TrainersService(repository).updateAvailability(theTrainer, undefined, availability()),
    ).rejects.toEqual(refusal('NOT_FOUND'));
    expect(repository.updateAvailability).not.toHaveBeenCalled();
    expect(repository.audit).not.toHaveBeenCalled();
  });
});
