import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import type {
  GrantRefusal,
  PipelineRefusal,
  ReferralRefusal,
  TrainingSessionRefusal,
} from '@bandanh/contracts';
import { REFUSAL, type Actor, type RefusalType } from './definitions';
import { WORKFLOW_ROLE_GROUPS, type WorkflowRoleGroup } from './roles';

/** Why a workflow refuses a step: `details.reason`, from the contracts' lists. */
export type WorkflowRefusalReason = PipelineRefusal | ReferralRefusal | TrainingSessionRefusal | GrantRefusal;

/** The facts a refusal carries: its reason, and what goes with it (e.g. the stage it is at). */
export type RefusalDetails = { reason: WorkflowRefusalReason } & Record<string, unknown>;

/** A refused step: a non-retryable failure whose type the orchestrator maps to an error code. */
export function refuse(message: string, type: RefusalType = REFUSAL.wrongStage, details?: RefusalDetails) {
  return ApplicationFailure.create({ message, type, nonRetryable: true, details: details ? [details] : [] });
}

/** Refuses a step whose actor holds none of the roles of `group` (ROLE_GROUPS in the contracts). */
export function requireActorGroup(actor: Actor, group: WorkflowRoleGroup, step: string): void {
  const roles: readonly string[] = WORKFLOW_ROLE_GROUPS[group];
  if (!actor.roles.some((role) => roles.includes(role))) {
    throw ApplicationFailure.nonRetryable(`Only ${roles.join(' or ')} may ${step}`, REFUSAL.forbidden);
  }
}

/** A refusal an owning service gave an activity, passed on to the step's caller as it was. */
export function passOn(error: unknown): never {
  if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) {
    throw ApplicationFailure.create({
      message: error.cause.message,
      type: error.cause.type ?? REFUSAL.invalid,
      details: error.cause.details as unknown[],
      nonRetryable: true,
    });
  }
  throw error;
}
