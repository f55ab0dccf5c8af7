import type { Caller, StaffRole } from '@bandanh/contracts';
import { ANONYMOUS, systemCaller } from '@bandanh/platform';

/** Callers for the services' unit tests. */
export const STAFF_ID = '11111111-1111-4111-8111-111111111111';
export const APPLICANT_ID = '22222222-2222-4222-8222-222222222222';

export function staff(...roles: StaffRole[]): Caller {
  return { kind: 'staff', userId: STAFF_ID, roles };
}

export function applicant(cboId: string | null = null): Caller {
  return { kind: 'applicant', userId: APPLICANT_ID, cboId };
}

export const orchestrator: Caller = systemCaller('orchestrator');
export const anonymous: Caller = ANONYMOUS;

/** The DomainError a refusal throws, by code (and message, where given). */
export function refusal(code: string, message?: string | RegExp) {
  return expect.objectContaining(
    message === undefined ? { code } : { code, message: expect.stringMatching(message) },
  );
}
