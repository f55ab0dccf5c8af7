import { z } from 'zod';
import { defineContract } from '../contract';
import { ProvinceCode } from './provinces';
import { PipelineStage } from '../orchestrator/pipeline';

export const FOCUS_ISSUES = ['land', 'labour', 'fisheries', 'other'] as const;
export const FocusIssue = z.enum(FOCUS_ISSUES);
export type FocusIssue = z.infer<typeof FocusIssue>;

export const DISCOVERY_CHANNELS = [
  'grassroots_contact',
  'field_visit',
  'referral',
  'self_application',
] as const;
export const DiscoveryChannel = z.enum(DISCOVERY_CHANNELS);
export type DiscoveryChannel = z.infer<typeof DiscoveryChannel>;

export const IdempotencyKey = z
  .string()
  .trim()
  .min(8, 'Idempotency key must be at least 8 characters')
  .max(128, 'Idempotency key must be at most 128 characters')
  .regex(/^[A-Za-z0-9._:-]+$/, 'Idempotency key may use letters, digits and . _ : - only');

/** What a coordinator enters to record a candidate CBO. */
export const CboDraft = z.object({
  name: z.string().trim().min(1, 'Name is required').max(200, 'Name must be at most 200 characters'),
  provinceCode: ProvinceCode,
  focusIssue: FocusIssue,
  foundVia: DiscoveryChannel,
});
export type CboDraft = z.infer<typeof CboDraft>;

export const Cbo = z.object({
  id: z.uuid(),
  name: z.string(),
  provinceCode: z.string(),
  focusIssue: FocusIssue,
  foundVia: DiscoveryChannel,
  /** The stage the CBO's pipeline workflow last reported; null until it has started. */
  stage: PipelineStage.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Cbo = z.infer<typeof Cbo>;

export const createCbo = defineContract({
  subject: 'network.cbo.create',
  request: z.object({ idempotencyKey: IdempotencyKey, draft: CboDraft }),
  response: z.object({ cbo: Cbo, created: z.boolean() }),
});

/** The API's answer to recording a CBO: the CBO, its pipeline, and whether this call created it. */
export const CreatedCbo = z.object({ cbo: Cbo, workflowId: z.string(), created: z.boolean() });
export type CreatedCbo = z.infer<typeof CreatedCbo>;

export const getCbo = defineContract({
  subject: 'network.cbo.get',
  request: z.object({ id: z.uuid() }),
  response: z.object({ cbo: Cbo }),
});

export const ListCbosQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListCbosQuery = z.infer<typeof ListCbosQuery>;

export const CboPage = z.object({
  items: z.array(Cbo),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type CboPage = z.infer<typeof CboPage>;

export const listCbos = defineContract({
  subject: 'network.cbo.list',
  request: ListCbosQuery,
  response: CboPage,
});

/** The pipeline workflow reports the stage it has reached; the network service keeps it. */
export const recordCboStage = defineContract({
  subject: 'network.cbo.recordStage',
  request: z.object({ id: z.uuid(), stage: PipelineStage }),
  response: z.object({ cbo: Cbo }),
});
