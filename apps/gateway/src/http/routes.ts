import { z } from 'zod';
import {
  Cbo,
  CboDraft,
  CboPage,
  CreatedCbo,
  ErrorBody,
  Health,
  IdempotencyKey,
  ListCbosQuery,
  PipelineState,
  Province,
} from '@bandanh/contracts';
import { defineRoute } from './route';

const problem = (description: string) => ({ description, schema: ErrorBody });
const CboId = z.object({ id: z.uuid({ error: 'CBO id must be a UUID' }) });

/** Every route of the API. A controller method mounts one of these, and the OpenAPI document lists them. */
export const ROUTES = {
  health: defineRoute({
    method: 'GET',
    path: '/health',
    operationId: 'getHealth',
    summary: 'Reports PostgreSQL, NATS, Temporal and each service',
    tag: 'system',
    public: true,
    status: 200,
    responses: {
      200: { description: 'Everything answers', schema: Health },
      503: { description: 'Something does not answer', schema: Health },
    },
  }),
  listProvinces: defineRoute({
    method: 'GET',
    path: '/api/provinces',
    operationId: 'listProvinces',
    summary: 'The 25 provinces, with their codes and Khmer names',
    tag: 'network',
    public: true,
    status: 200,
    responses: { 200: { description: 'The provinces', schema: z.object({ items: z.array(Province) }) } },
  }),
  listCbos: defineRoute({
    method: 'GET',
    path: '/api/cbos',
    operationId: 'listCbos',
    summary: 'CBOs, newest first, with the stage each pipeline reports',
    tag: 'network',
    public: false,
    query: ListCbosQuery,
    status: 200,
    responses: { 200: { description: 'One page of CBOs', schema: CboPage }, 400: problem('Bad paging') },
  }),
  createCbo: defineRoute({
    method: 'POST',
    path: '/api/cbos',
    operationId: 'createCbo',
    summary: 'Records a candidate CBO and starts its pipeline',
    tag: 'network',
    public: false,
    headers: z.object({ 'idempotency-key': IdempotencyKey }),
    body: CboDraft,
    status: 201,
    responses: {
      201: { description: 'The CBO was recorded and its pipeline started', schema: CreatedCbo },
      200: { description: 'A retry: the first answer to this idempotency key', schema: CreatedCbo },
      400: problem('A field is missing or wrong; `details.issues` names it'),
      422: problem('The idempotency key was used for a different request'),
      503: problem('A service is not answering; retry with the same key'),
    },
  }),
  getCbo: defineRoute({
    method: 'GET',
    path: '/api/cbos/:id',
    operationId: 'getCbo',
    summary: 'One CBO',
    tag: 'network',
    public: false,
    params: CboId,
    status: 200,
    responses: {
      200: { description: 'The CBO', schema: z.object({ cbo: Cbo }) },
      404: problem('No such CBO'),
    },
  }),
  getCboPipeline: defineRoute({
    method: 'GET',
    path: '/api/cbos/:id/pipeline',
    operationId: 'getCboPipeline',
    summary: "The live state of the CBO's pipeline workflow",
    tag: 'network',
    public: false,
    params: CboId,
    status: 200,
    responses: {
      200: { description: 'The pipeline state', schema: PipelineState },
      404: problem('No pipeline for this CBO'),
    },
  }),
};

export type RouteName = keyof typeof ROUTES;
