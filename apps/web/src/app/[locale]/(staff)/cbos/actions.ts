'use server';

import { z } from 'zod';
import type { AccountErrorKey } from '@/lib/account-errors';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { ACCOUNT_WORDING } from '@/lib/refusal';

export interface LinkCodeState {
  cboId: string;
  /** The code just issued: shown once, never stored by the web. */
  code?: string;
  expiresAt?: string;
  formError?: AccountErrorKey;
}

/** A coordinator or admin issues a code that links a CBO member's account to this CBO. */
export async function issueLinkCode(previous: LinkCodeState, formData: FormData): Promise<LinkCodeState> {
  const cboId = z.uuid().safeParse(formData.get('cboId') || previous.cboId);
  if (!cboId.success) return { cboId: previous.cboId, formError: 'unexpected' };
  return submit(formData, {
    path: '/cbos',
    send: () => api(ROUTES.issueCboLinkCode, { params: { id: cboId.data } }),
    wording: ACCOUNT_WORDING,
    refused: ({ formError }) => ({ cboId: cboId.data, formError }),
    done: ({ code, expiresAt }) => ({ cboId: cboId.data, code, expiresAt }),
  });
}
