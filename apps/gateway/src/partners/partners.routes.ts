import { z } from 'zod';
import { PartnerDraft, PartnerList, ROLE_GROUPS, SavedPartner } from '@bandanh/contracts';
import { DENIED, IdempotencyHeader, createdAnswers, defineRoute, idParam, problem } from '../http/route-def';

/** The partner NGOs the hotline refers groups to. */
export const PARTNER_ROUTES = {
  listPartners: defineRoute({
    method: 'GET',
    path: '/api/partners',
    operationId: 'listPartners',
    summary: 'Partner NGOs, with their expertise and contacts',
    tag: 'hotline',
    access: ROLE_GROUPS.programmeStaff,
    query: z.object({
      includeInactive: z
        .enum(['true', 'false'])
        .default('false')
        .transform((value) => value === 'true'),
    }),
    status: 200,
    responses: { 200: { description: 'Partners', schema: PartnerList }, ...DENIED },
  }),
  createPartner: defineRoute({
    method: 'POST',
    path: '/api/partners',
    operationId: 'createPartner',
    summary: 'Adds a partner NGO',
    tag: 'hotline',
    access: ROLE_GROUPS.hotlineStaff,
    headers: IdempotencyHeader,
    body: PartnerDraft,
    status: 201,
    responses: {
      ...createdAnswers('The partner', SavedPartner),
      400: problem('A field is missing or wrong'),
      ...DENIED,
    },
  }),
  updatePartner: defineRoute({
    method: 'PUT',
    path: '/api/partners/:id',
    operationId: 'updatePartner',
    summary: "Changes a partner NGO's details, or makes it inactive",
    tag: 'hotline',
    access: ROLE_GROUPS.hotlineStaff,
    params: idParam('Partner'),
    body: PartnerDraft,
    status: 200,
    responses: {
      200: { description: 'The partner', schema: SavedPartner },
      404: problem('No such partner'),
      ...DENIED,
    },
  }),
};
