import { z } from 'zod';
import { Assessment } from '../network/assessment';
import { Cbo } from '../network/cbo';
import { PipelineState } from '../orchestrator/pipeline';
import { Task } from '../orchestrator/tasks';
import { listOf } from './list';

/** A CBO's assessments with each score and the total, newest first. */
export const AssessmentList = listOf(Assessment);
export type AssessmentList = z.infer<typeof AssessmentList>;

/** A task in the inbox, with the flag of a CBO that looks like one already recorded. */
export const InboxTask = Task.extend({
  /** The CBO the task's CBO is likely a duplicate of, while no coordinator has decided. */
  possibleDuplicateOf: z.uuid().nullable(),
});
export type InboxTask = z.infer<typeof InboxTask>;

/** A task inbox, most overdue first. */
export const TaskList = listOf(InboxTask);
export type TaskList = z.infer<typeof TaskList>;

/** A coordinator's duplicate decision: the CBO, and (merged) its pipeline, ended as withdrawn. */
export const DecidedDuplicate = z.object({ cbo: Cbo, pipeline: PipelineState.nullable() });
export type DecidedDuplicate = z.infer<typeof DecidedDuplicate>;
