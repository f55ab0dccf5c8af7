import { getTranslations } from 'next-intl/server';
import type { InboxTask as Task } from '@bandanh/contracts';
import { Link } from '@/i18n/navigation';
import styles from './tasks.module.css';
import { getLocalFormat } from '@/i18n/local-format-server';

/** Where a task is done: the CBO's page for its pipeline steps, the referrals for a follow-up, a grant's page. */
function hrefOf(task: Task): string {
  // A grant application's steps are done on its page (a review on the reviewer's own page).
  const kind: string = task.kind;
  if (kind === 'review_grant') return `/grants/reviews/${task.subjectId}`;
  if (kind === 'check_grant_eligibility' || kind === 'approve_grant')
    return `/grants/applications/${task.subjectId}`;
  return task.kind === 'follow_up_referral' ? '/referrals' : `/cbos/${task.cboId}`;
}

/**
 * Tasks as the API orders them (most overdue first): what, about whom, for which role, by when,
 * and whether it is overdue, was reminded or was escalated (and to whom).
 */
export async function TaskList({ tasks, label, now }: { tasks: Task[]; label: string; now: number }) {
  const t = await getTranslations();
  const format = await getLocalFormat();
  return (
    <ul className="list" aria-label={label} data-tasks>
      {tasks.map((task) => {
        const overdue = task.status === 'open' && new Date(task.dueAt).getTime() < now;
        return (
          <li
            key={task.id}
            data-task-id={task.id}
            data-task-kind={task.kind}
            data-overdue={overdue || undefined}
          >
            <div className="name">
              {t(`tasks.kinds.${task.kind}`)}
              {': '}
              <Link href={hrefOf(task)}>{task.subjectLabel}</Link>
            </div>
            <dl>
              <dt>{t('tasks.for')}</dt>
              <dd>{t(`roles.${task.assigneeRole}`)}</dd>
              <dt>{t('tasks.due')}</dt>
              <dd>
                <time dateTime={task.dueAt}>
                  {format.dateTime(new Date(task.dueAt), { dateStyle: 'medium', timeStyle: 'short' })}
                </time>
              </dd>
            </dl>
            {(overdue || task.remindedAt || task.escalatedToRole || task.possibleDuplicateOf) && (
              <p className={styles.badges}>
                {task.possibleDuplicateOf && (
                  <span className={styles.overdue} data-badge="possible-duplicate">
                    <Link href={`/cbos/${task.possibleDuplicateOf}`}>{t('tasks.possibleDuplicate')}</Link>
                  </span>
                )}
                {overdue && (
                  <span className={styles.overdue} data-badge="overdue">
                    {t('tasks.overdue', { when: format.relativeTime(new Date(task.dueAt), now) })}
                  </span>
                )}
                {task.remindedAt && (
                  <span className={styles.badge} data-badge="reminded">
                    {t('tasks.reminded', {
                      date: format.dateTime(new Date(task.remindedAt), { dateStyle: 'medium' }),
                    })}
                  </span>
                )}
                {task.escalatedToRole && (
                  <span className={styles.escalated} data-badge="escalated">
                    {t('tasks.escalated', { role: t(`roles.${task.escalatedToRole}`) })}
                  </span>
                )}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
