import { getTranslations } from 'next-intl/server';
import type { PendingInvitation } from '@bandanh/contracts';
import { revokeInvitation } from '@/app/[locale]/(staff)/admin/users/actions';
import { numberingSystemOf } from '@/components/notifications/numerals';
import { getLocalFormat } from '@/i18n/local-format-server';

interface Props {
  locale: string;
  items: PendingInvitation[];
  /** Display names of the admins who invited, by id. */
  names: Map<string, string>;
  /** The invitation whose revocation waits for the admin's confirmation (`?revoke=<id>`). */
  confirming?: string;
  /** Set after a revocation, to say it was done. */
  revoked?: boolean;
}

/**
 * The pending invitations, each with a revoke link; revoking asks first, on a panel the server
 * renders (`?revoke=<id>`), so it works without JavaScript and a double click revokes once.
 */
export async function PendingInvitations({ locale, items, names, confirming, revoked }: Props) {
  const t = await getTranslations('users');
  const roleName = await getTranslations('roles');
  const format = await getLocalFormat();
  // One numeral style per locale: Khmer digits in Khmer.
  const numberingSystem = numberingSystemOf(locale);
  const when = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short', numberingSystem });
  const roles = (invitation: PendingInvitation) => invitation.roles.map((role) => roleName(role)).join(', ');
  return (
    <>
      {revoked && (
        <p className="notice ok" role="status" data-revoked>
          {t('pendingRevoked')}
        </p>
      )}
      {items.length === 0 ? (
        <p className="muted">{t('pendingNone')}</p>
      ) : (
        <ul className="list">
          {items.map((invitation) => (
            <li key={invitation.id} data-pending-invitation={invitation.email}>
              <div className="name">{invitation.email}</div>
              <dl>
                <dt>{t('pendingRoles')}</dt>
                <dd>{roles(invitation)}</dd>
                <dt>{t('pendingInvitedBy')}</dt>
                <dd>{names.get(invitation.invitedBy) ?? t('pendingUnknownAdmin')}</dd>
                <dt>{t('pendingSent')}</dt>
                <dd>{when(invitation.createdAt)}</dd>
                <dt>{t('pendingExpires')}</dt>
                <dd>{when(invitation.expiresAt)}</dd>
              </dl>
              {confirming === invitation.id ? (
                <form action={revokeInvitation} className="notice" data-confirm-revoke={invitation.email}>
                  <p role="alert">{t('pendingConfirm', { email: invitation.email })}</p>
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="id" value={invitation.id} />
                  <button type="submit" className="primary">
                    {t('pendingConfirmRevoke')}
                  </button>{' '}
                  <a href={`/${locale}/admin/users#pending-title`}>{t('pendingCancel')}</a>
                </form>
              ) : (
                <form method="get" action={`/${locale}/admin/users#pending-title`}>
                  <input type="hidden" name="revoke" value={invitation.id} />
                  <button type="submit" className="secondary" data-revoke={invitation.email}>
                    {t('pendingRevoke')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
