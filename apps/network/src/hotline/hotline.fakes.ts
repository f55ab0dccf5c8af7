import { HotlineCallDraft, type HotlineCallDraft as Draft } from '@bandanh/contracts';
import { CALL_ID, REFERRAL_ID } from '../referrals/referrals.fakes';
import { fakeRepository } from '@bandanh/platform/testing';
import type { HotlineRepository, StoredCall } from './hotline.repository';

export function aCallDraft(overrides: Partial<Draft> = {}): Draft {
  return HotlineCallDraft.parse({
    channel: 'call',
    callerName: 'Sokha',
    issue: 'land',
    summary: 'A company is fencing the community forest',
    guidance: 'Document the fence and the dates',
    ...overrides,
  });
}

export function aStoredCall(overrides: Partial<StoredCall> = {}): StoredCall {
  return {
    id: CALL_ID,
    cboId: '33333333-3333-4333-8333-333333333333',
    channel: 'call',
    callerName: 'Sokha',
    occurredAt: '2025-02-01T08:00:00.000Z',
    issue: 'land',
    summary: 'A company is fencing the community forest',
    guidance: 'Document the fence and the dates',
    loggedBy: '11111111-1111-4111-8111-111111111111',
    correctedBy: null,
    correctedAt: null,
    ...overrides,
  };
}

/** A CBO and an active partner for any id; one call on record. */
export function fakeHotlineRepository(overrides: Partial<HotlineRepository> = {}): HotlineRepository {
  return fakeRepository<HotlineRepository>({
    findCbo: jest.fn(async (id: string) => ({ id, name: 'Prey Lang Community Network' })),
    findPartner: jest.fn(async () => ({ name: 'Land Rights Legal Aid', active: true })),
    insertCall: jest.fn(async () => CALL_ID),
    refer: jest.fn(async () => REFERRAL_ID),
    calls: jest.fn(async () => [aStoredCall()]),
    correctCall: jest.fn(async () => {}),
    auditCorrection: jest.fn(async () => {}),
    ...overrides,
  });
}
