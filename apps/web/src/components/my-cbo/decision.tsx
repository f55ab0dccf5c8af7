import { getLocale, getTranslations } from 'next-intl/server';
import type { CboDecision } from '@bandanh/contracts';
import { numberingSystemOf } from '@/components/notifications/numerals';
import { reasonOf } from './progress';
import styles from './my-cbo.module.css';
import { getLocalFormat } from '@/i18n/local-format-server';

/**
 * The selection decision and its reason; after a decline, when the group may be assessed again.
 * A programme rule's reason is said in the reader's language, a person's in their own words.
 */
export async function Decision({
  decision,
  reassessableFrom,
}: {
  decision: CboDecision;
  reassessableFrom: string | null;
}) {
  const t = await getTranslations('myCbo');
  const format = await getLocalFormat();
  // One numeral style per locale: Khmer digits in Khmer, as on the rest of the page.
  const numberingSystem = numberingSystemOf(await getLocale());
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'long', numberingSystem });
  const reason = reasonOf(decision.reason);
  const declined = decision.outcome === 'declined';
  return (
    <section
      className={`notice ${declined ? 'error' : 'ok'}`}
      aria-labelledby="decision-title"
      data-decision={decision.outcome}
    >
      <h2 id="decision-title" className={styles.decisionTitle}>
        {t(declined ? 'declinedOn' : 'selectedOn', { date: date(decision.decidedAt) })}
      </h2>
      {reason && (
        <p className={styles.reason}>
          <strong>{t(declined ? 'reason' : 'note')}</strong>{' '}
          {'rule' in reason ? (
            <span data-reason data-rule={reason.rule}>
              {t(`rules.${reason.rule}`)}
            </span>
          ) : (
            <q data-reason>{reason.text}</q>
          )}
        </p>
      )}
      {declined && reassessableFrom && (
        <p data-reassessable-from={reassessableFrom.slice(0, 10)}>
          {t('reassessableFrom', { date: date(reassessableFrom) })}
        </p>
      )}
    </section>
  );
}
