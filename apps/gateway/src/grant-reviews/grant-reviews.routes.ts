import {
  ROLE_GROUPS,
  declareRelationship,
  listGrantReviews,
  listMyGrantReviews,
  listMyRelationships,
  removeRelationship,
} from '@bandanh/contracts';
import { DENIED, defineRoute, idParam, problem } from '../http/route-def';

/** Reviews and the relationships staff declare with CBOs (which keep them from reviewing them). */
export const GRANT_REVIEW_ROUTES = {
  listMyGrantReviews: defineRoute({
    method: 'GET',
    path: '/api/grants/reviews/mine',
    operationId: 'listMyGrantReviews',
    summary: "The signed-in reviewer's assignments, open first",
    tag: 'grants',
    access: ROLE_GROUPS.reviewers,
    status: 200,
    responses: { 200: { description: 'Assignments', schema: listMyGrantReviews.response }, ...DENIED },
  }),
  listGrantReviews: defineRoute({
    method: 'GET',
    path: '/api/grants/applications/:id/reviews',
    operationId: 'listGrantReviews',
    summary: "An application's review board: every review side by side (a reviewer: their own)",
    tag: 'grants',
    access: [...ROLE_GROUPS.grantReaders, ...ROLE_GROUPS.reviewers],
    params: idParam('Application'),
    status: 200,
    responses: {
      200: { description: 'Reviews', schema: listGrantReviews.response },
      404: problem('No such application, or not one you may see'),
      ...DENIED,
    },
  }),
  listMyRelationships: defineRoute({
    method: 'GET',
    path: '/api/grants/relationships/mine',
    operationId: 'listMyRelationships',
    summary: 'The relationships with CBOs the signed-in staff member has declared',
    tag: 'grants',
    access: ROLE_GROUPS.relationshipDeclarers,
    status: 200,
    responses: { 200: { description: 'Relationships', schema: listMyRelationships.response }, ...DENIED },
  }),
  declareRelationship: defineRoute({
    method: 'POST',
    path: '/api/grants/relationships',
    operationId: 'declareRelationship',
    summary: 'Declares a relationship with a CBO: you will not review its applications',
    tag: 'grants',
    access: ROLE_GROUPS.relationshipDeclarers,
    body: declareRelationship.request,
    status: 200,
    responses: {
      200: { description: 'The relationship', schema: declareRelationship.response },
      400: problem('A field is missing or wrong'),
      404: problem('No such CBO'),
      ...DENIED,
    },
  }),
  removeRelationship: defineRoute({
    method: 'DELETE',
    path: '/api/grants/relationships/:id',
    operationId: 'removeRelationship',
    summary: 'Withdraws a relationship you declared (`:id` is the CBO)',
    tag: 'grants',
    access: ROLE_GROUPS.relationshipDeclarers,
    params: idParam('CBO'),
    status: 200,
    responses: {
      200: { description: 'Whether one was removed', schema: removeRelationship.response },
      ...DENIED,
    },
  }),
} as const;
