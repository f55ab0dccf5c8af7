import { z } from 'zod';
import { STAFF_ROLES } from '@bandanh/contracts';
import {
  baseEnv,
  databaseEnv,
  durationMs,
  loadConfig,
  mailEnv,
  temporalEnv,
  webUrlEnv,
} from '@bandanh/platform';

/**
 * A duration kept as written (`3 days`, `36h`, `2s`), for Temporal timers to read; checked with
 * the platform's one duration parser, whose units are those Temporal reads.
 */
const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((value) => durationMs(value) !== undefined, {
      message: 'must be a duration such as "3 days", "36h" or "2s"',
    });

export const OrchestratorEnv = z.object({
  ...baseEnv,
  ...databaseEnv,
  ...temporalEnv,
  /** The SMTP relay the notifications go out through (locally Mailpit), and their sender. */
  ...mailEnv,
  /**
   * A workflow bundle built ahead (`bundleWorkflowCode`, as npm test builds one for all its
   * stacks): the worker loads it instead of bundling the workflows itself at every start.
   */
  TEMPORAL_WORKFLOW_BUNDLE: z.string().min(1).optional(),
  /** How long a task waits for its assignee before they are reminded. */
  TASK_REMIND_AFTER: duration('3 days'),
  /** How long after the reminder an untouched task escalates. */
  TASK_ESCALATE_AFTER: duration('2 days'),
  /** The manager role an overdue task escalates to. */
  TASK_ESCALATE_TO: z.enum(STAFF_ROLES).default('approver'),
  /**
   * How long a grant application's tasks wait before their reminder (each then escalates after
   * TASK_ESCALATE_AFTER): the coordinator's eligibility check, a reviewer's review, an approver's step.
   */
  GRANT_ELIGIBILITY_DUE: duration('5 days'),
  GRANT_REVIEW_DUE: duration('10 days'),
  GRANT_APPROVAL_DUE: duration('5 days'),
  /** How long an application waits before asking again for reviewers when too few were free. */
  GRANT_REVIEWER_RETRY: duration('1 hour'),
  ...webUrlEnv,
  /**
   * How long before a training session's start its invitees are reminded: durations separated
   * by commas (`3 days,1 day`), one reminder each; a session scheduled closer to its start than a
   * lead skips that reminder.
   */
  TRAINING_REMINDER_LEADS: z
    .string()
    .default('3 days,1 day')
    .transform((value) =>
      value
        .split(',')
        .map((lead) => lead.trim())
        .filter(Boolean),
    )
    .refine((leads) => leads.length > 0 && leads.every((lead) => durationMs(lead) !== undefined), {
      message: 'must be durations separated by commas, such as "3 days,1 day" or "36h,2h"',
    }),
  /** How often the expansion schedule checks whether the next phase's date has come. */
  EXPANSION_CHECK_EVERY: duration('1 day'),
  /** Whether this orchestrator keeps the expansion schedule (test stacks leave it off). */
  EXPANSION_SCHEDULE: z
    .enum(['on', 'off'])
    .default('on')
    .transform((value) => value === 'on'),
});
export type OrchestratorConfig = z.output<typeof OrchestratorEnv>;

export function loadOrchestratorConfig(env?: Record<string, string | undefined>): OrchestratorConfig {
  return loadConfig('orchestrator', OrchestratorEnv, env);
}
