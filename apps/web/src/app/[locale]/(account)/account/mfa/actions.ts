'use server';

import { TotpCode } from '@bandanh/contracts';
import { afterFailure } from '@/lib/auth';
import {
  accountFieldErrors,
  failureFrom,
  type AccountErrorKey,
  type FieldErrors,
} from '@/lib/account-errors';
import { GatewayError, gateway } from '@/lib/gateway';
import { localeOf } from '@/lib/locale';

export interface MfaState {
  /** start: nothing begun; confirm: the secret is shown, waiting for a first code; done: on, with the recovery codes. */
  step: 'start' | 'confirm' | 'done';
  secret?: string;
  /** The QR code as a data: URL of its SVG. */
  qr?: string;
  recoveryCodes?: string[];
  fieldErrors: FieldErrors;
  formError?: AccountErrorKey;
}

const PATH = '/account/mfa';
/** The two conflicts of enrolment, by the `details.reason` the API gives. */
const MFA_CONFLICTS = { not_started: 'mfaNotStarted', already_enabled: 'mfaAlreadyOn' } as const;
const QR_PREFIX = 'data:image/svg+xml;base64,';

/** Two steps of one form: `begin` makes the secret and its QR code, `confirm` turns it on with a first code. */
export async function enrolMfa(previous: MfaState, formData: FormData): Promise<MfaState> {
  const locale = localeOf(formData.get('locale'));
  if (formData.get('intent') === 'begin') {
    try {
      const { secret, qrSvg } = await gateway.beginMfa();
      return {
        step: 'confirm',
        secret,
        qr: QR_PREFIX + Buffer.from(qrSvg).toString('base64'),
        fieldErrors: {},
      };
    } catch (error) {
      afterFailure(error, locale, PATH);
      const failure = failureFrom(error instanceof GatewayError ? error.body : undefined, {
        conflicts: MFA_CONFLICTS,
        conflict: 'mfaAlreadyOn',
      });
      return { step: 'start', ...failure };
    }
  }

  const secret = String(formData.get('secret') || previous.secret || '');
  const qrField = String(formData.get('qr') || previous.qr || '');
  const qr = qrField.startsWith(QR_PREFIX) ? qrField : undefined;
  const shown = { step: 'confirm' as const, secret, qr };
  const code = TotpCode.safeParse(String(formData.get('code') ?? ''));
  if (!code.success) return { ...shown, fieldErrors: { code: 'totpFormat' } };
  try {
    const { recoveryCodes } = await gateway.confirmMfa(code.data);
    return { step: 'done', recoveryCodes, fieldErrors: {} };
  } catch (error) {
    afterFailure(error, locale, PATH);
    const body = error instanceof GatewayError ? error.body : undefined;
    if (body?.code === 'VALIDATION_FAILED') {
      return {
        ...shown,
        fieldErrors: { code: 'codeWrong', ...accountFieldErrors(body.details?.issues ?? []) },
      };
    }
    // Not started (or started again elsewhere, which replaced the secret shown here), or already
    // on: either way this set-up is over, and the form starts from the beginning.
    if (body?.code === 'CONFLICT') {
      return { step: 'start', ...failureFrom(body, { conflicts: MFA_CONFLICTS, conflict: 'mfaNotStarted' }) };
    }
    return { ...shown, ...failureFrom(body) };
  }
}
