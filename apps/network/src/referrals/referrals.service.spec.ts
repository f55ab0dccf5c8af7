import { orchestrator, refusal, staff } from '@bandanh/platform/testing';
import { REFERRAL_ID, aReferral, fakeReferralsRepository } from './referrals.fakes';
import { ReferralsService } from './referrals.service';

const UNKNOWN = '99999999-9999-4999-8999-999999999999';

describe('reading referrals', () => {
  it('lists them by status for programme staff', async () => {
    const closed = aReferral({ id: UNKNOWN, status: 'closed' });
    const referrals = new ReferralsService(fakeReferralsRepository([aReferral(), closed]));
    await expect(referrals.list(staff('approver'), 'closed')).resolves.toEqual([closed]);
    await expect(referrals.list(staff('coordinator'))).resolves.toHaveLength(2);
    await expect(referrals.list(staff('finance'))).rejects.toEqual(refusal('FORBIDDEN'));
  });

  it('lets programme staff and the follow-up workflow read one', async () => {
    const referrals = new ReferralsService(fakeReferralsRepository());
    await expect(referrals.get(orchestrator, REFERRAL_ID)).resolves.toEqual(aReferral());
    await expect(referrals.get(staff('assessor'), REFERRAL_ID)).resolves.toEqual(aReferral());
    await expect(referrals.get(staff('trainer'), REFERRAL_ID)).rejects.toEqual(refusal('FORBIDDEN'));
  });

  it('says a referral that does not exist was not found', async () => {
    await expect(new ReferralsService(fakeReferralsRepository()).get(orchestrator, UNKNOWN)).rejects.toEqual(
      expect.objectContaining({ code: 'NOT_FOUND', details: { id: UNKNOWN, resource: 'Referral' } }),
    );
  });
});

describe('recording a referral’s outcome', () => {
  it('is the follow-up workflow’s alone', async () => {
    const repository = fakeReferralsRepository();
    await expect(
      new ReferralsService(repository).recordOutcome(staff('coordinator'), REFERRAL_ID, 'resolved'),
    ).rejects.toEqual(refusal('FORBIDDEN', 'Only the orchestrator service may do this'));
    expect(repository.setOutcome).not.toHaveBeenCalled();
  });

  it('keeps the referral open while the partner is still on it, and closes it otherwise', async () => {
    const repository = fakeReferralsRepository();
    const referrals = new ReferralsService(repository);
    await referrals.recordOutcome(orchestrator, REFERRAL_ID, 'in_progress', 'Lawyer assigned');
    await referrals.recordOutcome(orchestrator, REFERRAL_ID, 'not_taken_up');
    expect(jest.mocked(repository.setOutcome).mock.calls).toEqual([
      [REFERRAL_ID, { outcome: 'in_progress', outcomeNote: 'Lawyer assigned', status: 'open' }],
      [REFERRAL_ID, { outcome: 'not_taken_up', outcomeNote: null, status: 'closed' }],
    ]);
  });

  it('says a referral that does not exist was not found', async () => {
    await expect(
      new ReferralsService(fakeReferralsRepository([])).recordOutcome(orchestrator, UNKNOWN, 'resolved'),
    ).rejects.toEqual(refusal('NOT_FOUND'));
  });
});
