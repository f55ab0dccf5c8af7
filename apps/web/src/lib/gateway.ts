import 'server-only';
import { z } from 'zod';
import {
  Account,
  AuditEntry,
  AuditVerification,
  Cbo,
  CboClaim,
  CboPage,
  CreatedCbo,
  ErrorBody,
  Invitation,
  Province,
  SessionGrant,
  SignInResult,
  type CboDraft,
  type StaffRole,
} from '@bandanh/contracts';
import { sessionToken } from './session';
import { visitorHeaders } from './web-proxy';

const GATEWAY_URL = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3001';

/** An answer from the gateway that is not a success, in the one error shape. */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
    this.name = 'GatewayError';
  }

  /** The gateway refuses everything but enrolment until the account has two-factor authentication. */
  get mfaEnrolmentRequired(): boolean {
    return this.status === 403 && this.body.details?.mfaEnrolmentRequired === true;
  }
}

interface CallOptions extends RequestInit {
  /** Send the session from the cookie (every call but the public ones that start a session). */
  session?: boolean;
}

export async function call<S extends z.ZodType>(
  schema: S,
  path: string,
  { session = true, ...init }: CallOptions = {},
): Promise<z.output<S>> {
  const token = session ? await sessionToken() : undefined;
  const method = (init.method ?? 'GET').toUpperCase();
  // Writes name the visitor (with the web's secret) for the gateway's per-address limits on
  // public writes; reads do not, so a page that only reads never needs the request's headers.
  const visitor = method === 'GET' || method === 'HEAD' ? {} : await visitorHeaders();
  let response: Response;
  try {
    response = await fetch(`${GATEWAY_URL}${path}`, {
      ...init,
      cache: 'no-store',
      headers: {
        accept: 'application/json',
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...init.headers,
        ...visitor,
      },
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new GatewayError(503, { code: 'UNAVAILABLE', message: 'The API is not answering' });
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const body = ErrorBody.safeParse(json);
    throw new GatewayError(
      response.status,
      body.success ? body.data : { code: 'INTERNAL', message: `The API answered ${response.status}` },
    );
  }
  return schema.parse(json);
}

export const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

const SignedIn = z.object({ status: z.literal('signed_in'), session: SessionGrant, account: Account });
export type SignedIn = z.infer<typeof SignedIn>;

/** The first step sends the password; the second sends only the challenge the first answered, with the code. */
export type SignInInput = { email: string; password: string } | { challenge: string; code: string };

/** A coordinator's decision on a claim to belong to a CBO. */
export type ClaimDecision = { decision: 'confirm'; cboId: string } | { decision: 'decline'; reason: string };
export type ClaimStatus = CboClaim['status'];

export const Me = z.object({
  account: Account,
  csrfToken: z.string(),
  expiresAt: z.iso.datetime(),
  mfaEnrolmentRequired: z.boolean(),
});
export type Me = z.infer<typeof Me>;

const MfaEnrolment = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() });
const LinkCode = z.object({ code: z.string(), expiresAt: z.iso.datetime() });

/** The server-only client of the gateway's HTTP API; it sends the session cookie's token as a bearer token. */
export const gateway = {
  listProvinces: () => call(z.object({ items: z.array(Province) }), '/api/provinces', { session: false }),
  listCbos: (limit: number, offset: number) => call(CboPage, `/api/cbos?limit=${limit}&offset=${offset}`),
  getCbo: (id: string) => call(z.object({ cbo: Cbo }), `/api/cbos/${encodeURIComponent(id)}`),
  createCbo: (idempotencyKey: string, draft: CboDraft) =>
    call(CreatedCbo, '/api/cbos', { ...post(draft), headers: { 'idempotency-key': idempotencyKey } }),
  issueLinkCode: (cboId: string) =>
    call(LinkCode, `/api/cbos/${encodeURIComponent(cboId)}/link-codes`, { method: 'POST' }),
  linkMyCbo: (code: string) => call(z.object({ account: Account }), '/api/me/cbo-link', post({ code })),

  claimCbo: (idempotencyKey: string, draft: { cboName: string; provinceCode: string; note: string }) =>
    call(z.object({ claim: CboClaim }), '/api/cbo-claims', {
      ...post(draft),
      headers: { 'idempotency-key': idempotencyKey },
    }),
  listClaims: (status?: ClaimStatus) =>
    call(z.object({ items: z.array(CboClaim) }), `/api/cbo-claims${status ? `?status=${status}` : ''}`),
  decideClaim: (id: string, decision: ClaimDecision) =>
    call(z.object({ claim: CboClaim }), `/api/cbo-claims/${encodeURIComponent(id)}/decision`, post(decision)),

  signIn: (input: SignInInput) => call(SignInResult, '/api/auth/sign-in', { ...post(input), session: false }),
  signUp: (input: { email: string; displayName: string; password: string }) =>
    call(SignedIn, '/api/auth/sign-up', { ...post(input), session: false }),
  getInvitation: (token: string) =>
    call(z.object({ invitation: Invitation }), `/api/invitations/${encodeURIComponent(token)}`, {
      session: false,
    }),
  acceptInvitation: (input: { token: string; displayName: string; password: string }) =>
    call(SignedIn, '/api/invitations/acceptance', { ...post(input), session: false }),
  signOut: () => call(z.object({ ended: z.boolean() }), '/api/auth/sign-out', { method: 'POST' }),
  me: () => call(Me, '/api/auth/me'),
  changePassword: (input: { current: string; next: string }) =>
    call(z.object({ endedOtherSessions: z.number() }), '/api/auth/password', post(input)),
  beginMfa: () => call(MfaEnrolment, '/api/auth/mfa/enrolment', { method: 'POST' }),
  confirmMfa: (code: string) =>
    call(z.object({ recoveryCodes: z.array(z.string()) }), '/api/auth/mfa/confirmation', post({ code })),

  invite: (input: { email: string; roles: StaffRole[] }) =>
    call(z.object({ invitation: Invitation, token: z.string() }), '/api/invitations', post(input)),
  listAccounts: () => call(z.object({ items: z.array(Account) }), '/api/admin/accounts'),
  setRoles: (id: string, roles: StaffRole[]) =>
    call(z.object({ account: Account }), `/api/admin/accounts/${encodeURIComponent(id)}/roles`, {
      method: 'PUT',
      body: JSON.stringify({ roles }),
    }),
  listAudit: (limit: number) =>
    call(z.object({ items: z.array(AuditEntry) }), `/api/admin/audit?limit=${limit}`),
  verifyAudit: () => call(AuditVerification, '/api/admin/audit/verification'),
};
