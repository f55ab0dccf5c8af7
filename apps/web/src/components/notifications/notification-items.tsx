import { getLocale, getTranslations } from 'next-intl/server';
import type { Notification } from '@bandanh/contracts';
import { getLocalFormat } from '@/i18n/local-format-server';
import { NotificationStatus } from './notification-status';
import styles from './notifications.module.css';
import { numberingSystemOf } from './numerals';

/**
 * Messages as a list, newest first: what each was about, its subject, when, whether it went out,
 * and to whom (`recipient` left out when the reader is the recipient; an empty one is a
 * member's message to another member of the group).
 */
export async function NotificationItems({
  items,
  showRecipient = true,
}: {
  items: Notification[];
  showRecipient?: boolean;
}) {
  const t = await getTranslations('notifications');
  const format = await getLocalFormat();
  const numberingSystem = numberingSystemOf(await getLocale());
  return (
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
          </time>
          {showRecipient && (
            <>
              {' '}
              <span className="muted">{item.recipient || t('cbo.toAnotherMember')}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
