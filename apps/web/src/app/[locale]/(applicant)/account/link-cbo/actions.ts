'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from '../../../../../i18n/navigation';
import { afterFailure } from '../../../../../lib/auth';
import { failureFrom, type AccountErrorKey, type FieldErrors } from '../../../../../lib/account-errors';
import { GatewayError, gateway } from '../../../../../lib/gateway';
import { localeOf } from '../../../../../lib/locale';

export interface LinkCboState {
  code: string;
  fieldErrors: FieldErrors;
  formError?: AccountErrorKey;
}

/** Links the applicant's account to their CBO with the code a coordinator gave them. */
export async function linkCbo(_previous: LinkCboState, formData: FormData): Promise<LinkCboState> {
  const locale = localeOf(formData.get('locale'));
  const code = String(formData.get('linkCode') ?? '')
    .trim()
    .slice(0, 40);
  if (!code) return { code, fieldErrors: { linkCode: 'linkCodeRequired' } };
  try {
    await gateway.linkMyCbo(code);
  } catch (error) {
    afterFailure(error, locale, '/account/link-cbo');
    const failure = failureFrom(error instanceof GatewayError ? error.body : undefined, {
      aliases: { code: 'linkCode' },
      conflict: 'alreadyLinked',
    });
    return { code, ...failure };
  }
  // The header and the list change with the link.
  revalidatePath('/', 'layout');
  return redirect({ href: { pathname: '/cbos', query: { linked: '1' } }, locale });
}
