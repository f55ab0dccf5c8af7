import {
  cancelTrainingSessionRun,
  completeTrainingSession,
  holdTrainingSession,
  inviteToTrainingSession,
  recordTrainingAttendance,
  remindTrainingSession,
  rescheduleTrainingSession,
} from '@bandanh/contracts';
import type { TaskActivities, TrainingSessionActivities } from '@bandanh/workflows';
import type { ServiceCall } from '../temporal/service-call';

/**
 * The session workflow's calls to the training service, which keeps the sessions, invitations,
 * seats, attendance and certificates, and tells the people concerned. Each carries the
 * workflow's event id, so a retried activity records and tells nobody twice; a refusal (a move
 * the scheduling rules refuse) comes back to the workflow, and through it to the caller, as it was.
 */
export function trainingSessionActivities({
  send,
}: {
  send: ServiceCall;
}): Omit<TrainingSessionActivities, keyof TaskActivities> {
  return {
    async sendInvitations({ sessionId, eventId }) {
      await send(inviteToTrainingSession, { sessionId, eventId });
    },
    async remindInvitees({ sessionId, eventId, lead, startsAt }) {
      await send(remindTrainingSession, { sessionId, eventId, lead, startsAt });
    },
    async announceMove({ sessionId, eventId, startsAt, endsAt, movedBy }) {
      await send(rescheduleTrainingSession, { sessionId, eventId, startsAt, endsAt, movedBy });
    },
    async announceCancellation({ sessionId, eventId, reason, cancelledBy }) {
      await send(cancelTrainingSessionRun, { sessionId, eventId, reason, cancelledBy });
    },
    async expectedAttendees({ sessionId }) {
      const { memberIds } = await send(holdTrainingSession, { sessionId });
      return { memberIds };
    },
    async recordAttendance({ sessionId, eventId, recordedBy, marks }) {
      await send(recordTrainingAttendance, { sessionId, eventId, recordedBy, marks });
    },
    async completeSession({ sessionId, moduleId }) {
      const { completed } = await send(completeTrainingSession, { sessionId, moduleId });
      return { completed };
    },
  };
}
