'use client';

import { useTranslations } from 'next-intl';
import {
  regenerateRecoveryCodes,
  type RecoveryCodesState,
} from '@/app/[locale]/(account)/account/mfa/actions';
import { numberingSystemOf } from '@/components/notifications/numerals';
import { CodeField } from './account-fields';
import { AccountForm } from './account-form';
import { useFormAction } from './use-form-action';
import { useLocalFormat } from '@/i18n/use-local-format';

interface Props {
  locale: string;
  /** How many unused recovery codes the account has; undefined when it could not be asked. */
  left?: number;
}

/**
 * The recovery codes of an account with two-factor authentication: how many are left, and new
 * ones for a code from the app (or a recovery code), shown this once.
 */
export function RecoveryCodesForm({ locale, left }: Props) {
  const t = useTranslations('mfa');
  const format = useLocalFormat();
  const initial: RecoveryCodesState = { fieldErrors: {} };
  const form = useFormAction(regenerateRecoveryCodes, initial, `/${locale}/account/mfa`);
  const { state } = form;
  const shown = (n: number) => format.number(n, { numberingSystem: numberingSystemOf(locale) });

  if (state.recoveryCodes) {
    return (
      <section className="card" aria-labelledby="new-recovery-title" data-new-recovery-codes>
        <h2 id="new-recovery-title">{t('recoveryTitle')}</h2>
        <p className="notice ok" role="status">
          {t('regenerated')}
        </p>
        <p>{t('recoveryIntro')}</p>
        <p className="notice error">{t('recoveryOnce')}</p>
        <ol className="codes" aria-label={t('recoveryTitle')}>
          {state.recoveryCodes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
      </section>
    );
  }

  return (
    <section aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title">{t('recoveryTitle')}</h2>
      {left !== undefined && (
        <p className={left <= 2 ? 'notice error' : undefined} data-recovery-left={left}>
          {t('recoveryLeft', { count: left, shown: shown(left) })}
          {left <= 2 && <> {t('recoveryLow')}</>}
        </p>
      )}
      <AccountForm
        form={form}
        locale={locale}
        refusalValues={state.minutes ? { minutes: state.minutes } : undefined}
        submit={t('regenerate')}
        className="card"
        data-regenerate-form
      >
        <p>{t('regenerateIntro')}</p>
        <CodeField
          name="code"
          label={t('regenerateCode')}
          autoComplete="one-time-code"
          autoCapitalize="off"
          maxLength={20}
        />
      </AccountForm>
      <p className="muted">{t('lostFactor')}</p>
    </section>
  );
}
