'use server';

import { revalidatePath } from 'next/cache';
import { ClaimDraft, isProvinceCode, toFieldIssues } from '@bandanh/contracts';
import { redirect } from '@/i18n/navigation';
import { accountFieldErrors, type AccountErrorKey, type FieldErrors } from '@/lib/account-errors';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { ACCOUNT_WORDING, accountWording } from '@/lib/refusal';

const PATH = '/account/link-cbo';

export interface LinkCboState {
  code: string;
  fieldErrors: FieldErrors;
  formError?: AccountErrorKey;
}

/** Links the applicant's account to their CBO with the code a coordinator gave them. */
export async function linkCbo(_previous: LinkCboState, formData: FormData): Promise<LinkCboState> {
  const code = String(formData.get('linkCode') ?? '')
    .trim()
    .slice(0, 40);
  if (!code) return { code, fieldErrors: { linkCode: 'linkCodeRequired' } };
  return submit(formData, {
    path: PATH,
    send: () => api(ROUTES.redeemCboLinkCode, { body: { code } }),
    wording: { ...accountWording({ code: 'linkCode' }), CONFLICT: 'alreadyLinked' },
    refused: (refusal) => ({ code, ...refusal }),
    done: (_linked, locale) => {
      // The header and the group's page change with the link.
      revalidatePath('/', 'layout');
      return redirect({ href: { pathname: '/my-cbo', query: { linked: '1' } }, locale });
    },
  });
}

export interface ClaimCboState {
  /** Made when the form was rendered: the same form sent twice makes one claim. */
  idempotencyKey: string;
  values: { cboName: string; provinceCode: string; note: string };
  fieldErrors: FieldErrors;
  formError?: AccountErrorKey;
}

/** An applicant without a code claims their CBO, by name and province, for a coordinator to confirm. */
export async function claimCbo(previous: ClaimCboState, formData: FormData): Promise<ClaimCboState> {
  const idempotencyKey = String(formData.get('idempotencyKey') || previous.idempotencyKey).slice(0, 128);
  const values = {
    cboName: String(formData.get('cboName') ?? '').slice(0, 400),
    provinceCode: String(formData.get('provinceCode') ?? '').slice(0, 10),
    note: String(formData.get('note') ?? '').slice(0, 2000),
  };

  const draft = ClaimDraft.safeParse(values);
  const fieldErrors = draft.success ? {} : accountFieldErrors(toFieldIssues(draft.error));
  if (!isProvinceCode(values.provinceCode)) fieldErrors.provinceCode = 'provinceRequired';
  if (!draft.success || Object.keys(fieldErrors).length > 0) {
    return { idempotencyKey, values, fieldErrors, formError: 'summary' };
  }

  return submit(formData, {
    path: PATH,
    send: () => api(ROUTES.createCboClaim, { idempotencyKey, body: draft.data }),
    wording: { ...ACCOUNT_WORDING, CONFLICT: 'claimConflict' },
    refused: (refusal) => ({ idempotencyKey, values, ...refusal }),
    done: (_claim, locale) => redirect({ href: { pathname: PATH, query: { claimed: '1' } }, locale }),
  });
}
