import { useTranslations } from 'next-intl';
import type { CboClaim } from '@bandanh/contracts';

/** A claim's status as a translated badge. */
export function ClaimStatus({ status }: { status: CboClaim['status'] }) {
  const t = useTranslations('claimStatus');
  return (
    <span className="claim-status" data-status={status}>
      {t(status)}
    </span>
  );
}
