import { getTranslations } from 'next-intl/server';
import type { GrantRound } from '@bandanh/contracts';
import styles from './grants.module.css';

/** A round's envelope: the budget, what approved grants took, and what is left of it. */
export async function Envelope({
  round,
  money,
}: {
  round: Pick<GrantRound, 'budget' | 'committed' | 'remaining'>;
  money: (minor: number) => string;
}) {
  const t = await getTranslations('grants.envelope');
  return (
    <dl className={styles.envelope} aria-label={t('title')} data-envelope>
      <div>
        <dt>{t('budget')}</dt>
        <dd data-budget={round.budget}>{money(round.budget)}</dd>
      </div>
      <div>
        <dt>{t('committed')}</dt>
        <dd data-committed={round.committed}>{money(round.committed)}</dd>
      </div>
      <div>
        <dt>{t('remaining')}</dt>
        <dd data-remaining={round.remaining}>{money(round.remaining)}</dd>
      </div>
    </dl>
  );
}
