import 'server-only';
import { z } from 'zod';
import { Cbo, DirectoryPage, PipelineState, type CboApplication, type FocusIssue } from '@bandanh/contracts';
import { call, post } from '@/lib/gateway';

export interface DirectorySearch {
  q?: string;
  province?: string;
  issue?: FocusIssue;
  limit: number;
  offset: number;
}

const Applied = z.object({ cbo: z.object({ id: z.uuid() }), created: z.boolean() });
const MyCbo = z.object({ cbo: Cbo.nullable(), pipeline: PipelineState.nullable() });
export type MyCbo = z.infer<typeof MyCbo>;

/** The Network Directory, one page; public, so no session goes with it. */
export function searchDirectory({ q, province, issue, limit, offset }: DirectorySearch) {
  const query = new URLSearchParams({ limit: String(limit), offset: String(offset) });
  if (q) query.set('q', q);
  if (province) query.set('province', province);
  if (issue) query.set('issue', issue);
  return call(DirectoryPage, `/api/directory?${query}`, { session: false });
}

/** The provinces where groups may apply now. */
export function openProvinces() {
  return call(z.object({ provinces: z.array(z.string()) }), '/api/expansion/open-provinces', {
    session: false,
  });
}

/** A group's application; the key, made when the form was rendered, keeps a resent form to one. */
export function applyToJoin(idempotencyKey: string, application: CboApplication) {
  return call(Applied, '/api/applications', {
    ...post(application),
    session: false,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

/** The signed-in applicant's group and its pipeline; both null before the account is linked. */
export function myCbo() {
  return call(MyCbo, '/api/me/cbo');
}
