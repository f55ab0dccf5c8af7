import { z } from 'zod';
import {
  ApplicationDraft,
  GrantApplicationListQuery,
  ROLE_GROUPS,
  detachGrantFile,
  getGrantApplication,
  listGrantApplications,
  listMyGrantApplications,
  saveGrantApplication,
  startGrantApplication,
  submitGrantApplication,
} from '@bandanh/contracts';
import { DENIED, IdempotencyHeader, createdAnswers, defineRoute, idParam, problem } from '../http/route-def';

const ApplicationId = idParam('Application');

const AttachmentParams = z.object({
  id: z.uuid({ error: 'Application id must be a UUID' }),
  attachmentId: z.uuid({ error: 'Attachment id must be a UUID' }),
});

/** Who may read one application: its CBO's members, grant staff, its assigned reviewers (the service checks which). */
const APPLICATION_READERS = [
  ...ROLE_GROUPS.grantReaders,
  ...ROLE_GROUPS.reviewers,
  ...ROLE_GROUPS.grantApplicants,
];

/**
 * Applications: a CBO member starts, saves and submits their CBO's; grant staff list a round's.
 * (Attachments arrive by resumable upload at `/api/uploads`, the tus protocol, outside this
 * table: see uploads/uploads.server.ts.)
 */
export const GRANT_APPLICATION_ROUTES = {
  listMyGrantApplications: defineRoute({
    method: 'GET',
    path: '/api/grants/applications/mine',
    operationId: 'listMyGrantApplications',
    summary: "The signed-in member's CBO's applications, newest first",
    tag: 'grants',
    access: ROLE_GROUPS.grantApplicants,
    status: 200,
    responses: { 200: { description: 'Applications', schema: listMyGrantApplications.response }, ...DENIED },
  }),
  startGrantApplication: defineRoute({
    method: 'POST',
    path: '/api/grants/rounds/:id/applications',
    operationId: 'startGrantApplication',
    summary: "Starts the member's CBO's application to a round (again: the same draft)",
    tag: 'grants',
    access: ROLE_GROUPS.grantApplicants,
    params: idParam('Round'),
    status: 201,
    responses: {
      ...createdAnswers('The new draft', startGrantApplication.response, 'The draft already started'),
      404: problem('No such round, or not one the CBO may see'),
      409: problem('`round_not_open`, or `not_eligible` (`details.rules`)'),
      ...DENIED,
    },
  }),
  getGrantApplication: defineRoute({
    method: 'GET',
    path: '/api/grants/applications/:id',
    operationId: 'getGrantApplication',
    summary: 'One application (a blind round hides the CBO from its reviewers)',
    tag: 'grants',
    access: APPLICATION_READERS,
    params: ApplicationId,
    status: 200,
    responses: {
      200: { description: 'The application', schema: getGrantApplication.response },
      404: problem('No such application, or not one you may see'),
      ...DENIED,
    },
  }),
  saveGrantApplication: defineRoute({
    method: 'PUT',
    path: '/api/grants/applications/:id',
    operationId: 'saveGrantApplication',
    summary: 'Saves the draft whole, from the version it started from',
    tag: 'grants',
    access: ROLE_GROUPS.grantApplicants,
    params: ApplicationId,
    body: z.object({
      baseVersion: saveGrantApplication.request.shape.baseVersion,
      draft: ApplicationDraft,
    }),
    status: 200,
    responses: {
      200: { description: 'The application as saved', schema: saveGrantApplication.response },
      400: problem('A field is wrong (`details.issues` names each)'),
      404: problem('No such application'),
      409: problem('`draft_newer` (`details.current` is the newer copy) or `not_editable`'),
      ...DENIED,
    },
  }),
  submitGrantApplication: defineRoute({
    method: 'POST',
    path: '/api/grants/applications/:id/submit',
    operationId: 'submitGrantApplication',
    summary: 'Submits the application: a reference, a receipt, and its workflow starts',
    tag: 'grants',
    access: ROLE_GROUPS.grantApplicants,
    params: ApplicationId,
    headers: IdempotencyHeader,
    body: z.object({ baseVersion: submitGrantApplication.request.shape.baseVersion }),
    status: 200,
    responses: {
      200: { description: 'The submitted application', schema: submitGrantApplication.response },
      400: problem('Something required is missing or wrong (`details.issues` names each)'),
      404: problem('No such application'),
      409: problem('`round_not_open`, `draft_newer` or `not_editable`'),
      ...DENIED,
    },
  }),
  detachGrantFile: defineRoute({
    method: 'DELETE',
    path: '/api/grants/applications/:id/attachments/:attachmentId',
    operationId: 'detachGrantFile',
    summary: 'Removes an attachment from a draft, and deletes its file',
    tag: 'grants',
    access: ROLE_GROUPS.grantApplicants,
    params: AttachmentParams,
    status: 200,
    responses: {
      200: { description: 'The application', schema: detachGrantFile.response.pick({ application: true }) },
      404: problem('No such application or attachment'),
      409: problem('`not_editable`'),
      ...DENIED,
    },
  }),
  getGrantAttachmentFile: defineRoute({
    method: 'GET',
    path: '/api/grants/applications/:id/attachments/:attachmentId/file',
    operationId: 'getGrantAttachmentFile',
    summary:
      "An attachment's file, as a download in the type its content told (whoever may read the application)",
    tag: 'grants',
    access: APPLICATION_READERS,
    params: AttachmentParams,
    status: 200,
    responses: {
      200: { description: 'The file (image/jpeg, image/png, image/webp or application/pdf)' },
      404: problem('No such application or attachment, or not one you may see'),
      ...DENIED,
    },
  }),
  listGrantApplications: defineRoute({
    method: 'GET',
    path: '/api/grants/rounds/:id/applications',
    operationId: 'listGrantApplications',
    summary: "A round's applications with filters, and the count per stage",
    tag: 'grants',
    access: ROLE_GROUPS.grantReaders,
    params: idParam('Round'),
    query: GrantApplicationListQuery.omit({ roundId: true }),
    status: 200,
    responses: {
      200: { description: 'Applications', schema: listGrantApplications.response },
      404: problem('No such round'),
      ...DENIED,
    },
  }),
} as const;
