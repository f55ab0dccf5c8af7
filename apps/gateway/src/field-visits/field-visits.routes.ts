import { z } from 'zod';
import {
  FieldVisitDraft,
  FieldVisitList,
  FieldVisitView,
  ROLE_GROUPS,
  SavedFieldVisit,
} from '@bandanh/contracts';
import { DENIED, IdempotencyHeader, createdAnswers, defineRoute, idParam, problem } from '../http/route-def';

/** Field visits to target areas and the CBOs met. */
export const FIELD_VISIT_ROUTES = {
  listFieldVisits: defineRoute({
    method: 'GET',
    path: '/api/field-visits',
    operationId: 'listFieldVisits',
    summary: 'Field visits to target areas, with the CBOs met, newest first',
    tag: 'network',
    access: ROLE_GROUPS.programmeStaff,
    status: 200,
    responses: { 200: { description: 'Visits', schema: FieldVisitList }, ...DENIED },
  }),
  createFieldVisit: defineRoute({
    method: 'POST',
    path: '/api/field-visits',
    operationId: 'createFieldVisit',
    summary: 'Records a field visit to a target area',
    tag: 'network',
    access: ROLE_GROUPS.cboWriters,
    headers: IdempotencyHeader,
    body: FieldVisitDraft,
    status: 201,
    responses: {
      ...createdAnswers('The visit', SavedFieldVisit),
      400: problem('A field is missing or wrong'),
      ...DENIED,
    },
  }),
  linkCboToVisit: defineRoute({
    method: 'POST',
    path: '/api/field-visits/:id/cbos',
    operationId: 'linkCboToVisit',
    summary: 'Adds a CBO already recorded to the CBOs met on a visit (instead of recording a duplicate)',
    tag: 'network',
    access: ROLE_GROUPS.cboWriters,
    params: idParam('Field visit'),
    body: z.object({ cboId: z.uuid({ error: 'Choose the CBO' }) }),
    status: 200,
    responses: {
      200: { description: 'The visit', schema: FieldVisitView },
      404: problem('No such visit or CBO'),
      ...DENIED,
    },
  }),
};
