import type { Referral } from '@bandanh/contracts';
import { fakeRepository } from '@bandanh/platform/testing';
import type { ReferralFilter, ReferralsRepository } from './referrals.repository';

export const REFERRAL_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
export const CALL_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

export function aReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: REFERRAL_ID,
    callId: CALL_ID,
    cboId: '33333333-3333-4333-8333-333333333333',
    cboName: 'Prey Lang Community Network',
    partnerId: '88888888-8888-4888-8888-888888888888',
    partnerName: 'Land Rights Legal Aid',
    reason: 'Needs a lawyer for a land title dispute',
    status: 'open',
    outcome: null,
    outcomeNote: null,
    outcomeAt: null,
    createdAt: '2025-02-01T08:00:00.000Z',
    ...overrides,
  };
}

/** The referrals given (one open referral unless told), filtered as the query would. */
export function fakeReferralsRepository(
  referrals: Referral[] = [aReferral()],
  overrides: Partial<ReferralsRepository> = {},
): ReferralsRepository {
  return fakeRepository<ReferralsRepository>({
    list: jest.fn(async (filter: ReferralFilter) =>
      referrals.filter(
        (referral) =>
          (!filter.id || referral.id === filter.id) &&
          (!filter.status || referral.status === filter.status) &&
          (!filter.callIds || filter.callIds.includes(referral.callId)),
      ),
    ),
    setOutcome: jest.fn(async () => {}),
    ...overrides,
  });
}
