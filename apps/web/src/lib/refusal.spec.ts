import type { ErrorBody } from '@bandanh/contracts';
import { GatewayError } from './gateway-error';
import { FORM_WORDING, pipelineFacts, reasonOf, refused, refusedHere } from './refusal';

const answer = (status: number, body: ErrorBody) => new GatewayError(status, body);
const issue = (path: string, code = 'too_small') => ({ path, code, message: 'x' });
const nameErrors = (issues: Array<{ path: string }>) =>
  Object.fromEntries(issues.filter((i) => i.path === 'name').map(() => ['name', 'nameRequired']));

describe('the one error-to-form mapper', () => {
  it('names the fields a validation refusal names, and says so at the top', () => {
    const error = answer(400, {
      code: 'VALIDATION_FAILED',
      message: 'x',
      details: { issues: [issue('name'), issue('token')] },
    });
    expect(refused(error, { ...FORM_WORDING, fields: nameErrors })).toEqual({
      fieldErrors: { name: 'nameRequired' },
      formError: 'summary',
    });
    // No field of the form named: the form's own word for it.
    expect(refused(answer(400, { code: 'VALIDATION_FAILED', message: 'x' }), FORM_WORDING).formError).toBe(
      'invalid',
    );
    expect(refused(answer(400, { code: 'VALIDATION_FAILED', message: 'x' }), {}).formError).toBe(
      'unexpected',
    );
  });

  it("refuses a form's own input the way the API would", () => {
    expect(refusedHere([issue('name')], { ...FORM_WORDING, fields: nameErrors })).toEqual({
      fieldErrors: { name: 'nameRequired' },
      formError: 'summary',
    });
    expect(refusedHere([issue('other')], { ...FORM_WORDING, fields: nameErrors }).formError).toBe('invalid');
  });

  it("gives the form's word for each code, and unexpected for any it does not name", () => {
    const words = { ...FORM_WORDING, NOT_FOUND: 'partnerGone' } as const;
    expect(refused(answer(422, { code: 'IDEMPOTENCY_KEY_REUSED', message: 'x' }), words).formError).toBe(
      'keyReused',
    );
    expect(refused(answer(404, { code: 'NOT_FOUND', message: 'x' }), words).formError).toBe('partnerGone');
    expect(refused(answer(403, { code: 'FORBIDDEN', message: 'x' }), words).formError).toBe('notAllowed');
    expect(refused(answer(503, { code: 'UNAVAILABLE', message: 'x' }), words).formError).toBe('unavailable');
    expect(refused(answer(409, { code: 'CONFLICT', message: 'x' }), words).formError).toBe('unexpected');
    expect(refused(new Error('a bug'), words)).toEqual({ fieldErrors: {}, formError: 'unexpected' });
  });

  it("tells refusals apart by the contracts' reasons, before their code", () => {
    const words = {
      CONFLICT: 'busy',
      wrong_stage: 'wrongStage',
      phase_already_open: 'phaseAlreadyOpen',
    } as const;
    const conflict = (reason?: string) =>
      answer(409, { code: 'CONFLICT', message: 'x', ...(reason ? { details: { reason } } : {}) });
    expect(refused(conflict('wrong_stage'), words).formError).toBe('wrongStage');
    expect(refused(conflict('phase_already_open'), words).formError).toBe('phaseAlreadyOpen');
    expect(refused(conflict('busy'), words).formError).toBe('busy');
    expect(refused(conflict(), words).formError).toBe('busy');
    // A reason the contracts do not list is no reason.
    expect(reasonOf(conflict('something_new'))).toBeUndefined();
    expect(reasonOf(conflict('four_eyes'))).toBe('four_eyes');
    expect(refused(conflict('CONFLICT'), { wrong_stage: 'wrongStage' }).formError).toBe('unexpected');
  });

  it('says the wait of a rate limit only to a form that words it', () => {
    const limited = answer(429, { code: 'RATE_LIMITED', message: 'x', details: { retryAfterSeconds: 61 } });
    expect(refused(limited, { RATE_LIMITED: 'locked' })).toEqual({
      fieldErrors: {},
      formError: 'locked',
      minutes: 2,
    });
    expect(refused(limited, FORM_WORDING)).toEqual({ fieldErrors: {}, formError: 'unexpected' });
  });

  it('reads the facts a pipeline refusal carries, and drops those of another shape', () => {
    const refusal = (details: Record<string, unknown>) =>
      answer(409, { code: 'CONFLICT', message: 'x', details: { reason: 'wrong_stage', ...details } });
    expect(pipelineFacts(refusal({ stage: 'selection' })).stage).toBe('selection');
    expect(pipelineFacts(refusal({ stage: 'nowhere' })).stage).toBeUndefined();
    expect(pipelineFacts(refusal({ reassessableFrom: '2026-06-01T00:00:00.000Z' })).reassessableFrom).toBe(
      '2026-06-01T00:00:00.000Z',
    );
    expect(pipelineFacts(refusal({ duplicates: 'many' })).duplicates).toBeUndefined();
    expect(pipelineFacts(new Error('a bug'))).toEqual({});
  });
});
