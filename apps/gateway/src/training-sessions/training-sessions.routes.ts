import { z } from 'zod';
import {
  DeclinedTrainingSeat,
  ROLE_GROUPS,
  SavedTrainingSeat,
  SavedTrainingSession,
  SlotQuery,
  TrainingSlotList,
  SessionDraft,
  TrainingSessionList,
  TrainingSessionView,
} from '@bandanh/contracts';
import { DENIED, IdempotencyHeader, createdAnswers, defineRoute, idParam, problem } from '../http/route-def';

/** Training sessions: scheduled by admins, coordinators and their trainers, read by programme staff. */
export const TRAINING_SESSION_ROUTES = {
  listTrainingSessions: defineRoute({
    method: 'GET',
    path: '/api/training/sessions',
    operationId: 'listTrainingSessions',
    summary: 'Sessions by start, from and to an instant, optionally of one trainer',
    tag: 'training',
    access: ROLE_GROUPS.trainingReaders,
    query: z.object({
      from: z.iso.datetime({ offset: true, error: 'Give from as an ISO date and time' }).optional(),
      to: z.iso.datetime({ offset: true, error: 'Give to as an ISO date and time' }).optional(),
      trainerId: z.uuid({ error: 'Trainer id must be a UUID' }).optional(),
    }),
    status: 200,
    responses: { 200: { description: 'Sessions', schema: TrainingSessionList }, ...DENIED },
  }),
  getTrainingSession: defineRoute({
    method: 'GET',
    path: '/api/training/sessions/:id',
    operationId: 'getTrainingSession',
    summary: 'One session',
    tag: 'training',
    access: ROLE_GROUPS.trainingReaders,
    params: idParam('Session'),
    status: 200,
    responses: {
      200: { description: 'The session', schema: TrainingSessionView },
      404: problem('No such session'),
      ...DENIED,
    },
  }),
  createTrainingSession: defineRoute({
    method: 'POST',
    path: '/api/training/sessions',
    operationId: 'createTrainingSession',
    summary: 'Schedules a session (a trainer only one they teach)',
    tag: 'training',
    access: ROLE_GROUPS.sessionSchedulers,
    headers: IdempotencyHeader,
    body: SessionDraft,
    status: 201,
    responses: {
      ...createdAnswers('The session', SavedTrainingSession),
      400: problem('A field is missing or wrong'),
      409: problem('The rules refuse it: `details.reason` and every one in `details.refusals`'),
      ...DENIED,
    },
  }),
  findTrainingSlots: defineRoute({
    method: 'GET',
    path: '/api/training/slots',
    operationId: 'findTrainingSlots',
    summary: 'The earliest free slots of trainers of a module in a province, between two days',
    tag: 'training',
    access: ROLE_GROUPS.sessionSchedulers,
    query: SlotQuery,
    status: 200,
    responses: {
      200: { description: 'Slots, earliest first', schema: TrainingSlotList },
      400: problem('A field is missing or wrong, or the range runs backwards or over 366 days'),
      ...DENIED,
    },
  }),
  confirmTrainingSeat: defineRoute({
    method: 'POST',
    path: '/api/training/sessions/:id/seat',
    operationId: 'confirmTrainingSeat',
    summary:
      'A CBO member takes a seat, or a place on the waitlist when it is full (asking again changes nothing)',
    tag: 'training',
    access: ROLE_GROUPS.applicants,
    params: idParam('Session'),
    status: 201,
    responses: {
      ...createdAnswers('The seat or waitlist place', SavedTrainingSeat),
      404: problem('No such session'),
      409: problem(
        '`details.reason`: the CBO holds its limit of seats, the account is not linked to a CBO, or the session is closed',
      ),
      ...DENIED,
    },
  }),
  declineTrainingSeat: defineRoute({
    method: 'DELETE',
    path: '/api/training/sessions/:id/seat',
    operationId: 'declineTrainingSeat',
    summary:
      'A CBO member gives up their seat or place (the first waitlisted takes a freed seat), or says no to an invitation',
    tag: 'training',
    access: ROLE_GROUPS.applicants,
    params: idParam('Session'),
    status: 200,
    responses: {
      200: { description: 'The declined seat and who was promoted', schema: DeclinedTrainingSeat },
      404: problem('No such session'),
      409: problem('`details.reason`: the CBO is not invited, or the session is closed'),
      ...DENIED,
    },
  }),
};
