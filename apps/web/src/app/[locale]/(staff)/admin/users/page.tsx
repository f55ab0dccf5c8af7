import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Account, PendingInvitation } from '@bandanh/contracts';
import { PendingInvitations } from '@/components/admin/pending-invitations';
import { ResetMfaButton } from '@/components/admin/reset-mfa-button';
import { InviteForm } from '@/components/invite-form';
import { NotAllowed } from '@/components/not-allowed';
import { numberingSystemOf } from '@/components/notifications/numerals';
import { RolesForm } from '@/components/roles-form';
import { Unavailable } from '@/components/unavailable';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { getLocalFormat } from '@/i18n/local-format-server';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{
    revoke?: string;
    revoked?: string;
    resetMfa?: string;
    mfaReset?: string;
    account?: string;
  }>;
};

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('users');

function mfaStatus(account: Account): 'on' | 'missing' | 'off' {
  if (account.mfaEnabled) return 'on';
  return account.mfaRequired ? 'missing' : 'off';
}

export default async function UsersPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations();
  const format = await getLocalFormat();
  const { account: me } = await requireAccount(locale, '/admin/users');
  if (!can(me, 'administer')) return <NotAllowed title={t('users.title')} />;

  let accounts: Account[];
  let pending: PendingInvitation[];
  try {
    [{ items: accounts }, { items: pending }] = await Promise.all([
      api(ROUTES.listAccounts),
      api(ROUTES.listInvitations),
    ]);
  } catch (error) {
    if (afterFailure(error, locale, '/admin/users') === 'notAllowed')
      return <NotAllowed title={t('users.title')} />;
    return <Unavailable title={t('users.title')} message={t('users.unavailable')} />;
  }

  const search = await searchParams;
  return (
    <>
      <h1>{t('users.title')}</h1>
      <section aria-labelledby="invite-title">
        <h2 id="invite-title">{t('users.inviteTitle')}</h2>
        <InviteForm locale={locale} />
      </section>
      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t('users.pendingTitle')}</h2>
        <PendingInvitations
          locale={locale}
          items={pending}
          names={new Map(accounts.map((account) => [account.id, account.displayName]))}
          confirming={(await searchParams).revoke}
          revoked={(await searchParams).revoked === '1'}
        />
      </section>
      <section aria-labelledby="accounts-title">
        <h2 id="accounts-title">{t('users.accountsTitle')}</h2>
        <p className="muted">{t('users.count', { count: accounts.length })}</p>
        <ul className="list">
          {accounts.map((account) => (
            <li key={account.id} data-account={account.email}>
              <div className="name">
                {account.displayName}
                {account.id === me.id && <span className="muted"> {t('users.you')}</span>}
              </div>
              <dl>
                <dt>{t('users.email')}</dt>
                <dd>{account.email}</dd>
                <dt>{t('users.kind')}</dt>
                <dd>{t(`users.kinds.${account.kind}`)}</dd>
                {account.kind === 'applicant' && (
                  <>
                    <dt>{t('users.cbo')}</dt>
                    <dd>{t(account.cboId ? 'users.cboLinked' : 'users.cboNotLinked')}</dd>
                  </>
                )}
                <dt>{t('users.mfa')}</dt>
                <dd data-mfa={mfaStatus(account)}>{t(`users.mfaStatus.${mfaStatus(account)}`)}</dd>
                {account.disabled && (
                  <>
                    <dt>{t('users.status')}</dt>
                    <dd>{t('users.disabled')}</dd>
                  </>
                )}
                <dt>{t('users.since')}</dt>
                <dd>
                  {format.dateTime(new Date(account.createdAt), {
                    dateStyle: 'medium',
                    numberingSystem: numberingSystemOf(locale),
                  })}
                </dd>
              </dl>
              {account.kind === 'staff' && (
                <RolesForm locale={locale} id={account.id} name={account.displayName} roles={account.roles} />
              )}
              <ResetMfaButton locale={locale} account={account} meId={me.id} search={search} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
