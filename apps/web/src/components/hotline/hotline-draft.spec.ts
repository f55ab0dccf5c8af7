import { HotlineCallCorrection, HotlineCallDraft, toFieldIssues } from '@bandanh/contracts';
import {
  correctionInput,
  hotlineErrors,
  hotlineInput,
  localInPhnomPenh,
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

describe('the hotline forms and dates after today', () => {
  it('says beside the field that a call cannot be dated after today, when logged and when corrected', () => {
    const call = { channel: 'call', callerName: 'Sokha', issue: 'land', summary: 'Asked', guidance: 'Told' };
    const logged = HotlineCallDraft.safeParse({ ...call, occurredAt: '2027-06-01T09:00:00+07:00' });
    expect(logged.success).toBe(false);
    expect(hotlineErrors(toFieldIssues(logged.error!))).toEqual({ occurredAt: 'occurredAtFuture' });
    const corrected = HotlineCallCorrection.safeParse(
      correctionInput({ ...call, occurredAt: '2027-06-01T09:00', note: '' }),
    );
    expect(corrected.success).toBe(false);
    expect(hotlineErrors(toFieldIssues(corrected.error!))).toEqual({ occurredAt: 'occurredAtFuture' });
  });

  it('shows a call’s time as Phnom Penh’s in the correction form', () => {
    expect(localInPhnomPenh('2025-03-02T03:00:00.000Z')).toBe('2025-03-02T10:00');
  });
});
