import { Logger } from '@nestjs/common';
import {
  assignGrantReviewers,
  beginGrantApplicationRun,
  listStaffByRole,
  recordGrantApplicationStage,
  recordGrantDecision,
  recordGrantReview,
  recordGrantReviewDeclaration,
} from '@bandanh/contracts';
import { systemCaller } from '@bandanh/platform';
import type { GrantApplicationActivities, TaskActivities } from '@bandanh/workflows';
import type { NotificationsService } from '../notifications/notifications.service';
import type { TasksService } from '../tasks/tasks.service';
import type { ServiceCall } from '../temporal/service-call';

/**
 * The application workflow's calls to the grants service (`grants.run.*`), which keeps the
 * applications, reviews and decisions, audits each, re-checks the rubric and takes approved
 * amounts from the round's envelope. Each carries the workflow's event id, so a retried activity
 * records nothing twice; a refusal (an envelope too small, scores off the rubric) comes back to
 * the workflow, and through it to the caller, as it was. A reviewer hears of their assignment
 * from the orchestrator's channel, once per review task.
 */
export function grantApplicationActivities({
  send,
  notifications,
  tasks,
  webUrl,
}: {
  send: ServiceCall;
  notifications: Pick<NotificationsService, 'send'>;
  tasks: Pick<TasksService, 'find'>;
  /** The web's address as people reach it (`WEB_URL`), for the link to the review. */
  webUrl: string;
}): Omit<GrantApplicationActivities, keyof TaskActivities> {
  const orchestrator = systemCaller('orchestrator');
  const logger = new Logger('GrantApplicationActivities');
  return {
    async beginGrantRun({ applicationId, eventId }) {
      const begun = await send(beginGrantApplicationRun, { applicationId, eventId });
      return {
        check: begun.check,
        steps: begun.steps,
        reviewersPerApplication: begun.reviewersPerApplication,
        excludedApprovers: begun.excludedApprovers,
        requested: begun.requested,
      };
    },
    async recordGrantStage({ applicationId, stage, eligibility, eventId }) {
      await send(recordGrantApplicationStage, {
        applicationId,
        stage,
        eventId,
        ...(eligibility && { eligibility }),
      });
    },
    async assignGrantReviewers({ applicationId, count, eventId }) {
      const { reviewerIds } = await send(assignGrantReviewers, { applicationId, count, eventId });
      return { reviewerIds };
    },
    async declareGrantReview({ applicationId, reviewerId, conflict, note, eventId }) {
      await send(recordGrantReviewDeclaration, { applicationId, reviewerId, conflict, note, eventId });
    },
    async recordGrantReview({ applicationId, reviewerId, scores, comment, eventId }) {
      await send(recordGrantReview, { applicationId, reviewerId, scores, comment, eventId });
    },
    async decideGrant(input) {
      await send(recordGrantDecision, input);
    },
    async notifyGrantReviewer({ applicationId, reviewerId, taskId, label }) {
      const [{ items }, task] = await Promise.all([
        send(listStaffByRole, { role: 'reviewer' }),
        tasks.find(taskId),
      ]);
      const reviewer = items.find(({ userId }) => userId === reviewerId);
      if (!reviewer || !task) {
        // No longer an active reviewer (or no task): nobody to tell; the inbox still shows it.
        logger.warn({ applicationId, reviewerId, taskId }, 'A grant reviewer could not be told of a review');
        return;
      }
      await notifications.send(orchestrator, {
        key: `grant-review-assigned-${taskId}`,
        kind: 'grant_review_assigned',
        locale: reviewer.locale,
        recipient: { email: reviewer.email, userId: reviewer.userId },
        params: {
          name: reviewer.displayName,
          application: label,
          dueAt: task.dueAt,
          link: `${webUrl}/${reviewer.locale}/grants/reviews/${applicationId}`,
        },
      });
    },
  };
}
