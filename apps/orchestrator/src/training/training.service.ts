import { Inject, Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import type {
  Caller,
  ParsedRequestOf,
  TrainingSessionRefusal,
  TrainingSessionRun,
  startTrainingSession,
} from '@bandanh/contracts';
import { DomainError, requireGroup, requireSystem } from '@bandanh/platform';
import {
  cancelSessionUpdate,
  moveSessionUpdate,
  recordAttendanceUpdate,
  type Actor,
  type AttendanceEntry,
  type SessionView,
} from '@bandanh/workflows';
import { ORCHESTRATOR_CONFIG } from '../config/config.module';
import type { OrchestratorConfig } from '../config/env';
import { stepOrEnded } from '../temporal/updates';
import { TrainingSessionWorkflows } from './training.temporal';

type StartInput = ParsedRequestOf<typeof startTrainingSession>;

/** The staff member asking, as the workflow checks them (it checks the session's trainers too). */
function actorOf(staff: { userId: string; roles: Actor['roles'] }): Actor {
  return { userId: staff.userId, roles: staff.roles };
}

/**
 * A training session's run as its callers see it. Each step is an update of the session's
 * workflow, the single writer of the session's life, which refuses what is not allowed now (and
 * whose activities have the training service re-check its rules); this service decides who may
 * ask at all.
 */
@Injectable()
export class TrainingSessionsService {
  constructor(
    private readonly workflows: TrainingSessionWorkflows,
    @Inject(ORCHESTRATOR_CONFIG) private readonly config: OrchestratorConfig,
  ) {}

  /**
   * The training service's outbox starts a session's workflow, with the session it committed; a
   * person cannot. Once per session, with the reminder leads of this deployment.
   */
  async start(caller: Caller, input: StartInput): Promise<{ workflowId: string; started: boolean }> {
    requireSystem(caller, 'training');
    return this.workflows.start({
      sessionId: input.sessionId,
      moduleId: input.moduleId,
      label: input.label,
      trainerIds: input.trainerIds,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      reminderLeads: [...this.config.TRAINING_REMINDER_LEADS],
    });
  }

  /** Staff who read the training programme see a session's run. */
  async get(caller: Caller, sessionId: string): Promise<TrainingSessionRun> {
    requireGroup(caller, 'trainingReaders');
    return this.workflows.view(sessionId);
  }

  /** A new start and end; the training service re-checks its scheduling rules before it is moved. */
  async move(
    caller: Caller,
    sessionId: string,
    startsAt: string,
    endsAt: string,
  ): Promise<TrainingSessionRun> {
    const actor = actorOf(requireGroup(caller, 'sessionSchedulers'));
    return this.step(sessionId, moveSessionUpdate, { actor, startsAt, endsAt });
  }

  async cancel(caller: Caller, sessionId: string, reason: string): Promise<TrainingSessionRun> {
    const actor = actorOf(requireGroup(caller, 'sessionSchedulers'));
    return this.step(sessionId, cancelSessionUpdate, { actor, reason });
  }

  /** A trainer of the held session keeps its attendance sheet. */
  async recordAttendance(
    caller: Caller,
    sessionId: string,
    marks: AttendanceEntry[],
  ): Promise<TrainingSessionRun> {
    const actor = actorOf(requireGroup(caller, 'trainers'));
    return this.step(sessionId, recordAttendanceUpdate, { actor, marks });
  }

  /**
   * Runs a step's update. A session whose workflow has ended (completed, cancelled) takes no
   * update: the step is refused as the running workflow would refuse it, with the reason.
   */
  private async step<A>(
    sessionId: string,
    update: UpdateDefinition<SessionView, [A]>,
    args: A,
  ): Promise<TrainingSessionRun> {
    return stepOrEnded(
      {
        update: () => this.workflows.update(sessionId, update, args),
        running: () => this.workflows.running(sessionId),
      },
      async () => {
        const { state } = await this.workflows.view(sessionId);
        const reason: TrainingSessionRefusal = state === 'cancelled' ? 'session_cancelled' : 'already_held';
        return new DomainError(
          'CONFLICT',
          state === 'cancelled'
            ? 'This session was cancelled, so it cannot be changed'
            : 'This session is over and complete, so it cannot be changed',
          { reason, state },
        );
      },
    );
  }
}
