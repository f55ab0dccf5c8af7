import {
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  log,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { TrainingSessionRefusal } from '@bandanh/contracts';
import { trainingCompletedSignal } from '../cbo-pipeline/definitions';
import { ACTIVITY_OPTIONS } from '../shared/activity-options';
import { REFUSAL, type Actor, type RefusalType } from '../shared/definitions';
import { closeTask, followUp, taskIdFor, taskInput } from '../shared/human-step';
import { OneStepAtATime } from '../shared/one-step-at-a-time';
import { passOn, refuse } from '../shared/refusals';
import { WORKFLOW_ROLE_GROUPS } from '../shared/roles';
import {
  ATTENDANCE_MARKS,
  cancelSessionUpdate,
  moveSessionUpdate,
  recordAttendanceUpdate,
  sessionViewQuery,
  type AttendanceEntry,
  type SessionState,
  type SessionView,
  type TrainingSessionActivities,
  type TrainingSessionInput,
} from './definitions';
import { attendanceMismatch, badNewTime, cboPipelineWorkflowIdInWorkflow, remindersDue } from './rules';

const act = proxyActivities<TrainingSessionActivities>(ACTIVITY_OPTIONS);

/** States from which the session can no longer be moved or cancelled. */
const HELD: readonly SessionState[] = ['held', 'attendance_recorded', 'completed'];

/**
 * One training session, from its scheduling to its completion: the invitations, the invitees'
 * reminders (the configured leads before the start, re-armed when the session moves), the
 * session held at its end time, the trainers' attendance task (reminded, then escalated to
 * the coordinators, like every task), the attendance recorded by a trainer of the session,
 * and the completion, signalled to the pipeline of each CBO whose module is now complete.
 * Moving or cancelling it tells everyone invited; neither is possible once it has been held.
 */
export async function trainingSession(input: TrainingSessionInput): Promise<SessionState> {
  const { sessionId, moduleId, label, trainerIds, reminderLeads } = input;
  const workflowId = workflowInfo().workflowId;
  const gate = new OneStepAtATime<SessionState>(
    'Another change to this session is being recorded; try again in a moment',
  );
  const state = {
    state: 'scheduled' as SessionState,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    /** How often the session has moved: each move re-arms the reminders. */
    moves: 0,
    /** The leads whose reminder went out for the session's current time. */
    sent: new Set<string>(),
    attendanceTaskId: null as string | null,
    expected: [] as string[],
    cancelReason: null as string | null,
  };
  const now = () => new Date().getTime();
  /** Read through a function: a handler may cancel the session while the workflow waits. */
  const cancelled = () => state.state === 'cancelled';

  const view = (): SessionView => {
    const ahead = state.state === 'scheduled' || state.state === 'invited';
    const [next] = ahead ? remindersDue(state.startsAt, reminderLeads, state.sent, now()) : [];
    return {
      state: state.state,
      startsAt: state.startsAt,
      endsAt: state.endsAt,
      nextReminder: next ? { lead: next.lead, at: new Date(next.at).toISOString() } : null,
      attendanceTaskId: state.attendanceTaskId,
      cancelReason: state.cancelReason,
    };
  };
  setHandler(sessionViewQuery, view);

  const refusal = (message: string, reason: TrainingSessionRefusal, type: RefusalType = REFUSAL.wrongStage) =>
    refuse(message, type, { reason, state: state.state });

  /** A trainer of the session, or a coordinator or admin, may move or cancel it. */
  const requireOrganiser = (actor: Actor, step: string) => {
    const staff: readonly string[] = WORKFLOW_ROLE_GROUPS.cboWriters;
    const trainer = trainerIds.includes(actor.userId) && actor.roles.includes('trainer');
    if (!trainer && !actor.roles.some((role) => staff.includes(role))) {
      throw refusal(
        `Only a trainer of this session or a coordinator may ${step}`,
        'not_session_trainer',
        REFUSAL.forbidden,
      );
    }
  };
  /** Moving and cancelling need a session that is neither cancelled nor held. */
  const requireAhead = (step: string) => {
    if (state.state === 'cancelled')
      throw refusal(`This session was cancelled, so it cannot ${step}`, 'session_cancelled');
    if (HELD.includes(state.state))
      throw refusal(`This session has been held, so it cannot ${step}`, 'already_held');
    gate.refuseIfBusy();
  };

  setHandler(
    moveSessionUpdate,
    ({ actor, startsAt, endsAt }) =>
      gate.run(async () => {
        const moves = state.moves + 1;
        await act
          .announceMove({
            sessionId,
            eventId: `${workflowId}:move:${moves}`,
            startsAt,
            endsAt,
            movedBy: actor.userId,
          })
          .catch(passOn);
        state.moves = moves;
        state.startsAt = startsAt;
        state.endsAt = endsAt;
        state.sent = new Set();
        return view();
      }),
    {
      validator: ({ actor, startsAt, endsAt }) => {
        requireOrganiser(actor, 'move it');
        requireAhead('be moved');
        const bad = badNewTime(startsAt, endsAt, now());
        if (bad) throw refusal(bad, 'invalid_time', REFUSAL.invalid);
      },
    },
  );

  setHandler(
    cancelSessionUpdate,
    ({ actor, reason }) =>
      gate.run(async () => {
        await act
          .announceCancellation({
            sessionId,
            eventId: `${workflowId}:cancel`,
            reason,
            cancelledBy: actor.userId,
          })
          .catch(passOn);
        state.cancelReason = reason;
        state.state = 'cancelled';
        return view();
      }),
    {
      validator: ({ actor, reason }) => {
        requireOrganiser(actor, 'cancel it');
        requireAhead('be cancelled');
        if (!reason.trim()) throw refuse('Say why the session is cancelled', REFUSAL.invalid);
      },
    },
  );

  setHandler(
    recordAttendanceUpdate,
    ({ actor, marks }) =>
      gate.run(async () => {
        const taskId = state.attendanceTaskId!;
        await act
          .recordAttendance({
            sessionId,
            eventId: `${workflowId}:attendance`,
            recordedBy: actor.userId,
            marks,
          })
          .catch(passOn);
        await closeTask(taskId, 'done', actor.userId);
        state.state = 'attendance_recorded';
        return view();
      }),
    {
      validator: ({ actor, marks }) => {
        gate.refuseIfBusy();
        if (state.state === 'cancelled') throw refusal('This session was cancelled', 'session_cancelled');
        if (state.state === 'scheduled' || state.state === 'invited') {
          throw refusal('Attendance is taken once the session has been held', 'not_held_yet');
        }
        if (state.state !== 'held')
          throw refusal('The attendance is already recorded', 'attendance_recorded');
        if (!trainerIds.includes(actor.userId)) {
          throw refusal(
            'Only a trainer of this session may take its attendance',
            'not_session_trainer',
            REFUSAL.forbidden,
          );
        }
        const marksAllowed: readonly string[] = ATTENDANCE_MARKS;
        const badMark = marks.find(({ mark }: AttendanceEntry) => !marksAllowed.includes(mark));
        if (badMark) throw refuse(`"${badMark.mark}" is not an attendance mark`, REFUSAL.invalid);
        const mismatch = attendanceMismatch(marks, state.expected);
        if (mismatch.unexpected.length || mismatch.missing.length || mismatch.duplicated.length) {
          throw refuse('Mark each expected attendee once, and nobody else', REFUSAL.invalid, {
            reason: 'attendees_mismatch' satisfies TrainingSessionRefusal,
            ...mismatch,
          });
        }
      },
    },
  );

  // Scheduled: the invitations go out first; a change waits for them.
  await gate.run(() => act.sendInvitations({ sessionId, eventId: `${workflowId}:invitations` }), [], true);
  state.state = 'invited';

  // Invited: each reminder at its time before the start, until the end of the session.
  for (;;) {
    await condition(() => !gate.busy);
    if (cancelled()) break;
    const moves = state.moves;
    const changed = () => state.moves !== moves || cancelled();
    const [next] = remindersDue(state.startsAt, reminderLeads, state.sent, now());
    const wakeAt = next ? next.at : new Date(state.endsAt).getTime();
    if (wakeAt > now() && (await condition(changed, wakeAt - now()))) continue;
    if (gate.busy) continue;
    if (!next) break;
    state.sent.add(next.lead);
    await gate.run(
      () =>
        act.remindInvitees({
          sessionId,
          eventId: `${workflowId}:reminder:${moves}:${next.lead}`,
          lead: next.lead,
          startsAt: state.startsAt,
        }),
      [],
      true,
    );
  }
  if (cancelled()) {
    await condition(allHandlersFinished);
    return 'cancelled';
  }

  // Held: the trainers' attendance task, for the members expected.
  const taskId = taskIdFor('take_attendance', 1);
  await gate
    .run(
      async () => {
        state.state = 'held';
        state.expected = (await act.expectedAttendees({ sessionId })).memberIds;
        const timings = await act.openTask(
          taskInput({
            taskId,
            kind: 'take_attendance',
            // The inbox files every task under a CBO; a session's task is filed under the session.
            cboId: sessionId,
            subjectId: sessionId,
            subjectLabel: label,
            assigneeRole: 'trainer',
          }),
        );
        state.attendanceTaskId = taskId;
        return timings;
      },
      [],
      true,
    )
    .then((timings) =>
      // Overdue, it is escalated to the coordinators, who run the training programme.
      followUp(
        taskId,
        { ...timings, escalateTo: 'coordinator' },
        () => state.state === 'attendance_recorded',
      ),
    );
  await condition(() => !gate.busy);

  // Completion: each CBO whose module is now complete is told through its pipeline.
  const { completed } = await act.completeSession({ sessionId, moduleId });
  for (const { cboId, completedModuleIds, requiredModuleIds } of completed) {
    try {
      await getExternalWorkflowHandle(cboPipelineWorkflowIdInWorkflow(cboId)).signal(
        trainingCompletedSignal,
        {
          completedModuleIds,
          requiredModuleIds,
        },
      );
    } catch (error) {
      // A CBO without a running pipeline has no stage to move; the others are still told.
      log.warn('The pipeline of a CBO that completed a module could not be signalled', {
        cboId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  state.state = 'completed';
  await condition(allHandlersFinished);
  return state.state;
}
