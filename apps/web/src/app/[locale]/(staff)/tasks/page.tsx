import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { InboxTask as Task } from '@bandanh/contracts';
import { NotAllowed } from '@/components/not-allowed';
import { TaskList } from '@/components/tasks/task-list';
import styles from '@/components/tasks/tasks.module.css';
import { Unavailable } from '@/components/unavailable';
import { Link } from '@/i18n/navigation';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ all?: string }> };

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('tasks');

/** The inbox: the open tasks for the reader's roles and those escalated to them, most overdue first. */
export default async function TasksPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('tasks');
  const wantsAll = (await searchParams).all === '1';
  const path = wantsAll ? '/tasks?all=1' : '/tasks';
  const { account } = await requireAccount(locale, path);
  if (!can(account, 'readTasks')) return <NotAllowed title={t('title')} />;
  const all = wantsAll && can(account, 'readAllTasks');

  let tasks: Task[];
  try {
    ({ items: tasks } = await api(ROUTES.listTasks, { query: { all: all ? 'true' : undefined } }));
  } catch (error) {
    if (afterFailure(error, locale, path) === 'notAllowed') return <NotAllowed title={t('title')} />;
    return <Unavailable title={t('title')} message={t('unavailable')} />;
  }
  const now = Date.now();
  const overdue = tasks.filter((task) => new Date(task.dueAt).getTime() < now).length;

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t(all ? 'introAll' : 'intro')}</p>
      {can(account, 'readAllTasks') && (
        <nav className={styles.toggle} aria-label={t('show')}>
          <Link href="/tasks" aria-current={all ? undefined : 'page'}>
            {t('mine')}
          </Link>
          <Link href="/tasks?all=1" aria-current={all ? 'page' : undefined} data-all-tasks>
            {t('all')}
          </Link>
        </nav>
      )}
      <p data-task-count={tasks.length}>
        {t('count', { count: tasks.length })}
        {overdue > 0 && ` ${t('overdueCount', { count: overdue })}`}
      </p>
      {tasks.length > 0 ? <TaskList tasks={tasks} label={t('title')} now={now} /> : <p>{t('empty')}</p>}
    </>
  );
}
