import { getTranslations } from 'next-intl/server';
import type { GrantReview, GrantRound } from '@bandanh/contracts';
import { getLocalFormat } from '@/i18n/local-format-server';
import styles from './grants.module.css';

/**
 * The review board: every scored review side by side, one column per reviewer, one row per
 * criterion of the rubric (the score out of its top, and the comment), the weighted total out
 * of 100 and each reviewer's overall comment; the mean of the totals at the end.
 */
export async function ReviewBoard({
  reviews,
  rubric,
  locale,
  names,
}: {
  reviews: GrantReview[];
  rubric: GrantRound['rubric'];
  locale: string;
  /** Reviewers' names by id, for those the review does not name. */
  names: Record<string, string>;
}) {
  const t = await getTranslations('grants.board');
  const format = await getLocalFormat();
  const scored = reviews.filter((review) => review.status === 'scored');
  if (scored.length === 0)
    return (
      <p className="muted" data-board-empty>
        {t('empty')}
      </p>
    );
  const totals = scored.map((review) => review.total).filter((total): total is number => total !== null);
  const mean = totals.length ? totals.reduce((a, b) => a + b, 0) / totals.length : null;
  const score = (n: number) => format.number(n, { maximumFractionDigits: 1 });
  return (
    <div className="table-scroll">
      <table className={styles.table} data-review-board>
        <thead>
          <tr>
            <th scope="col">{t('criterion')}</th>
            {scored.map((review, i) => (
              <th scope="col" key={review.reviewerId} data-board-reviewer={review.reviewerId}>
                {review.reviewerName ?? names[review.reviewerId] ?? t('reviewerN', { n: i + 1 })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rubric.map((criterion) => (
            <tr key={criterion.key} data-board-criterion={criterion.key}>
              <th scope="row">
                {locale === 'km' ? criterion.labelKm : criterion.labelEn}
                <br />
                <span className="muted">{t('weight', { weight: format.number(criterion.weight) })}</span>
              </th>
              {scored.map((review) => {
                const given = review.scores.find((s) => s.key === criterion.key);
                return (
                  <td key={review.reviewerId} data-score={given?.score ?? ''}>
                    {given
                      ? t('outOf', {
                          score: format.number(given.score),
                          max: format.number(criterion.maxScore),
                        })
                      : '—'}
                    {given?.comment && (
                      <>
                        <br />
                        <span className={`muted ${styles.text}`}>{given.comment}</span>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('total')}</th>
            {scored.map((review) => (
              <td key={review.reviewerId} data-review-total={review.total ?? ''}>
                <strong>{review.total === null ? '—' : t('outOf100', { score: score(review.total) })}</strong>
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('comment')}</th>
            {scored.map((review) => (
              <td key={review.reviewerId} className={styles.text}>
                {review.comment || '—'}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {mean !== null && (
        <p data-board-mean>
          <strong>{t('mean', { score: score(mean) })}</strong>
        </p>
      )}
    </div>
  );
}
