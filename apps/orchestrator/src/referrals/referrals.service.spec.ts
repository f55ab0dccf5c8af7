import { applicant, fake, network, staff, STAFF_ID } from '../testing/factories';
import { ReferralsService } from './referrals.service';
import { ReferralWorkflows } from './referrals.temporal';

const REFERRAL_ID = '55555555-5555-4555-8555-555555555555';
const input = {
  referralId: REFERRAL_ID,
  cboId: '33333333-3333-4333-8333-333333333333',
  label: 'Prey Lang → LICADHO',
};

function referrals() {
  const workflows = fake<ReferralWorkflows>({
    start: async () => ({ workflowId: `referral-${REFERRAL_ID}`, started: true }),
    recordOutcome: async () => ({ workflowId: `referral-${REFERRAL_ID}` }),
  });
  return { workflows, service: new ReferralsService(workflows) };
}

describe('the referral follow-ups', () => {
  it('are started by the network service only', async () => {
    const { workflows, service } = referrals();
    await expect(service.start(staff('coordinator'), input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.start(network, input)).resolves.toEqual({
      workflowId: `referral-${REFERRAL_ID}`,
      started: true,
    });
    expect(workflows.start).toHaveBeenCalledWith(input);
  });

  it("take an outcome from hotline staff, with the caller's roles, and from no one else", async () => {
    const { workflows, service } = referrals();
    await expect(
      service.recordOutcome(staff('coordinator'), REFERRAL_ID, 'resolved', 'The partner took the case'),
    ).resolves.toEqual({ workflowId: `referral-${REFERRAL_ID}` });
    expect(workflows.recordOutcome).toHaveBeenCalledWith(REFERRAL_ID, {
      actor: { userId: STAFF_ID, roles: ['coordinator'] },
      outcome: 'resolved',
      note: 'The partner took the case',
    });
    for (const caller of [staff('assessor', 'approver'), applicant(), network]) {
      await expect(service.recordOutcome(caller, REFERRAL_ID, 'resolved', undefined)).rejects.toMatchObject({
        code: expect.stringMatching(/FORBIDDEN|UNAUTHENTICATED/),
      });
    }
    await expect(
      service.recordOutcome(staff('assessor'), REFERRAL_ID, 'resolved', undefined),
    ).rejects.toThrow('This needs one of the roles: coordinator, admin');
    expect(workflows.recordOutcome).toHaveBeenCalledTimes(1);
  });
});
