// What Temporal records for a workflow: counted from its event history.
import type { WorkflowHandle } from './sdk';

type History = Awaited<ReturnType<WorkflowHandle['fetchHistory']>>;
type HistoryEvent = NonNullable<History['events']>[number];

/** The kinds counted per workflow, and how an event is recognised as one. */
export const HISTORY_COUNTS = {
  events: () => true,
  workflowTasks: (event: HistoryEvent) => Boolean(event.workflowTaskCompletedEventAttributes),
  failedWorkflowTasks: (event: HistoryEvent) =>
    Boolean(event.workflowTaskFailedEventAttributes || event.workflowTaskTimedOutEventAttributes),
  activities: (event: HistoryEvent) => Boolean(event.activityTaskScheduledEventAttributes),
  localActivities: (event: HistoryEvent) =>
    event.markerRecordedEventAttributes?.markerName === 'core_local_activity',
  updates: (event: HistoryEvent) => Boolean(event.workflowExecutionUpdateAcceptedEventAttributes),
  timers: (event: HistoryEvent) => Boolean(event.timerStartedEventAttributes),
} satisfies Record<string, (event: HistoryEvent) => boolean>;

export type HistoryKind = keyof typeof HISTORY_COUNTS;
export type HistoryCounts = Record<HistoryKind, number>;

export const HISTORY_KINDS = Object.keys(HISTORY_COUNTS) as HistoryKind[];

export function countHistory(history: History): HistoryCounts {
  const events = history.events ?? [];
  return Object.fromEntries(
    HISTORY_KINDS.map((kind) => [kind, events.filter(HISTORY_COUNTS[kind]).length]),
  ) as HistoryCounts;
}

export interface HistorySummary {
  workflows: number;
  mean: HistoryCounts;
  min: HistoryCounts;
  max: HistoryCounts;
}

/** The histories of `handles`, a few at a time, summed up per kind. */
export async function historyOf(handles: readonly WorkflowHandle[]): Promise<HistorySummary> {
  const counts: HistoryCounts[] = [];
  for (let i = 0; i < handles.length; i += 10) {
    const batch = handles.slice(i, i + 10);
    counts.push(
      ...(await Promise.all(batch.map(async (handle) => countHistory(await handle.fetchHistory())))),
    );
  }
  const per = (pick: (values: number[]) => number) =>
    Object.fromEntries(
      HISTORY_KINDS.map((kind) => [kind, pick(counts.map((c) => c[kind]))]),
    ) as HistoryCounts;
  return {
    workflows: counts.length,
    mean: per((values) => values.reduce((sum, value) => sum + value, 0) / values.length),
    min: per((values) => Math.min(...values)),
    max: per((values) => Math.max(...values)),
  };
}
