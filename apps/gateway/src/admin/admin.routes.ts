import { z } from 'zod';
import {
  AccountList,
  AccountView,
  AuditPageView,
  AuditQuery,
  AuditVerification,
  Email,
  IssuedInvitation,
  PendingInvitation,
  ROLE_GROUPS,
  STAFF_ROLES,
  StaffRole,
} from '@bandanh/contracts';
import { DENIED, defineRoute, idParam, problem } from '../http/route-def';

/** Administration: invitations, accounts and their roles, the audit log. */
export const ADMIN_ROUTES = {
  createInvitation: defineRoute({
    method: 'POST',
    path: '/api/invitations',
    operationId: 'createInvitation',
    idempotent: true,
    summary: 'Invites a staff member with their roles: an expiring, single-use link',
    tag: 'admin',
    access: ROLE_GROUPS.admins,
    body: z.object({ email: Email, roles: z.array(StaffRole).min(1, 'Choose at least one role') }),
    status: 201,
    responses: {
      201: { description: 'The invitation and its token (shown once)', schema: IssuedInvitation },
      409: problem('The email has an account (reason account_exists)'),
      ...DENIED,
    },
  }),
  listInvitations: defineRoute({
    method: 'GET',
    path: '/api/admin/invitations',
    operationId: 'listInvitations',
    summary: 'The pending invitations (not accepted, expired or revoked): who invited whom, roles, expiry',
    tag: 'admin',
    access: ROLE_GROUPS.admins,
    status: 200,
    responses: {
      200: {
        description: 'Newest first',
        schema: z.object({ items: z.array(PendingInvitation) }),
      },
      ...DENIED,
    },
  }),
  revokeInvitation: defineRoute({
    method: 'POST',
    path: '/api/admin/invitations/:id/revocation',
    operationId: 'revokeInvitation',
    idempotent: true,
    summary: 'Revokes a pending invitation: its link then answers like an expired one',
    tag: 'admin',
    access: ROLE_GROUPS.admins,
    params: idParam('Invitation'),
    status: 200,
    responses: {
      200: {
        description: 'Whether a pending invitation was revoked (false when it no longer was pending)',
        schema: z.object({ revoked: z.boolean() }),
      },
      ...DENIED,
    },
  }),
  listAccounts: defineRoute({
    method: 'GET',
    path: '/api/admin/accounts',
    operationId: 'listAccounts',
    summary: 'Every account, with its roles',
    tag: 'admin',
    access: ROLE_GROUPS.admins,
    status: 200,
    responses: { 200: { description: 'The accounts', schema: AccountList }, ...DENIED },
  }),
  setRoles: defineRoute({
    method: 'PUT',
    path: '/api/admin/accounts/:id/roles',
    operationId: 'setAccountRoles',
    summary: "Sets a staff member's roles",
    tag: 'admin',
    access: ROLE_GROUPS.admins,
    params: idParam('Account'),
    body: z.object({ roles: z.array(z.enum(STAFF_ROLES)) }),
    status: 200,
    responses: {
      200: { description: 'The account', schema: AccountView },
      409: problem('An admin cannot remove their own admin role'),
      ...DENIED,
    },
  }),
  listAudit: defineRoute({
    method: 'GET',
    path: '/api/admin/audit',
    operationId: 'listAudit',
    summary:
      'A page of the audit log, newest first: by who (actorId), what (action), which record (targetType and targetId; a CBO also finds the entries about its records) and Cambodian dates (from, to, both included); before/after page by seq',
    tag: 'admin',
    access: ROLE_GROUPS.admins,
    query: AuditQuery,
    status: 200,
    responses: {
      200: {
        description:
          'Newest first, the cursors to the older and newer pages, and the names of the people and records named',
        schema: AuditPageView,
      },
      400: problem('A filter is not valid: a date not YYYY-MM-DD, or the start date after the end date'),
      ...DENIED,
    },
  }),
  verifyAudit: defineRoute({
    method: 'GET',
    path: '/api/admin/audit/verification',
    operationId: 'verifyAudit',
    summary: 'Recomputes the audit hash chain and says where it breaks, if it does',
    tag: 'admin',
    access: ROLE_GROUPS.admins,
    status: 200,
    responses: { 200: { description: 'The verification', schema: AuditVerification }, ...DENIED },
  }),
};
