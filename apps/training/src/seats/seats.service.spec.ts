import { MAX_SLOT_SEARCH_DAYS, TRAINING_SEAT_REFUSALS, type Caller } from '@bandanh/contracts';
import * as rules from '../scheduling';
import { applicant, APPLICANT_ID, refusal, staff } from '@bandanh/platform/testing';
import { CBO_A, CBO_B, SEAT_SESSION_ID, aLockedSession, aSeatRow, fakeSeatsRepository } from './seats.fakes';
import { SeatsService } from './seats.service';
import { aMember, fakeDirectory } from '../directory/directory.fakes';

const config = { TRAINING_SEATS_PER_CBO: 3, WEB_URL: 'http://web.test' };
const directory = fakeDirectory({ members: { [CBO_A]: [aMember(APPLICANT_ID)] } });
const OTHER = '33333333-3333-4333-8333-333333333333';
const THIRD = '44444444-4444-4444-8444-444444444444';

describe('seats at a session', () => {
  it("names the seat rules' refusals and the slot search's longest range in the contracts", () => {
    expect(TRAINING_SEAT_REFUSALS).toEqual(expect.arrayContaining([...rules.SEAT_REFUSALS]));
    expect(MAX_SLOT_SEARCH_DAYS).toBe(rules.MAX_SLOT_SEARCH_DAYS);
  });

  it('gives a free seat to a linked member under the session lock, and writes it down', async () => {
    const repository = fakeSeatsRepository();
    const { seat, created } = await new SeatsService(repository, config, directory).confirm(
      applicant(CBO_A),
      SEAT_SESSION_ID,
    );
    expect(created).toBe(true);
    expect(seat).toMatchObject({ memberId: APPLICANT_ID, cboId: CBO_A, status: 'confirmed', position: null });
    expect(repository.transaction).toHaveBeenCalled();
    expect(repository.lockSession).toHaveBeenCalledWith(SEAT_SESSION_ID);
    expect(repository.audit).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'training.seat.confirm',
        target: { type: 'training_session', id: SEAT_SESSION_ID },
        actor: APPLICANT_ID,
      }),
    );
  });

  it('waitlists a member when the session is full, and answers the same to a repeat without writing', async () => {
    const repository = fakeSeatsRepository(aLockedSession(), [
      aSeatRow(OTHER, { cboId: CBO_B }),
      aSeatRow(THIRD, { cboId: CBO_B }),
    ]);
    const service = new SeatsService(repository, config, directory);
    const first = await service.confirm(applicant(CBO_A), SEAT_SESSION_ID);
    expect(first).toMatchObject({ created: true, seat: { status: 'waitlisted', position: 1 } });
    const again = await service.confirm(applicant(CBO_A), SEAT_SESSION_ID);
    expect(again).toEqual({ ...first, created: false });
    expect(repository.request).toHaveBeenCalledTimes(1);
    expect(repository.audit).toHaveBeenCalledTimes(1);
  });

  it("refuses a seat to a CBO at the session's own limit, or the setting's, and writes nothing", async () => {
    const own = fakeSeatsRepository(aLockedSession({ capacity: 10, perCboLimit: 1 }), [aSeatRow(OTHER)]);
    await expect(
      new SeatsService(own, config, directory).confirm(applicant(CBO_A), SEAT_SESSION_ID),
    ).rejects.toEqual(
      expect.objectContaining({ code: 'CONFLICT', details: { reason: 'cbo_limit_reached', limit: 1 } }),
    );
    const setting = fakeSeatsRepository(aLockedSession({ capacity: 10 }), [aSeatRow(OTHER), aSeatRow(THIRD)]);
    await expect(
      new SeatsService(setting, { ...config, TRAINING_SEATS_PER_CBO: 2 }, directory).confirm(
        applicant(CBO_A),
        SEAT_SESSION_ID,
      ),
    ).rejects.toEqual(refusal('CONFLICT'));
    expect(own.request).not.toHaveBeenCalled();
    expect(setting.audit).not.toHaveBeenCalled();
  });

  it('refuses staff, members not linked to a CBO, unknown and closed sessions', async () => {
    const service = new SeatsService(fakeSeatsRepository(), config, directory);
    await expect(service.confirm(staff('coordinator'), SEAT_SESSION_ID)).rejects.toEqual(
      refusal('FORBIDDEN'),
    );
    await expect(service.confirm(applicant(null), SEAT_SESSION_ID)).rejects.toEqual(
      expect.objectContaining({ code: 'CONFLICT', details: { reason: 'not_linked_to_cbo' } }),
    );
    await expect(
      new SeatsService(
        Object.assign(fakeSeatsRepository(), { lockSession: jest.fn(async () => undefined) }),
        config,
        directory,
      ).confirm(applicant(CBO_A), SEAT_SESSION_ID),
    ).rejects.toEqual(refusal('NOT_FOUND'));
    await expect(
      new SeatsService(
        fakeSeatsRepository(aLockedSession({ status: 'cancelled' })),
        config,
        directory,
      ).decline(applicant(CBO_A), SEAT_SESSION_ID),
    ).rejects.toEqual(expect.objectContaining({ code: 'CONFLICT', details: { reason: 'session_closed' } }));
  });

  it('gives a declined seat to the first waitlisted in request order, and writes both down', async () => {
    const repository = fakeSeatsRepository(aLockedSession({ capacity: 1 }), [
      aSeatRow(APPLICANT_ID),
      aSeatRow(THIRD, { status: 'waitlisted', requestedAt: new Date('2026-12-01T03:00:00.000Z') }),
      aSeatRow(OTHER, { status: 'waitlisted', requestedAt: new Date('2026-12-01T02:30:00.000Z') }),
    ]);
    const member: Caller = applicant(CBO_A);
    const { seat, promoted } = await new SeatsService(repository, config, directory).decline(
      member,
      SEAT_SESSION_ID,
    );
    expect(seat).toMatchObject({ status: 'declined' });
    expect(promoted).toEqual([expect.objectContaining({ memberId: OTHER, status: 'confirmed' })]);
    expect(promoted[0].promotedAt).toEqual(expect.any(String));
    expect(repository.rows.find((r) => r.memberId === THIRD)?.status).toBe('waitlisted');
    expect((repository.audit as jest.Mock).mock.calls.map(([entry]) => entry.action)).toEqual([
      'training.seat.decline',
      'training.seat.promote',
    ]);
  });

  it('declines a waitlist place without promoting anyone, and a second decline changes nothing', async () => {
    const repository = fakeSeatsRepository(aLockedSession({ capacity: 1 }), [
      aSeatRow(OTHER),
      aSeatRow(APPLICANT_ID, { status: 'waitlisted' }),
    ]);
    const service = new SeatsService(repository, config, directory);
    expect((await service.decline(applicant(CBO_A), SEAT_SESSION_ID)).promoted).toEqual([]);
    expect((await service.decline(applicant(CBO_A), SEAT_SESSION_ID)).seat.status).toBe('declined');
    expect(repository.setStatus).toHaveBeenCalledTimes(1);
    expect(repository.audit).toHaveBeenCalledTimes(1);
  });

  it('lets an invited member say no before asking for a seat, once; an uninvited one is refused', async () => {
    const repository = fakeSeatsRepository();
    const service = new SeatsService(repository, config, directory);
    const { seat, promoted } = await service.decline(applicant(CBO_A), SEAT_SESSION_ID);
    expect(seat).toMatchObject({ memberId: APPLICANT_ID, status: 'declined', position: null });
    expect(promoted).toEqual([]);
    expect((await service.decline(applicant(CBO_A), SEAT_SESSION_ID)).seat.status).toBe('declined');
    expect(repository.request).toHaveBeenCalledTimes(1);
    expect(repository.audit).toHaveBeenCalledTimes(1);
    expect(repository.trainingStarted).not.toHaveBeenCalled();
    const uninvited = Object.assign(fakeSeatsRepository(), { invited: jest.fn(async () => false) });
    await expect(
      new SeatsService(uninvited, config, directory).decline(applicant(CBO_A), SEAT_SESSION_ID),
    ).rejects.toEqual(expect.objectContaining({ code: 'CONFLICT', details: { reason: 'not_invited' } }));
    expect(uninvited.request).not.toHaveBeenCalled();
  });

  it('refuses a seat to a member whose CBO is not invited, or once the session has started', async () => {
    const uninvited = Object.assign(fakeSeatsRepository(), { invited: jest.fn(async () => false) });
    await expect(
      new SeatsService(uninvited, config, directory).confirm(applicant(CBO_A), SEAT_SESSION_ID),
    ).rejects.toEqual(expect.objectContaining({ code: 'CONFLICT', details: { reason: 'not_invited' } }));
    expect(uninvited.request).not.toHaveBeenCalled();
    const started = fakeSeatsRepository(aLockedSession({ startsAt: new Date(Date.now() - 60_000) }));
    await expect(
      new SeatsService(started, config, directory).confirm(applicant(CBO_A), SEAT_SESSION_ID),
    ).rejects.toEqual(expect.objectContaining({ code: 'CONFLICT', details: { reason: 'session_closed' } }));
  });

  it("tells the member of their seat, and the CBO's pipeline of its first confirmed seat, with the seat", async () => {
    const repository = fakeSeatsRepository(aLockedSession({ capacity: 1 }));
    const service = new SeatsService(repository, config, directory);
    await service.confirm(applicant(CBO_A), SEAT_SESSION_ID);
    expect(repository.notify).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: 'training_seat',
        recipient: expect.objectContaining({ userId: APPLICANT_ID }),
        params: expect.objectContaining({
          status: 'confirmed',
          position: 0,
          moduleEn: 'Human rights',
          place: 'place:online',
        }),
        cboId: CBO_A,
      }),
    );
    expect(repository.trainingStarted).toHaveBeenCalledWith(CBO_A);

    // A CBO that already holds a seat is not signalled again; a waitlisted member is told their place.
    const later = Object.assign(
      fakeSeatsRepository(aLockedSession({ capacity: 1 }), [aSeatRow(OTHER, { cboId: CBO_B })]),
      { cboHasOtherSeat: jest.fn(async () => true) },
    );
    await new SeatsService(later, config, directory).confirm(applicant(CBO_A), SEAT_SESSION_ID);
    expect(later.notify).toHaveBeenCalledWith(
      expect.objectContaining({ params: expect.objectContaining({ status: 'waitlisted', position: 1 }) }),
    );
    expect(later.trainingStarted).not.toHaveBeenCalled();
  });

  it('tells a promoted member, and signals their CBO when it is its first seat', async () => {
    const repository = fakeSeatsRepository(aLockedSession({ capacity: 1 }), [
      aSeatRow(OTHER, { cboId: CBO_B }),
      aSeatRow(APPLICANT_ID, { status: 'waitlisted' }),
    ]);
    const promoted = fakeDirectory({
      members: { [CBO_A]: [aMember(APPLICANT_ID)], [CBO_B]: [aMember(OTHER)] },
    });
    const other: Caller = { kind: 'applicant', userId: OTHER, cboId: CBO_B };
    await new SeatsService(repository, config, promoted).decline(other, SEAT_SESSION_ID);
    expect(repository.notify).toHaveBeenCalledWith(
      expect.objectContaining({
        recipient: expect.objectContaining({ userId: APPLICANT_ID }),
        params: expect.objectContaining({ status: 'promoted' }),
      }),
    );
    expect(repository.trainingStarted).toHaveBeenCalledWith(CBO_A);
  });
});
