import {
  CboApplication,
  DirectoryPage,
  DirectoryQuery,
  OpenProvinces,
  ReceivedApplication,
} from '@bandanh/contracts';
import { IdempotencyHeader, RATE_LIMITED, createdAnswers, defineRoute, problem } from '../http/route-def';

/** The public side of the network: the directory, the open provinces and applications. */
export const DIRECTORY_ROUTES = {
  searchDirectory: defineRoute({
    method: 'GET',
    path: '/api/directory',
    operationId: 'searchDirectory',
    summary:
      'The Network Directory: participants by name (Khmer or Latin, part of a word), province and issue',
    tag: 'directory',
    access: 'public',
    query: DirectoryQuery,
    status: 200,
    responses: {
      200: { description: 'One page of the directory', schema: DirectoryPage },
      400: problem('Bad query'),
    },
  }),
  applyAsCbo: defineRoute({
    method: 'POST',
    path: '/api/applications',
    operationId: 'applyAsCbo',
    rateLimit: 'publicWrite',
    summary: 'A group applies to join the network; it enters the pipeline as a candidate',
    tag: 'directory',
    access: 'public',
    headers: IdempotencyHeader,
    body: CboApplication,
    status: 201,
    responses: {
      ...createdAnswers('The application was received', ReceivedApplication),
      400: problem('A field is missing or wrong, or the province is not open yet'),
      429: problem(RATE_LIMITED),
    },
  }),
  listOpenProvinces: defineRoute({
    method: 'GET',
    path: '/api/expansion/open-provinces',
    operationId: 'listOpenProvinces',
    summary: 'The provinces the network is open in now',
    tag: 'directory',
    access: 'public',
    status: 200,
    responses: {
      200: { description: 'Province codes', schema: OpenProvinces },
    },
  }),
};
