import 'server-only';
import { ApplicationReference, type ApplicationStatus } from '@bandanh/contracts';
import { api, ROUTES } from '@/lib/api';
import { GatewayError } from '@/lib/gateway-error';
import { codeOf } from '@/lib/refusal';

export type Answer =
  | { application: ApplicationStatus }
  | { problem: 'notFound' | 'invalid' | 'unavailable'; reference: string }
  | { problem: 'rateLimited'; minutes: number };

/** The status of the application a reference names, or why it cannot be said. */
export async function statusOf(typed: string): Promise<Answer> {
  const parsed = ApplicationReference.safeParse(typed);
  if (!parsed.success) return { problem: 'invalid', reference: typed };
  try {
    return await api(ROUTES.getApplicationStatus, { params: { reference: parsed.data } });
  } catch (error) {
    const code = codeOf(error);
    if (code === 'NOT_FOUND') return { problem: 'notFound', reference: parsed.data };
    if (code === 'VALIDATION_FAILED') return { problem: 'invalid', reference: typed };
    if (code === 'RATE_LIMITED') {
      const seconds = Number(error instanceof GatewayError ? error.body.details?.retryAfterSeconds : NaN);
      return {
        problem: 'rateLimited',
        minutes: Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds / 60)) : 1,
      };
    }
    return { problem: 'unavailable', reference: parsed.data };
  }
}
