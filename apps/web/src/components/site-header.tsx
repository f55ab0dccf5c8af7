import { getTranslations } from 'next-intl/server';
import { signOut } from '../app/[locale]/actions';
import { Link } from '../i18n/navigation';
import { can } from '../lib/access';
import { currentAccount } from '../lib/auth';
import { gateway } from '../lib/gateway';
import { LocaleSwitcher } from './locale-switcher';

/** The brand, the links this account may use, who is signed in with a sign-out button, and the language. */
export async function SiteHeader({ locale }: { locale: string }) {
  const t = await getTranslations('app');
  const nav = await getTranslations('nav');
  const me = await currentAccount();
  const account = me?.account;
  const enrolling = me?.mfaEnrolmentRequired ?? false;

  const links: Array<{ href: string; label: string; count?: number }> = [];
  if (!account) {
    links.push({ href: '/sign-in', label: nav('signIn') }, { href: '/sign-up', label: nav('signUp') });
  } else if (enrolling) {
    links.push({ href: '/account/mfa', label: nav('mfa') });
  } else {
    if (can(account, 'readCbos')) links.push({ href: '/cbos', label: nav('cbos') });
    if (can(account, 'recordCbo')) links.push({ href: '/cbos/new', label: nav('newCbo') });
    if (can(account, 'reviewClaims')) {
      // One short call: the header still shows when it fails, without the count.
      const pending = await gateway.listClaims('pending').catch(() => undefined);
      links.push({ href: '/cbos/claims', label: nav('claims'), count: pending?.items.length });
    }
    if (can(account, 'linkCbo') && !account.cboId)
      links.push({ href: '/account/link-cbo', label: nav('linkCbo') });
    if (can(account, 'administer')) {
      links.push(
        { href: '/admin/users', label: nav('users') },
        { href: '/admin/audit', label: nav('audit') },
      );
    }
    links.push({ href: '/account/password', label: nav('password') });
    if (!account.mfaEnabled) links.push({ href: '/account/mfa', label: nav('mfa') });
  }

  return (
    <header className="top">
      <Link className="brand" href="/">
        {t('name')}
      </Link>
      <nav aria-label={t('tagline')} data-site-nav>
        {links.map((link) => (
          <Link key={link.href} href={link.href}>
            {link.label}
            {link.count ? (
              <span className="nav-count" data-pending-count={link.count}>
                {link.count}
                <span className="sr-only"> {nav('pending')}</span>
              </span>
            ) : null}
          </Link>
        ))}
      </nav>
      {account && (
        <form action={signOut} className="who">
          <input type="hidden" name="locale" value={locale} />
          <span data-signed-in-as>{nav('signedInAs', { name: account.displayName })}</span>
          <button type="submit" className="link" data-sign-out>
            {nav('signOut')}
          </button>
        </form>
      )}
      <LocaleSwitcher current={locale} label={t('language')} />
    </header>
  );
}
