import 'server-only';
import { CertificateCode, type TrainingCertificate } from '@bandanh/contracts';
import { api, ROUTES } from '@/lib/api';
import { GatewayError } from '@/lib/gateway-error';
import { codeOf } from '@/lib/refusal';

export type Verification =
  | { certificate: TrainingCertificate }
  | { problem: 'notFound' | 'invalid' | 'unavailable'; code: string }
  | { problem: 'rateLimited'; minutes: number };

/** The certificate a typed code names, as the public verification answers it, or why it cannot say. */
export async function verifyCertificate(typed: string): Promise<Verification> {
  const parsed = CertificateCode.safeParse(typed);
  if (!parsed.success) return { problem: 'invalid', code: typed };
  try {
    return await api(ROUTES.verifyTrainingCertificate, { params: { code: parsed.data } });
  } catch (error) {
    const code = codeOf(error);
    if (code === 'NOT_FOUND') return { problem: 'notFound', code: parsed.data };
    if (code === 'VALIDATION_FAILED') return { problem: 'invalid', code: typed };
    if (code === 'RATE_LIMITED') {
      const seconds = Number(error instanceof GatewayError ? error.body.details?.retryAfterSeconds : NaN);
      return {
        problem: 'rateLimited',
        minutes: Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds / 60)) : 1,
      };
    }
    return { problem: 'unavailable', code: parsed.data };
  }
}
