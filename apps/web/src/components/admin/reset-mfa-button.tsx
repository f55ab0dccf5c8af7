import { getTranslations } from 'next-intl/server';
import type { Account } from '@bandanh/contracts';
import { resetMfa } from '@/app/[locale]/(staff)/admin/users/mfa-actions';

/** What a reset came to, said beside the account after the redirect (`?mfaReset=…&account=…`). */
export type MfaResetOutcome = 'done' | 'off' | 'own' | 'notAllowed' | 'failed';
const OUTCOMES: readonly string[] = [
  'done',
  'off',
  'own',
  'notAllowed',
  'failed',
] satisfies MfaResetOutcome[];

interface Props {
  locale: string;
  account: Account;
  /** The signed-in admin's own account id: nobody resets their own second factor. */
  meId: string;
  /** The page's query: `resetMfa=<id>` asks for confirmation; `mfaReset` and `account` say the outcome. */
  search: { resetMfa?: string; mfaReset?: string; account?: string };
}

/**
 * An admin resets a staff member's lost second factor: a button, then a confirmation panel the
 * server renders (`?resetMfa=<id>`), so it works without JavaScript and a double click resets
 * once. The person is signed out, told by email, and sets two-factor up again at their next
 * sign-in. An admin's own account shows who can reset theirs instead.
 */
export async function ResetMfaButton({ locale, account, meId, search }: Props) {
  if (account.kind !== 'staff') return null;
  const t = await getTranslations('adminUsers');
  const here = `/${locale}/admin/users`;
  const outcome =
    search.account === account.id && OUTCOMES.includes(search.mfaReset ?? '') ? search.mfaReset : undefined;
  const name = account.displayName;
  return (
    <div id={`mfa-${account.id}`} data-reset-mfa={account.email}>
      {outcome && (
        <p
          className={outcome === 'done' || outcome === 'off' ? 'notice ok' : 'notice error'}
          role={outcome === 'done' || outcome === 'off' ? 'status' : 'alert'}
          data-mfa-reset-outcome={outcome}
        >
          {t(`outcome.${outcome}`, { name })}
        </p>
      )}
      {account.id === meId
        ? account.mfaEnabled && <p className="muted">{t('ownHint')}</p>
        : account.mfaEnabled &&
          (search.resetMfa === account.id ? (
            <form action={resetMfa} className="notice" data-confirm-reset-mfa={account.email}>
              <p role="alert">{t('confirm', { name })}</p>
              <input type="hidden" name="locale" value={locale} />
              <input type="hidden" name="id" value={account.id} />
              <button type="submit" className="primary">
                {t('confirmButton')}
              </button>{' '}
              <a href={`${here}#mfa-${account.id}`}>{t('cancel')}</a>
            </form>
          ) : (
            <form method="get" action={`${here}#mfa-${account.id}`}>
              <input type="hidden" name="resetMfa" value={account.id} />
              <button type="submit" className="secondary" data-reset-mfa-button={account.email}>
                {t('button')}
              </button>
            </form>
          ))}
    </div>
  );
}
