'use server';

import { SecondFactor, TotpCode } from '@bandanh/contracts';
import type { AccountErrorKey, FieldErrors } from '@/lib/account-errors';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { ACCOUNT_WORDING, codeOf } from '@/lib/refusal';

export interface MfaState {
  /** start: nothing begun; confirm: the secret is shown, waiting for a first code; done: on, with the recovery codes. */
  step: 'start' | 'confirm' | 'done';
  secret?: string;
  /** The QR code as a data: URL of its SVG. */
  qr?: string;
  recoveryCodes?: string[];
  fieldErrors: FieldErrors;
  formError?: AccountErrorKey;
  /** With `locked`: the minutes until the next try. */
  minutes?: number;
}

const PATH = '/account/mfa';
/** The two conflicts of enrolment, by the `details.reason` the API gives. */
const MFA_CONFLICTS = {
  ...ACCOUNT_WORDING,
  not_started: 'mfaNotStarted',
  already_enabled: 'mfaAlreadyOn',
} as const;
const QR_PREFIX = 'data:image/svg+xml;base64,';

/** Two steps of one form: `begin` makes the secret and its QR code, `confirm` turns it on with a first code. */
export async function enrolMfa(previous: MfaState, formData: FormData): Promise<MfaState> {
  if (formData.get('intent') === 'begin') {
    return submit(formData, {
      path: PATH,
      send: () => api(ROUTES.beginMfa),
      wording: { ...MFA_CONFLICTS, CONFLICT: 'mfaAlreadyOn' },
      refused: (refusal) => ({ step: 'start', ...refusal }),
      done: ({ secret, qrSvg }) => ({
        step: 'confirm',
        secret,
        qr: QR_PREFIX + Buffer.from(qrSvg).toString('base64'),
        fieldErrors: {},
      }),
    });
  }

  const secret = String(formData.get('secret') || previous.secret || '');
  const qrField = String(formData.get('qr') || previous.qr || '');
  const qr = qrField.startsWith(QR_PREFIX) ? qrField : undefined;
  const shown = { step: 'confirm' as const, secret, qr };
  const code = TotpCode.safeParse(String(formData.get('code') ?? ''));
  if (!code.success) return { ...shown, fieldErrors: { code: 'totpFormat' } };
  return submit(formData, {
    path: PATH,
    send: () => api(ROUTES.confirmMfa, { body: { code: code.data } }),
    wording: { ...MFA_CONFLICTS, CONFLICT: 'mfaNotStarted' },
    refused: (refusal, error) => {
      switch (codeOf(error)) {
        case 'VALIDATION_FAILED':
          return { ...shown, fieldErrors: { code: 'codeWrong', ...refusal.fieldErrors } };
        // Not started (or started again elsewhere, which replaced the secret shown here), or
        // already on: either way this set-up is over, and the form starts from the beginning.
        case 'CONFLICT':
          return { step: 'start', ...refusal };
        default:
          return { ...shown, ...refusal };
      }
    },
    done: ({ recoveryCodes }) => ({ step: 'done', recoveryCodes, fieldErrors: {} }),
  });
}

export interface RecoveryCodesState {
  /** The new codes, shown this once. */
  recoveryCodes?: string[];
  fieldErrors: FieldErrors;
  formError?: AccountErrorKey;
  /** With `locked`: the minutes until the next try. */
  minutes?: number;
}

/**
 * New recovery codes for a code from the app (or an unused recovery code): the old ones stop
 * working. Wrong codes count towards the account's lockout, as at sign-in.
 */
export async function regenerateRecoveryCodes(
  _previous: RecoveryCodesState,
  formData: FormData,
): Promise<RecoveryCodesState> {
  const code = SecondFactor.safeParse(String(formData.get('code') ?? ''));
  if (!code.success) return { fieldErrors: { code: 'secondFactorFormat' }, formError: 'summary' };
  return submit(formData, {
    path: PATH,
    send: () => api(ROUTES.regenerateRecoveryCodes, { body: { code: code.data } }),
    wording: { ...ACCOUNT_WORDING, mfa_not_enabled: 'mfaNotStarted' },
    refused: (refusal, error) =>
      codeOf(error) === 'VALIDATION_FAILED'
        ? { fieldErrors: { code: 'wrongCode' }, formError: 'summary' }
        : { fieldErrors: {}, formError: refusal.formError, minutes: refusal.minutes },
    done: ({ recoveryCodes }) => ({ recoveryCodes, fieldErrors: {} }),
  });
}
