import { HotlineCallDraft, toFieldIssues } from '@bandanh/contracts';
import {
  hotlineErrors,
  hotlineInput,
  nowInPhnomPenh,
  occurredAtIso,
  type HotlineValues,
} from './hotline-draft';

const values = (overrides: Partial<HotlineValues> = {}): HotlineValues => ({
  channel: 'call',
  callerName: 'Sok Dara',
  occurredAt: '2026-03-04T09:15',
  issue: 'land',
  summary: 'A company is fencing the community forest.',
  guidance: 'Document the boundary; call the commune chief.',
  refer: '',
  partnerId: '',
  reason: '',
  ...overrides,
});

describe('the hotline form', () => {
  it('reads the time typed as Phnom Penh time', () => {
    expect(occurredAtIso('2026-03-04T09:15')).toBe('2026-03-04T09:15:00+07:00');
    expect(occurredAtIso('')).toBeUndefined();
    expect(nowInPhnomPenh(new Date('2026-03-04T20:30:00Z'))).toBe('2026-03-05T03:30');
  });

  it('sends the referral only when the box is ticked', () => {
    const partnerId = '7d1c5b8e-2f43-4a8e-9b7c-1e2d3f4a5b6c';
    expect(
      HotlineCallDraft.parse(hotlineInput(values({ partnerId, reason: 'Lawyer' }))).referral,
    ).toBeUndefined();
    const referred = HotlineCallDraft.parse(
      hotlineInput(values({ refer: 'on', partnerId, reason: 'Lawyer' })),
    );
    expect(referred.referral).toEqual({ partnerId, reason: 'Lawyer' });
    expect(referred.occurredAt).toBe('2026-03-04T09:15:00+07:00');
  });

  it('shows each refusal by its field, the referral’s without their prefix', () => {
    const result = HotlineCallDraft.safeParse(
      hotlineInput(values({ callerName: ' ', issue: '', refer: 'on', partnerId: '', reason: '' })),
    );
    expect(hotlineErrors(toFieldIssues(result.error!))).toEqual({
      callerName: 'callerName',
      issue: 'issue',
      partnerId: 'partnerId',
      reason: 'reason',
    });
    expect(hotlineErrors([{ path: 'referral.partnerId', code: 'unknown_partner' }])).toEqual({
      partnerId: 'partnerId',
    });
  });
});
