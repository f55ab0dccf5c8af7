import type { ReactNode } from 'react';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { numberingSystemOf } from '@/components/notifications/numerals';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { statusOf } from './lookup';
import { ReferenceForm, StatusView } from './status-view';
import styles from './status.module.css';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ reference?: string | string[] }>;
};

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('applicationStatus');

/**
 * Public: anyone with an application's reference sees its stage in plain words, and a decline's
 * reason; nothing of a person. A plain GET form, so it works without JavaScript.
 */
export default async function ApplicationStatusPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('applicationStatus');
  const typed = [(await searchParams).reference].flat()[0]?.trim() ?? '';
  const answer = typed ? await statusOf(typed) : undefined;

  // A reference is never broken at its dash.
  const ref = (chunks: ReactNode) => <span className={styles.nowrap}>{chunks}</span>;
  let problem: ReactNode;
  if (answer && 'problem' in answer) {
    if (answer.problem === 'rateLimited') {
      const shown = new Intl.NumberFormat(locale, { numberingSystem: numberingSystemOf(locale) }).format(
        answer.minutes,
      );
      problem = t('rateLimited', { minutes: answer.minutes, shown });
    } else {
      problem = t.rich(answer.problem, { reference: answer.reference, ref });
    }
  }

  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t.rich('intro', { ref })}</p>
      {problem ? (
        <p
          className="notice error"
          role="alert"
          data-status-problem={answer && 'problem' in answer ? answer.problem : undefined}
        >
          {problem}
        </p>
      ) : null}
      <ReferenceForm locale={locale} reference={typed || undefined} />
      {answer && 'application' in answer ? (
        <StatusView application={answer.application} locale={locale} />
      ) : null}
    </>
  );
}
