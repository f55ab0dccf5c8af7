import { CBO_ID } from '../cbos/cbos.fakes';
import { CALL_ID, REFERRAL_ID, aReferral, fakeReferralsRepository } from '../referrals/referrals.fakes';
import { ReferralsService } from '../referrals/referrals.service';
import type { ReferralsRepository } from '../referrals/referrals.repository';
import { refusal, replaying, staff, STAFF_ID } from '@bandanh/platform/testing';
import { aCallDraft, aStoredCall, fakeHotlineRepository } from './hotline.fakes';
import type { HotlineRepository } from './hotline.repository';
import { HotlineService } from './hotline.service';

const PARTNER_ID = '88888888-8888-4888-8888-888888888888';
const REFERRAL = { partnerId: PARTNER_ID, reason: 'Needs a lawyer for a land title dispute' };

function serviceOver(
  repository: HotlineRepository,
  referrals: ReferralsRepository = fakeReferralsRepository(),
) {
  return new HotlineService(repository, new ReferralsService(referrals));
}

describe('logging a hotline call', () => {
  it('is for hotline staff', async () => {
    const repository = fakeHotlineRepository();
    await expect(
      serviceOver(repository).log(staff('approver'), 'key-00001', CBO_ID, aCallDraft()),
    ).rejects.toEqual(refusal('FORBIDDEN', 'This needs one of the roles: coordinator, admin'));
    expect(repository.once).not.toHaveBeenCalled();
  });

  it('stores the call once per key as the staff member’s, and answers it with its referral', async () => {
    const repository = fakeHotlineRepository();
    const draft = aCallDraft({ occurredAt: '2025-02-01T08:00:00.000Z' });
    const answer = await serviceOver(repository).log(staff('coordinator'), 'key-00001', CBO_ID, draft);
    expect(answer).toEqual({ call: { ...aStoredCall(), referral: aReferral() }, created: true });
    expect(repository.once).toHaveBeenCalledWith(
      { name: 'network.hotline.log', key: 'key-00001', request: { cboId: CBO_ID, draft } },
      expect.any(Function),
    );
    expect(repository.insertCall).toHaveBeenCalledWith(
      expect.objectContaining({
        cboId: CBO_ID,
        loggedBy: STAFF_ID,
        callerName: 'Sokha',
        occurredAt: new Date('2025-02-01T08:00:00.000Z'),
      }),
    );
    expect(repository.refer).not.toHaveBeenCalled();
  });

  it('dates a call now when the draft does not say when', async () => {
    const repository = fakeHotlineRepository();
    const before = Date.now();
    await serviceOver(repository).log(staff('admin'), 'key-00001', CBO_ID, aCallDraft());
    const [{ occurredAt }] = jest.mocked(repository.insertCall).mock.calls[0];
    expect(occurredAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('refers the group to the partner and starts the follow-up, labelled with both names', async () => {
    const repository = fakeHotlineRepository();
    await serviceOver(repository).log(
      staff('coordinator'),
      'key-00001',
      CBO_ID,
      aCallDraft({ referral: REFERRAL }),
    );
    expect(repository.findPartner).toHaveBeenCalledWith(PARTNER_ID);
    expect(repository.refer).toHaveBeenCalledWith(
      { callId: CALL_ID, cboId: CBO_ID, ...REFERRAL },
      'Prey Lang Community Network → Land Rights Legal Aid',
    );
  });

  it('writes down the call and its referral, as the staff member’s, without what was said', async () => {
    const repository = fakeHotlineRepository();
    await serviceOver(repository).log(
      staff('coordinator'),
      'key-00001',
      CBO_ID,
      aCallDraft({ referral: REFERRAL }),
    );
    expect(jest.mocked(repository.audit).mock.calls.map(([entry]) => entry)).toEqual([
      {
        action: 'network.hotline.log',
        target: { type: 'hotline_call', id: CALL_ID },
        actor: STAFF_ID,
        eventId: `network.hotline.log:${CALL_ID}`,
        details: { cboId: CBO_ID, channel: 'call', issue: 'land' },
      },
      {
        action: 'network.referral.create',
        target: { type: 'referral', id: REFERRAL_ID },
        actor: STAFF_ID,
        eventId: `network.referral.create:${REFERRAL_ID}`,
        details: {
          cboId: CBO_ID,
          callId: CALL_ID,
          partnerId: PARTNER_ID,
          partnerName: 'Land Rights Legal Aid',
        },
      },
    ]);
  });

  it('refuses a partner that is not on the active list, and stores nothing', async () => {
    for (const partner of [undefined, { name: 'Closed NGO', active: false }]) {
      const repository = fakeHotlineRepository({ findPartner: jest.fn(async () => partner) });
      await expect(
        serviceOver(repository).log(
          staff('coordinator'),
          'key-00001',
          CBO_ID,
          aCallDraft({ referral: REFERRAL }),
        ),
      ).rejects.toEqual(
        expect.objectContaining({
          code: 'VALIDATION_FAILED',
          details: {
            issues: [
              {
                path: 'referral.partnerId',
                code: 'unknown_partner',
                message: 'Choose a partner NGO from the list',
              },
            ],
          },
        }),
      );
      expect(repository.insertCall).not.toHaveBeenCalled();
      expect(repository.refer).not.toHaveBeenCalled();
    }
  });

  it('says a CBO that does not exist was not found', async () => {
    const repository = fakeHotlineRepository({ findCbo: jest.fn(async () => undefined) });
    await expect(
      serviceOver(repository).log(staff('admin'), 'key-00001', CBO_ID, aCallDraft()),
    ).rejects.toEqual(
      expect.objectContaining({ code: 'NOT_FOUND', details: { id: CBO_ID, resource: 'CBO' } }),
    );
    expect(repository.insertCall).not.toHaveBeenCalled();
  });

  it('answers a retry as not created again', async () => {
    const repository = fakeHotlineRepository({
      once: replaying<HotlineRepository>(CALL_ID),
    });
    const answer = await serviceOver(repository).log(staff('admin'), 'key-00001', CBO_ID, aCallDraft());
    expect(answer.created).toBe(false);
    expect(repository.insertCall).not.toHaveBeenCalled();
  });
});

describe('listing hotline calls', () => {
  it('is for programme staff, each call with its referral or none', async () => {
    const other = aStoredCall({ id: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc' });
    const repository = fakeHotlineRepository({ calls: jest.fn(async () => [aStoredCall(), other]) });
    const hotline = serviceOver(repository);
    await expect(hotline.list(staff('assessor'), { cboId: CBO_ID, limit: 10 })).resolves.toEqual([
      { ...aStoredCall(), referral: aReferral() },
      { ...other, referral: null },
    ]);
    expect(repository.calls).toHaveBeenCalledWith({ cboId: CBO_ID, limit: 10 });
    await expect(hotline.list(staff('trainer'), {})).rejects.toEqual(refusal('FORBIDDEN'));
  });

  it('does not look for referrals when there are no calls', async () => {
    const referrals = fakeReferralsRepository();
    const hotline = serviceOver(fakeHotlineRepository({ calls: jest.fn(async () => []) }), referrals);
    await expect(hotline.list(staff('admin'), {})).resolves.toEqual([]);
    expect(referrals.list).not.toHaveBeenCalled();
  });
});

describe('correcting a hotline call', () => {
  const correction = {
    channel: 'call' as const,
    callerName: 'Sokha',
    occurredAt: '2025-01-31T08:00:00.000Z',
    issue: 'land' as const,
    summary: 'A company is fencing the community forest',
    guidance: 'Document the fence and the dates',
    note: 'Logged with the wrong date',
  };

  it('is for hotline staff, and changes nothing otherwise', async () => {
    const repository = fakeHotlineRepository();
    await expect(serviceOver(repository).correct(staff('approver'), CALL_ID, correction)).rejects.toEqual(
      refusal('FORBIDDEN'),
    );
    expect(repository.correctCall).not.toHaveBeenCalled();
  });

  it('writes the corrected facts and audits who corrected which fact, from what to what', async () => {
    const repository = fakeHotlineRepository();
    await serviceOver(repository).correct(staff('coordinator'), CALL_ID, correction);
    const { note: _note, ...facts } = correction;
    expect(repository.correctCall).toHaveBeenCalledWith(CALL_ID, facts, STAFF_ID);
    expect(repository.auditCorrection).toHaveBeenCalledWith({
      callId: CALL_ID,
      cboId: CBO_ID,
      correctedBy: STAFF_ID,
      before: { occurredAt: '2025-02-01T08:00:00.000Z' },
      after: { occurredAt: '2025-01-31T08:00:00.000Z' },
      note: 'Logged with the wrong date',
    });
  });

  it('writes nothing for a correction that changes nothing', async () => {
    const repository = fakeHotlineRepository();
    await serviceOver(repository).correct(staff('coordinator'), CALL_ID, {
      ...correction,
      occurredAt: '2025-02-01T15:00:00+07:00',
    });
    expect(repository.correctCall).not.toHaveBeenCalled();
    expect(repository.auditCorrection).not.toHaveBeenCalled();
  });

  it('says a call that does not exist was not found', async () => {
    const repository = fakeHotlineRepository({ calls: jest.fn(async () => []) });
    await expect(serviceOver(repository).correct(staff('coordinator'), CALL_ID, correction)).rejects.toEqual(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(repository.correctCall).not.toHaveBeenCalled();
  });
});
