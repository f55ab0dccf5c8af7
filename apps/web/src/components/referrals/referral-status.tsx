import { useTranslations } from 'next-intl';
import type { Referral } from '@bandanh/contracts';
import styles from './referrals.module.css';

/** Where a referral stands: open (or in progress with the partner), or how it ended. */
export function ReferralStatus({ referral }: { referral: Pick<Referral, 'status' | 'outcome'> }) {
  const t = useTranslations('referrals');
  const label =
    referral.outcome && (referral.status === 'closed' || referral.outcome === 'in_progress')
      ? t(`outcomes.${referral.outcome}`)
      : t('open');
  return (
    <span
      className={styles.status}
      data-referral-status={referral.status}
      data-outcome={referral.outcome ?? ''}
    >
      {label}
    </span>
  );
}
