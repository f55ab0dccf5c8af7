import { getTranslations, setRequestLocale } from 'next-intl/server';
import {
  NOTIFICATION_STATUSES,
  type Notification,
  type NotificationStatus as Status,
} from '@bandanh/contracts';
import { FilterSelect } from '@/components/filter-select';
import { NotAllowed } from '@/components/not-allowed';
import { NotificationStatus } from '@/components/notifications/notification-status';
import styles from '@/components/notifications/notifications.module.css';
import { numberingSystemOf } from '@/components/notifications/numerals';
import { Unavailable } from '@/components/unavailable';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { getLocalFormat } from '@/i18n/local-format-server';

const PATH = '/admin/notifications';
const LIMIT = 100;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ status?: string }>;
};

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('notifications');

/** Every message the channel sent, for admins: status, kind, recipient, when, attempts and error. */
export default async function NotificationsPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('notifications');
  const format = await getLocalFormat();
  const numberingSystem = numberingSystemOf(locale);
  const { account: me } = await requireAccount(locale, PATH);
  if (!can(me, 'administer')) return <NotAllowed title={t('title')} />;

  const wanted = (await searchParams).status;
  const status = NOTIFICATION_STATUSES.includes(wanted as Status) ? (wanted as Status) : undefined;
  let items: Notification[];
  try {
    ({ items } = await api(ROUTES.listNotifications, { query: { limit: LIMIT, ...(status && { status }) } }));
  } catch (error) {
    if (afterFailure(error, locale, PATH) === 'notAllowed') return <NotAllowed title={t('title')} />;
    return <Unavailable title={t('title')} message={t('unavailable')} />;
  }
  const number = (n: number) => format.number(n, { numberingSystem });
  const when = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: 'short', timeStyle: 'short', numberingSystem });

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <form method="get" action={`/${locale}${PATH}`} className={styles.filters} data-notification-filters>
        <FilterSelect
          id="status"
          name="status"
          label={t('filter')}
          any={t('any')}
          value={status}
          choices={NOTIFICATION_STATUSES.map((value) => ({ value, label: t(`statuses.${value}`) }))}
        />
        <button type="submit" className="secondary">
          {t('show')}
        </button>
      </form>
      <p className="muted" role="status">
        {t('count', { count: items.length, shown: number(items.length) })}
      </p>
      {items.length > 0 && (
        <div className="table-scroll">
          <table data-notifications>
            <thead>
              <tr>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('kind')}</th>
                <th scope="col">{t('recipient')}</th>
                <th scope="col">{t('subject')}</th>
                <th scope="col">{t('attempts')}</th>
                <th scope="col">{t('error')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.key} data-notification={item.key}>
                  <td>
                    <time dateTime={item.createdAt}>{when(item.createdAt)}</time>
                    {item.sentAt && (
                      <>
                        <br />
                        <span className="muted">{t('sentAt', { date: when(item.sentAt) })}</span>
                      </>
                    )}
                  </td>
                  <td>
                    <NotificationStatus status={item.status} />
                  </td>
                  <td>{t.has(`kinds.${item.kind}`) ? t(`kinds.${item.kind}`) : item.kind}</td>
                  <td>{item.recipient}</td>
                  <td lang={item.locale}>{item.subject}</td>
                  <td data-attempts={item.attempts}>{number(item.attempts)}</td>
                  <td className="details" data-last-error>
                    {item.lastError ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
