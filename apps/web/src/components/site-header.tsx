import { getTranslations } from 'next-intl/server';
import { signOut } from '@/app/[locale]/actions';
import { Link } from '@/i18n/navigation';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { currentAccount } from '@/lib/auth';
import { LocaleSwitcher } from './locale-switcher';
import styles from './site-header.module.css';

interface NavLink {
  href: string;
  label: string;
  count?: number;
  /** The data attribute that carries the count, for tests and styles to tell the counts apart. */
  countAttribute?: 'data-pending-count' | 'data-open-tasks';
}

/**
 * The brand, the links this account may use, who is signed in with a sign-out button, and the
 * language. The daily links stay in view; the rest fold into a menu that opens without
 * JavaScript, so the header fits a phone.
 */
export async function SiteHeader({ locale }: { locale: string }) {
  const t = await getTranslations('app');
  const nav = await getTranslations('nav');
  const me = await currentAccount();
  const account = me?.account;
  const enrolling = me?.mfaEnrolmentRequired ?? false;

  const main: NavLink[] = [];
  const more: NavLink[] = [];
  const directory = { href: '/directory', label: nav('directory') };
  if (!account) {
    main.push(
      directory,
      { href: '/apply', label: nav('apply') },
      { href: '/sign-in', label: nav('signIn') },
      { href: '/sign-up', label: nav('signUp') },
    );
  } else if (enrolling) {
    main.push({ href: '/account/mfa', label: nav('mfa') });
  } else {
    // Short calls for the counts: the header still shows when they fail, without the count.
    const [tasks, claims] = await Promise.all([
      can(account, 'readTasks') ? api(ROUTES.listTasks).catch(() => undefined) : undefined,
      can(account, 'reviewClaims')
        ? api(ROUTES.listCboClaims, { query: { status: 'pending' } }).catch(() => undefined)
        : undefined,
    ]);
    if (can(account, 'readOwnCbo')) {
      main.push(
        account.cboId
          ? { href: '/my-cbo', label: nav('myCbo') }
          : { href: '/account/link-cbo', label: nav('linkCbo') },
      );
    }
    // A linked member's group applies for small grants.
    if (account.kind === 'applicant' && account.cboId)
      main.push({ href: '/grants', label: nav('memberGrants') });
    if (can(account, 'readTasks'))
      main.push({
        href: '/tasks',
        label: nav('tasks'),
        count: tasks?.items.length,
        countAttribute: 'data-open-tasks',
      });
    // A member's group is "My group": the list of CBOs is staff's.
    if (can(account, 'readCbos') && account.kind === 'staff')
      main.push({ href: '/cbos', label: nav('cbos') });
    if (can(account, 'reviewClaims')) {
      main.push({ href: '/cbos/claims', label: nav('claims'), count: claims?.items.length });
    }
    if (account.kind === 'applicant') main.push(directory);
    // A trainer's daily page; for the rest of the programme staff it is one page among others.
    const training = { href: '/training', label: nav('training') };
    if (can(account, 'teach')) main.push(training);
    else if (can(account, 'readTraining')) more.push(training);

    // Small grants: a reviewer's daily page is their reviews; the rounds are grant staff's.
    if (can(account, 'reviewGrants')) main.push({ href: '/grants/reviews', label: nav('myReviews') });
    if (can(account, 'readGrants'))
      (can(account, 'readCbos') ? more : main).push({ href: '/grants/rounds', label: nav('grantRounds') });
    if (can(account, 'declareRelationships'))
      more.push({ href: '/account/relationships', label: nav('relationships') });

    if (can(account, 'recordCbo')) more.push({ href: '/cbos/new', label: nav('newCbo') });
    if (can(account, 'readProgramme')) {
      more.push(
        { href: '/field-visits', label: nav('fieldVisits') },
        { href: '/referrals', label: nav('referrals') },
        { href: '/partners', label: nav('partners') },
        { href: '/expansion', label: nav('expansion') },
      );
    }
    if (account.kind === 'staff') more.push(directory);
    if (can(account, 'administer')) {
      more.push(
        { href: '/admin/users', label: nav('users') },
        { href: '/admin/audit', label: nav('audit') },
        { href: '/admin/notifications', label: nav('notifications') },
        { href: '/admin/programme', label: nav('programme') },
      );
    }
    more.push({ href: '/account/password', label: nav('password') });
    if (!account.mfaEnabled) more.push({ href: '/account/mfa', label: nav('mfa') });
  }

  const link = (item: NavLink) => (
    <Link key={item.href} href={item.href}>
      {item.label}
      {item.count ? (
        <span className="nav-count" {...{ [item.countAttribute ?? 'data-pending-count']: item.count }}>
          {item.count}
          <span className="sr-only"> {nav('pending')}</span>
        </span>
      ) : null}
    </Link>
  );

  return (
    <header className="top">
      <Link className="brand" href="/">
        {t('name')}
      </Link>
      <nav aria-label={t('tagline')} data-site-nav>
        {main.map(link)}
        {more.length > 0 && (
          <details className={styles.more} data-nav-more>
            <summary>{nav('more')}</summary>
            <div className={styles.panel}>{more.map(link)}</div>
          </details>
        )}
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
