import { getTranslations } from 'next-intl/server';
import type { NotificationStatus as Status } from '@bandanh/contracts';
import styles from './notifications.module.css';

/** A message's status as a small label: sent, queued or failed. */
export async function NotificationStatus({ status }: { status: Status }) {
  const t = await getTranslations('notifications');
  const tone = status === 'sent' ? styles.sent : status === 'failed' ? styles.failed : 'muted';
  return (
    <span className={`stage ${styles.status} ${tone}`} data-notification-status={status}>
      {t(`statuses.${status}`)}
    </span>
  );
}
