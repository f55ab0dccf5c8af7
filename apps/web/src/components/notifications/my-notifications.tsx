import { getTranslations } from 'next-intl/server';
import type { Notification } from '@bandanh/contracts';
import { api, ROUTES } from '@/lib/api';
import { NotificationItems } from './notification-items';

/**
 * The latest messages sent to the signed-in person's own account (a trainer's sessions to teach,
 * moves, cancellations…), newest first: the in-web copy of their emails.
 */
export async function MyNotifications() {
  const t = await getTranslations('notifications');
  let items: Notification[] | null;
  try {
    ({ items } = await api(ROUTES.listMyNotifications, { query: { limit: 10 } }));
  } catch {
    items = null;
  }
  return (
    <section aria-labelledby="my-notifications-title" data-my-notifications>
      <h2 id="my-notifications-title">{t('mine.title')}</h2>
      {items === null ? (
        <p className="muted">{t('cbo.unavailable')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('mine.empty')}</p>
      ) : (
        <NotificationItems items={items} showRecipient={false} />
      )}
    </section>
  );
}
