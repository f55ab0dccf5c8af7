'use server';

import { z } from 'zod';
import { afterFailure } from '@/lib/auth';
import { failureFrom, type AccountErrorKey } from '@/lib/account-errors';
import { GatewayError, gateway } from '@/lib/gateway';
import { localeOf } from '@/lib/locale';

export interface LinkCodeState {
  cboId: string;
  /** The code just issued: shown once, never stored by the web. */
  code?: string;
  expiresAt?: string;
  formError?: AccountErrorKey;
}

/** A coordinator or admin issues a code that links a CBO member's account to this CBO. */
export async function issueLinkCode(previous: LinkCodeState, formData: FormData): Promise<LinkCodeState> {
  const locale = localeOf(formData.get('locale'));
  const cboId = z.uuid().safeParse(formData.get('cboId') || previous.cboId);
  if (!cboId.success) return { cboId: previous.cboId, formError: 'unexpected' };
  try {
    const { code, expiresAt } = await gateway.issueLinkCode(cboId.data);
    return { cboId: cboId.data, code, expiresAt };
  } catch (error) {
    afterFailure(error, locale, '/cbos');
    const { formError } = failureFrom(error instanceof GatewayError ? error.body : undefined);
    return { cboId: cboId.data, formError };
  }
}
