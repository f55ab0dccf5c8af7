import { z } from 'zod';
import {
  AttendanceEntry,
  ROLE_GROUPS,
  TrainingAttendanceView,
  TrainingSessionRun,
  cancelTrainingSession,
  moveTrainingSession,
} from '@bandanh/contracts';
import { DENIED, defineRoute, idParam, problem } from '../http/route-def';

const SessionId = idParam('Session');

/**
 * A new start and end, the end after the start (the rules re-check the rest), passed on as UTC
 * instants like every time the API answers, whatever offset they were written with.
 */
const MoveBody = moveTrainingSession.request
  .omit({ sessionId: true })
  .refine((move) => Date.parse(move.endsAt) > Date.parse(move.startsAt), {
    path: ['endsAt'],
    message: 'The end must be after the start',
  })
  .transform((move) => ({
    startsAt: new Date(move.startsAt).toISOString(),
    endsAt: new Date(move.endsAt).toISOString(),
  }));

const AttendanceBody = z.object({
  marks: z
    .array(AttendanceEntry, { error: 'Give the marks as a list' })
    .max(1000, 'At most 1000 marks')
    .refine(
      (marks) => new Set(marks.map((entry) => entry.memberId)).size === marks.length,
      'Each member once',
    ),
});

/**
 * A scheduled session's run (its workflow): read by programme staff and trainers, moved and
 * cancelled by its schedulers, its attendance taken by its trainers.
 */
export const TRAINING_RUN_ROUTES = {
  getTrainingSessionRun: defineRoute({
    method: 'GET',
    path: '/api/training/sessions/:id/run',
    operationId: 'getTrainingSessionRun',
    summary: "Where a session's workflow is: its state, the next reminder, the attendance task",
    tag: 'training',
    access: ROLE_GROUPS.trainingReaders,
    params: SessionId,
    status: 200,
    responses: {
      200: { description: 'The run', schema: TrainingSessionRun },
      404: problem('No such session, or no run of it'),
      ...DENIED,
    },
  }),
  moveTrainingSession: defineRoute({
    method: 'POST',
    path: '/api/training/sessions/:id/move',
    operationId: 'moveTrainingSession',
    summary: 'Moves a session to a new start and end; everyone invited and the trainers are told',
    tag: 'training',
    access: ROLE_GROUPS.sessionSchedulers,
    params: SessionId,
    body: MoveBody,
    status: 200,
    responses: {
      200: { description: 'The run, with the new times', schema: TrainingSessionRun },
      400: problem('A time is missing or wrong, the end is before the start, or the start is past'),
      404: problem('No such session'),
      409: problem(
        'The rules refuse it (`details.reason` as for scheduling), or the session is held or cancelled',
      ),
      ...DENIED,
    },
  }),
  cancelTrainingSession: defineRoute({
    method: 'POST',
    path: '/api/training/sessions/:id/cancel',
    operationId: 'cancelTrainingSession',
    summary: 'Cancels a session with a reason everyone invited is told',
    tag: 'training',
    access: ROLE_GROUPS.sessionSchedulers,
    params: SessionId,
    body: cancelTrainingSession.request.omit({ sessionId: true }),
    status: 200,
    responses: {
      200: { description: 'The cancelled run', schema: TrainingSessionRun },
      400: problem('No reason given'),
      404: problem('No such session'),
      409: problem('The session is held already'),
      ...DENIED,
    },
  }),
  getTrainingAttendance: defineRoute({
    method: 'GET',
    path: '/api/training/sessions/:id/attendance',
    operationId: 'getTrainingAttendance',
    summary:
      "A session's attendance sheet: who is expected, the marks once recorded (its trainers, coordinators, admins)",
    tag: 'training',
    access: ROLE_GROUPS.sessionSchedulers,
    params: SessionId,
    status: 200,
    responses: {
      200: { description: 'The sheet', schema: TrainingAttendanceView },
      404: problem('No such session'),
      ...DENIED,
    },
  }),
  recordTrainingAttendance: defineRoute({
    method: 'POST',
    path: '/api/training/sessions/:id/attendance',
    operationId: 'recordTrainingAttendance',
    summary: 'A trainer of the held session records its attendance, one mark per expected member',
    tag: 'training',
    access: ROLE_GROUPS.trainers,
    params: SessionId,
    body: AttendanceBody,
    status: 200,
    responses: {
      200: { description: 'The run, attendance recorded', schema: TrainingSessionRun },
      400: problem('A mark is wrong, or the marks are not one per expected member (`details.reason`)'),
      404: problem('No such session'),
      409: problem('The session is not held yet, or its attendance is recorded already'),
      ...DENIED,
    },
  }),
};
