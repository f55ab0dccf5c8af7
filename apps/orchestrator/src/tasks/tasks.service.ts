import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ROLE_GROUPS,
  hasRole,
  type Caller,
  type NotificationKind,
  type NotificationLocale,
  type NotificationParams,
  type StaffRecipient,
  type StaffRole,
  type Task,
} from '@bandanh/contracts';
import { durationMs, requireGroup } from '@bandanh/platform';
import type { OpenTaskInput, TaskTimings } from '@bandanh/workflows';
import { ORCHESTRATOR_CONFIG } from '../config/config.module';
import type { OrchestratorConfig } from '../config/env';
import { isFinalRefusal, TaskMail, type CboNames } from './tasks.mail';
import { TasksRepository } from './tasks.repository';

/** The most tasks one inbox page shows. */
const PAGE = 200;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A number as the recipient reads it: Khmer digits in Khmer. */
function numeral(value: number, locale: NotificationLocale): string {
  return new Intl.NumberFormat(locale === 'km' ? 'km-u-nu-khmr' : 'en').format(value);
}

/**
 * A stretch of time as a message says it: whole days from a day on, else whole hours, else
 * minutes (at least one), with the unit the catalogs name (`day` for one, `days` for more).
 */
export function span(ms: number, locale: NotificationLocale): { amount: string; unit: string } {
  const [amount, unit]: [number, string] =
    ms >= DAY
      ? [Math.round(ms / DAY), 'day']
      : ms >= HOUR
        ? [Math.round(ms / HOUR), 'hour']
        : [Math.max(1, Math.round(ms / MINUTE)), 'minute'];
  return { amount: numeral(amount, locale), unit: amount === 1 ? unit : `${unit}s` };
}

/** A grant application's tasks: their subject is the application, and their label its name. */
const GRANT_TASKS: readonly Task['kind'][] = ['check_grant_eligibility', 'review_grant', 'approve_grant'];

/** Where a task is done, as the inbox links it: the CBO's page, or the referrals for a follow-up. */
function pathOf(task: Task): string {
  if (task.kind === 'follow_up_referral') return '/referrals';
  // A reviewer declares and scores from their reviews; the others decide on the application's page.
  if (task.kind === 'review_grant') return `/grants/reviews/${task.subjectId}`;
  if (GRANT_TASKS.includes(task.kind)) return `/grants/applications/${task.subjectId}`;
  // A session's attendance task is filed under the session, whose page holds the sheet.
  if (task.kind === 'take_attendance') return `/training/sessions/${task.subjectId}`;
  return `/cbos/${task.cboId}`;
}

/**
 * Where an escalated task sends the manager: a grant review is the reviewer's own page, so the
 * manager goes to the application's, where the review's progress shows.
 */
function escalatedPathOf(task: Task): string {
  if (task.kind === 'review_grant') return `/grants/applications/${task.subjectId}`;
  return pathOf(task);
}

/** The staff inbox. Workflows open, remind, escalate and close tasks through activities. */
@Injectable()
export class TasksService {
  private readonly logger = new Logger(TasksService.name);

  constructor(
    private readonly repository: TasksRepository,
    @Inject(ORCHESTRATOR_CONFIG) private readonly config: OrchestratorConfig,
    private readonly mail: TaskMail,
  ) {}

  /** A task's reminder and escalation; a grant application's steps each have their own due time. */
  timings(kind?: Task['kind']): TaskTimings {
    const due: Partial<Record<Task['kind'], string>> = {
      check_grant_eligibility: this.config.GRANT_ELIGIBILITY_DUE,
      review_grant: this.config.GRANT_REVIEW_DUE,
      approve_grant: this.config.GRANT_APPROVAL_DUE,
    };
    return {
      remindAfter: (kind && due[kind]) ?? this.config.TASK_REMIND_AFTER,
      escalateAfter: this.config.TASK_ESCALATE_AFTER,
      escalateTo: this.config.TASK_ESCALATE_TO,
    };
  }

  /** Opens the task once; a retried activity finds it there. It is due when the reminder fires. */
  async open(input: OpenTaskInput): Promise<TaskTimings> {
    const timings = this.timings(input.kind);
    // The configuration checked it: a duration that reads as milliseconds.
    const remindAfterMs = durationMs(timings.remindAfter) ?? 0;
    const { taskId, assigneeUserId, ...task } = input;
    await this.repository.insertOnce({
      ...task,
      id: taskId,
      assigneeUserId: assigneeUserId ?? null,
      dueAt: new Date(Date.now() + remindAfterMs),
    });
    return timings;
  }

  /**
   * Marks the task reminded and writes to whoever it waits for, each in their language: a task
   * for a role (nobody holds it until the step is taken) to every active staff member holding the
   * role, a task for one person (a grant review) to them alone. One message per task and person
   * (`task-reminder-<taskId>-<userId>`), so a retried activity sends nothing twice; a task
   * closed meanwhile is left alone and nobody is written to.
   */
  async remind(taskId: string): Promise<void> {
    await this.repository.markReminded(taskId);
    const task = await this.repository.find(taskId);
    if (task?.status !== 'open') return;
    await this.tell(task, task.assigneeRole, {
      only: task.assigneeUserId,
      kind: 'task_reminder',
      key: (person) => `task-reminder-${task.id}-${person.userId}`,
      params: () => ({}),
    });
  }

  /**
   * Escalates the task to `toRole`, whose inbox then shows it too, and tells every active holder
   * of that role how overdue it is, once per task, role and person
   * (`task-escalation-<taskId>-<role>-<userId>`); a task for one person (a grant review) also
   * reminds that person again, as only they can do it (`task-reminder-<taskId>-<userId>-escalated`).
   * A task closed meanwhile is left alone.
   */
  async escalate(taskId: string, toRole: StaffRole): Promise<void> {
    await this.repository.markEscalated(taskId, toRole);
    const task = await this.repository.find(taskId);
    if (task?.status !== 'open') return;
    const overdueMs = Math.max(0, Date.now() - new Date(task.dueAt).getTime());
    await this.tell(task, toRole, {
      kind: 'task_escalation',
      path: escalatedPathOf(task),
      key: (person) => `task-escalation-${task.id}-${toRole}-${person.userId}`,
      params: (locale) => {
        const overdue = span(overdueMs, locale);
        return { role: toRole, overdue: overdue.amount, overdueUnit: overdue.unit };
      },
    });
    if (task.assigneeUserId) {
      await this.tell(task, task.assigneeRole, {
        only: task.assigneeUserId,
        kind: 'task_reminder',
        key: (person) => `task-reminder-${task.id}-${person.userId}-escalated`,
        params: () => ({}),
      });
    }
  }

  /**
   * One message of `kind` to each active holder of `role` (or `only` the one person among them)
   * about the task: its kind (the catalogs name it), the CBO's name in the person's language (a
   * grant application's task names the application by its label, never its CBO: blind rounds
   * hide the CBO from reviewers), how long it has waited and the link to
   * where it is done. A service that does not answer fails the activity, which Temporal retries;
   * a refusal no retry changes is logged and the step goes on without its messages, so that mail
   * never holds a task's escalation back for good.
   */
  private async tell(
    task: Task,
    role: StaffRole,
    message: {
      only?: string | null;
      /** The page the link opens, when not the task's own (pathOf). */
      path?: string;
      kind: NotificationKind;
      key: (person: StaffRecipient) => string;
      params: (locale: NotificationLocale) => NotificationParams;
    },
  ): Promise<void> {
    try {
      const holders = await this.mail.staffWithRole(role);
      const people = message.only ? holders.filter((person) => person.userId === message.only) : holders;
      if (people.length === 0) return;
      const label: CboNames = { name: task.subjectLabel, nameKm: null };
      const names: CboNames = GRANT_TASKS.includes(task.kind)
        ? label
        : ((await this.mail.cboNames(task.cboId)) ?? label);
      const waitedMs = Math.max(0, Date.now() - new Date(task.createdAt).getTime());
      await Promise.all(
        people.map((person) => {
          const waited = span(waitedMs, person.locale);
          return this.mail.send({
            key: message.key(person),
            kind: message.kind,
            locale: person.locale,
            // Not about the CBO for its members' page (`cboId`): staff's own mail.
            recipient: { email: person.email, userId: person.userId },
            params: {
              name: person.displayName,
              task: task.kind,
              cboName: person.locale === 'km' && names.nameKm ? names.nameKm : names.name,
              waited: waited.amount,
              waitedUnit: waited.unit,
              link: `${this.config.WEB_URL}/${person.locale}${message.path ?? pathOf(task)}`,
              ...message.params(person.locale),
            },
          });
        }),
      );
    } catch (error) {
      if (!isFinalRefusal(error)) throw error;
      this.logger.error(
        { err: error, taskId: task.id, kind: message.kind, role },
        'A task message was refused; the step goes on without it',
      );
    }
  }

  /** One task as the inbox has it, or undefined. */
  find(taskId: string): Promise<Task | undefined> {
    return this.repository.find(taskId);
  }

  close(taskId: string, status: 'done' | 'cancelled', closedBy: string | null): Promise<void> {
    return this.repository.close(taskId, status, closedBy);
  }

  /**
   * The caller's inbox: open tasks for their roles (those for one person only to that person), for
   * them, and those escalated to them, the most overdue first. Coordinators and admins may ask for
   * every task.
   */
  async list(
    caller: Caller,
    query: { status: Task['status']; cboId?: string; all: boolean },
  ): Promise<Task[]> {
    const staff = requireGroup(caller, 'taskHolders');
    const everyone = query.all && hasRole(staff, ...ROLE_GROUPS.cboWriters);
    return this.repository.list(
      everyone ? 'all' : { userId: staff.userId, roles: staff.roles },
      { status: query.status, cboId: query.cboId },
      PAGE,
    );
  }
}
