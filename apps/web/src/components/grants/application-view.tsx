import { getTranslations } from 'next-intl/server';
import { findProvince, type GrantApplication } from '@bandanh/contracts';
import { getLocalFormat } from '@/i18n/local-format-server';
import { provinceName } from '@/lib/provinces';
import styles from './grants.module.css';

/**
 * An application as its CBO wrote it: the activity plan, the budget lines with their totals,
 * and the attachments (each a download through the web, which asks the gateway as the reader).
 */
export async function ApplicationView({
  application,
  locale,
  money,
  fileHref,
}: {
  application: GrantApplication;
  locale: string;
  money: (minor: number) => string;
  /** Where an attachment downloads from; none hides the links (a reviewer before declaring). */
  fileHref?: (attachmentId: string) => string;
}) {
  const t = await getTranslations('grants.application');
  const words = await getTranslations('grants');
  const format = await getLocalFormat();
  const { plan, budget, totals } = application;
  const day = (date: string | null) =>
    date ? format.dateTime(new Date(`${date}T00:00:00+07:00`), { dateStyle: 'medium' }) : '—';
  const count = (n: number | null) => (n === null ? '—' : format.number(n));
  const shown = (value: string) => (value ? <span className={styles.text}>{value}</span> : '—');

  return (
    <>
      <section aria-labelledby="plan-title" data-plan>
        <h2 id="plan-title">{t('planTitle')}</h2>
        <dl className="facts">
          <dt>{t('activityTitle')}</dt>
          <dd data-plan-title>{shown(plan.title)}</dd>
          <dt>{t('objectives')}</dt>
          <dd>{shown(plan.objectives)}</dd>
          <dt>{t('description')}</dt>
          <dd>{shown(plan.description)}</dd>
          <dt>{t('place')}</dt>
          <dd>
            {[plan.place, plan.provinceCode ? provinceName(findProvince(plan.provinceCode), locale) : '']
              .filter(Boolean)
              .join(', ') || '—'}
          </dd>
          <dt>{t('dates')}</dt>
          <dd>{t('fromTo', { from: day(plan.startsOn), to: day(plan.endsOn) })}</dd>
          <dt>{t('beneficiaries')}</dt>
          <dd>
            {t('womenMen', { women: count(plan.beneficiariesWomen), men: count(plan.beneficiariesMen) })}
          </dd>
          <dt>{t('expectedResults')}</dt>
          <dd>{shown(plan.expectedResults)}</dd>
        </dl>
      </section>

      <section aria-labelledby="budget-title" data-budget>
        <h2 id="budget-title">{t('budgetTitle')}</h2>
        {budget.length === 0 ? (
          <p className="muted">{t('noBudget')}</p>
        ) : (
          <div className="table-scroll">
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t('category')}</th>
                  <th scope="col">{t('lineDescription')}</th>
                  <th scope="col" className="number">
                    {t('unitCost')}
                  </th>
                  <th scope="col" className="number">
                    {t('quantity')}
                  </th>
                  <th scope="col" className="number">
                    {t('lineTotal')}
                  </th>
                  <th scope="col" className="number">
                    {t('contribution')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {budget.map((line) => (
                  <tr key={line.id} data-budget-line={line.id}>
                    <td>{words(`categories.${line.category}`)}</td>
                    <td className={styles.text}>{line.description}</td>
                    <td className="number">{money(line.unitCost)}</td>
                    <td className="number">{format.number(line.quantity)}</td>
                    <td className="number">{money(line.unitCost * line.quantity)}</td>
                    <td className="number">{money(line.contribution)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={4}>
                    {t('totals')}
                  </th>
                  <td className="number" data-total={totals.total}>
                    {money(totals.total)}
                  </td>
                  <td className="number" data-contribution={totals.contribution}>
                    {money(totals.contribution)}
                  </td>
                </tr>
                <tr>
                  <th scope="row" colSpan={4}>
                    {t('requested')}
                  </th>
                  <td className="number" colSpan={2} data-requested={totals.requested}>
                    <strong>{money(totals.requested)}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="files-title" data-attachments>
        <h2 id="files-title">{t('attachmentsTitle')}</h2>
        {application.attachments.length === 0 ? (
          <p className="muted">{t('noAttachments')}</p>
        ) : (
          <ul>
            {application.attachments.map((file) => (
              <li key={file.id} data-attachment={file.id}>
                {fileHref ? (
                  <a href={fileHref(file.id)} download={file.fileName}>
                    {file.fileName}
                  </a>
                ) : (
                  file.fileName
                )}{' '}
                <span className="muted">
                  {t('fileFacts', {
                    kind: words(`attachmentKinds.${file.kind}`),
                    size: format.number(file.size / 1024, { maximumFractionDigits: 0 }),
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
