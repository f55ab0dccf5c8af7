import { toFieldIssues } from '../errors';
import { CboDraft, todayInCambodia } from './cbo';
import { FieldVisitDraft } from './field-visit';
import { HotlineCallCorrection, HotlineCallDraft } from './hotline';

const cbo = {
  name: 'Bavel Workers Association',
  provinceCode: 'KH-2',
  focusIssues: ['labour'],
  foundVia: 'referral',
};
const call = { channel: 'call', callerName: 'Sokha', issue: 'land', summary: 'Asked', guidance: 'Told' };

function issuesOf(
  schema: { safeParse(input: unknown): { success: boolean; error?: unknown } },
  input: unknown,
) {
  const result = schema.safeParse(input);
  return result.success ? [] : toFieldIssues(result.error as never);
}

describe('dates that record the past', () => {
  afterEach(() => jest.useRealTimers());

  it('takes today in Cambodia, which is tomorrow in UTC late in the evening', () => {
    jest.useFakeTimers({ now: new Date('2026-12-02T20:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    expect(todayInCambodia()).toBe('2026-12-03');
    expect(CboDraft.parse({ ...cbo, foundOn: '2026-12-03' }).foundOn).toBe('2026-12-03');
  });

  it('refuses a CBO found on 2030-01-01, naming the field', () => {
    expect(issuesOf(CboDraft, { ...cbo, foundOn: '2030-01-01' })).toEqual([
      { path: 'foundOn', code: 'custom', message: 'Found on cannot be after today' },
    ]);
  });

  it('refuses a hotline call dated 1 June 2027, when logged and when corrected', () => {
    jest.useFakeTimers({ now: new Date('2026-12-02T10:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const future = { ...call, occurredAt: '2027-06-01T09:00:00+07:00' };
    const expected = [{ path: 'occurredAt', code: 'custom', message: 'The call date cannot be after today' }];
    expect(issuesOf(HotlineCallDraft, future)).toEqual(expected);
    expect(issuesOf(HotlineCallCorrection, future)).toEqual(expected);
    expect(issuesOf(HotlineCallDraft, { ...call, occurredAt: '2026-12-02T23:30:00+07:00' })).toEqual([]);
  });

  it('refuses a field visit after today', () => {
    expect(issuesOf(FieldVisitDraft, { provinceCode: 'KH-2', visitedOn: '2030-01-01' })).toEqual([
      expect.objectContaining({ path: 'visitedOn', message: 'Visit date cannot be after today' }),
    ]);
  });
});
