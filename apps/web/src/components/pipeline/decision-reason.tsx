import { useTranslations } from 'next-intl';
import { RULE_REASONS } from '@bandanh/contracts';

/**
 * A reason given for a decision or a step, in the reader's language when a programme rule gave
 * it (`rule:…`); a person's reason is shown as they wrote it. Usable on server and client pages.
 */
export function DecisionReason({ reason }: { reason: string | null }) {
  const t = useTranslations('pipeline.reasons');
  if (!reason) return null;
  if (reason === RULE_REASONS.pilotDevelopment) return <span data-rule-reason>{t('pilotDevelopment')}</span>;
  if (reason.startsWith('rule:')) return <span data-rule-reason>{t('rule')}</span>;
  return <span className="reason">{reason}</span>;
}
