import { getLocale, getTranslations } from 'next-intl/server';
import type { Notification } from '@bandanh/contracts';
import { api, ROUTES } from '@/lib/api';
import { NotificationStatus } from './notification-status';
import styles from './notifications.module.css';
import { numberingSystemOf } from './numerals';
import { getLocalFormat } from '@/i18n/local-format-server';

/**
 * The messages sent to a group's members, newest first, for the group's own page: what it
 * was about, when, and whether it went out. Server-rendered; says so if the list cannot load.
 */
export async function CboNotifications({ cboId }: { cboId: string }) {
  const t = await getTranslations('notifications');
  const format = await getLocalFormat();
  const numberingSystem = numberingSystemOf(await getLocale());
  let items: Notification[] | null;
  try {
    ({ items } = await api(ROUTES.listCboNotifications, { params: { id: cboId } }));
  } catch {
    items = null;
  }
  return (
    <section aria-labelledby="notifications-title" data-cbo-notifications>
      <h2 id="notifications-title">{t('cbo.title')}</h2>
      {items === null ? (
        <p className="muted">{t('cbo.unavailable')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('cbo.empty')}</p>
      ) : (
        <ul className={styles.list}>
          {items.map((item) => (
            <li key={item.key} data-notification={item.key} data-notification-kind={item.kind}>
              <strong>{t.has(`kinds.${item.kind}`) ? t(`kinds.${item.kind}`) : item.kind}</strong>{' '}
              <NotificationStatus status={item.status} />
              <br />
              <span lang={item.locale}>{item.subject}</span>
              <br />
              <time className="muted" dateTime={item.sentAt ?? item.createdAt}>
                {format.dateTime(new Date(item.sentAt ?? item.createdAt), {
                  dateStyle: 'medium',
                  numberingSystem,
                })}
              </time>{' '}
              <span className="muted">{item.recipient || t('cbo.toAnotherMember')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
