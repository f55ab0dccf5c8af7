'use client';

import { useTranslations } from 'next-intl';
import { enrolMfa, type MfaState } from '@/app/[locale]/(account)/account/mfa/actions';
import { AccountForm } from './account-form';
import { TextField } from './form-parts';
import { useFormAction } from './use-form-action';

interface Props {
  locale: string;
  enabled: boolean;
  /** Where to go on (a full page load, so the header shows what the account may now use). */
  home: string;
  canSkip: boolean;
}

/** Start, scan the QR code (or type the secret), confirm with a first code, then keep the recovery codes. */
export function MfaForm({ locale, enabled, home, canSkip }: Props) {
  const t = useTranslations('mfa');
  const initial: MfaState = { step: 'start', fieldErrors: {} };
  const form = useFormAction(enrolMfa, initial, `/${locale}/account/mfa`);
  const { state } = form;

  if (state.step === 'done') {
    return (
      <section className="card" aria-labelledby="recovery-title">
        <h2 id="recovery-title">{t('recoveryTitle')}</h2>
        <p className="notice ok" role="status">
          {t('on')}
        </p>
        <p>{t('recoveryIntro')}</p>
        <p className="notice error">{t('recoveryOnce')}</p>
        <ol className="codes" aria-label={t('recoveryTitle')}>
          {state.recoveryCodes?.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
        <div className="actions">
          <a href={home}>{t('continue')}</a>
        </div>
      </section>
    );
  }

  // On already, or turned on meanwhile (in another tab): nothing to set up.
  if (enabled || state.formError === 'mfaAlreadyOn') {
    return (
      <section className="card">
        <p className="notice ok" role="status">
          {t('alreadyOn')}
        </p>
        <a href={home}>{t('continue')}</a>
      </section>
    );
  }

  if (state.step === 'start') {
    return (
      <AccountForm
        key="start"
        form={form}
        locale={locale}
        hiddenFields={{ intent: 'begin' }}
        submit={t('start')}
        className="card"
        after={
          canSkip && (
            <p className="muted">
              <a href={home}>{t('skip')}</a>
            </p>
          )
        }
      >
        <p>{t('startIntro')}</p>
      </AccountForm>
    );
  }

  return (
    <AccountForm
      key="confirm"
      form={form}
      locale={locale}
      hiddenFields={{ intent: 'confirm', secret: state.secret ?? '', qr: state.qr ?? '' }}
      submit={t('confirm')}
      className="card"
    >
      <ol className="steps">
        <li>{t('stepApp')}</li>
        <li>
          {t('stepScan')}
          {state.qr && <img className="qr" src={state.qr} alt={t('qrAlt')} width={200} height={200} />}
        </li>
        <li>
          {t('stepManual')}
          <code className="secret" id="mfa-secret">
            {state.secret?.match(/.{1,4}/g)?.join(' ')}
          </code>
        </li>
        <li>{t('stepCode')}</li>
      </ol>
      <TextField
        name="code"
        label={t('code')}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={6}
        required
      />
    </AccountForm>
  );
}
