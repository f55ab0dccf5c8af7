import { z } from 'zod';
import { Assessment } from '../network/assessment';
import { Task } from '../orchestrator/tasks';
import { listOf } from './list';

/** A CBO's assessments with each score and the total, newest first. */
export const AssessmentList = listOf(Assessment);
export type AssessmentList = z.infer<typeof AssessmentList>;

/** A task inbox, most overdue first. */
export const TaskList = listOf(Task);
export type TaskList = z.infer<typeof TaskList>;
