import { getTranslations } from 'next-intl/server';
import type { Notification } from '@bandanh/contracts';
import { api, ROUTES } from '@/lib/api';
import { NotificationItems } from './notification-items';

/**
 * The messages sent to a group's members, newest first, for the group's own page: what it
 * was about, when, and whether it went out. Server-rendered; says so if the list cannot load.
 */
export async function CboNotifications({ cboId }: { cboId: string }) {
  const t = await getTranslations('notifications');
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
        <NotificationItems items={items} />
      )}
    </section>
  );
}
