import { getFormatter, getTranslations } from 'next-intl/server';
import type { Cbo, Province } from '@bandanh/contracts';
import { provinceName } from '../lib/provinces';

/** A CBO's facts in the reader's language: province, issue, how it was found, stage, date. */
export async function CboFacts({
  cbo,
  province,
  locale,
  className,
}: {
  cbo: Cbo;
  province: Province | undefined;
  locale: string;
  className?: string;
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  const stage = cbo.stage ?? 'starting';
  return (
    <dl className={className}>
      <dt>{t('cbos.province')}</dt>
      <dd>{provinceName(province, locale)}</dd>
      <dt>{t('cbos.focusIssue')}</dt>
      <dd>{t(`focusIssues.${cbo.focusIssue}`)}</dd>
      <dt>{t('cbos.foundVia')}</dt>
      <dd>{t(`foundVia.${cbo.foundVia}`)}</dd>
      <dt>{t('cbos.stage')}</dt>
      <dd>
        <span className="stage" data-stage={stage}>
          {t(`stages.${stage}`)}
        </span>
      </dd>
      <dt>{t('cbos.recordedOn')}</dt>
      <dd>{format.dateTime(new Date(cbo.createdAt), { dateStyle: 'medium' })}</dd>
    </dl>
  );
}
