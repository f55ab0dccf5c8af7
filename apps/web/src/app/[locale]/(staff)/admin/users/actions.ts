'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { Email, roleWarnings, StaffRole, type RoleWarning } from '@bandanh/contracts';
import type { AccountErrorKey, FieldErrors } from '@/lib/account-errors';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { localeOf } from '@/lib/locale';
import { ACCOUNT_WORDING } from '@/lib/refusal';

const PATH = '/admin/users';

function rolesOf(formData: FormData): StaffRole[] {
  return formData.getAll('roles').flatMap((value) => {
    const role = StaffRole.safeParse(value);
    return role.success ? [role.data] : [];
  });
}

export interface RolesState {
  id: string;
  roles: StaffRole[];
  saved?: boolean;
  /** What the saved roles will block (four eyes), said beside the saved roles. */
  warnings?: RoleWarning[];
  formError?: AccountErrorKey;
}

/** An admin sets a staff member's roles. */
export async function saveRoles(previous: RolesState, formData: FormData): Promise<RolesState> {
  const id = z.uuid().safeParse(formData.get('id') || previous.id);
  const roles = rolesOf(formData);
  if (!id.success) return { ...previous, formError: 'unexpected' };
  return submit(formData, {
    path: PATH,
    send: () => api(ROUTES.setRoles, { params: { id: id.data }, body: { roles } }),
    wording: { ...ACCOUNT_WORDING, CONFLICT: 'ownAdminRole' },
    refused: ({ formError }) => ({ id: id.data, roles, formError }),
    done: ({ account }, locale) => {
      revalidatePath(`/${locale}${PATH}`);
      return { id: account.id, roles: account.roles, saved: true, warnings: roleWarnings(account.roles) };
    },
  });
}

export interface InviteState {
  values: { email: string; roles: StaffRole[] };
  fieldErrors: FieldErrors;
  formError?: AccountErrorKey;
  /** The invitation just made: its link is shown once, for the admin to pass on. */
  invited?: { email: string; link: string; expiresAt: string; warnings: RoleWarning[] };
}

/** The web's own address as the browser sees it, for the invitation link. */
async function origin(): Promise<string> {
  const incoming = await headers();
  const sent = incoming.get('origin');
  if (sent && /^https?:\/\/[^/]+$/.test(sent)) return sent;
  const host = incoming.get('x-forwarded-host') ?? incoming.get('host') ?? 'localhost:3000';
  const protocol = incoming.get('x-forwarded-proto') ?? 'http';
  return `${protocol}://${host}`;
}

/** An admin invites a staff member with their roles; the link works once and expires. */
export async function invite(_previous: InviteState, formData: FormData): Promise<InviteState> {
  const values = { email: String(formData.get('email') ?? ''), roles: rolesOf(formData) };
  const fieldErrors: FieldErrors = {};
  const email = Email.safeParse(values.email);
  if (!email.success) fieldErrors.email = 'emailInvalid';
  if (values.roles.length === 0) fieldErrors.roles = 'rolesRequired';
  if (!email.success || values.roles.length === 0) return { values, fieldErrors, formError: 'summary' };

  return submit(formData, {
    path: PATH,
    send: () => api(ROUTES.createInvitation, { body: { email: email.data, roles: values.roles } }),
    wording: { ...ACCOUNT_WORDING, account_exists: 'accountExists', CONFLICT: 'emailTaken' },
    refused: (refusal) => ({ values, ...refusal }),
    done: async ({ invitation, token, warnings }, locale) => {
      const link = `${await origin()}/${locale}/invitations/${encodeURIComponent(token)}`;
      return {
        values: { email: '', roles: [] },
        fieldErrors: {},
        invited: { email: invitation.email, link, expiresAt: invitation.expiresAt, warnings },
      };
    },
  });
}

/**
 * An admin confirms revoking a pending invitation (the confirmation panel is the step before);
 * revoking twice (a double click) revokes once.
 */
export async function revokeInvitation(formData: FormData): Promise<void> {
  const locale = localeOf(formData.get('locale'));
  const id = z.uuid().safeParse(formData.get('id'));
  if (id.success) await api(ROUTES.revokeInvitation, { params: { id: id.data } });
  revalidatePath(`/${locale}${PATH}`);
  redirect(`/${locale}${PATH}?revoked=1#pending-title`);
}
