import { getTranslations, setRequestLocale } from 'next-intl/server';
import { findProvince } from '@bandanh/contracts';
import { CboFacts } from '@/components/cbo-facts';
import { Decision } from '@/components/my-cbo/decision';
import styles from '@/components/my-cbo/my-cbo.module.css';
import { StageSteps } from '@/components/my-cbo/stage-steps';
import { TrainingSection, type SeatAnswer } from '@/components/training-member/training-section';
import { NotAllowed } from '@/components/not-allowed';
import { numberingSystemOf } from '@/components/notifications/numerals';
import { CboNotifications } from '@/components/notifications/cbo-notifications';
import { Unavailable } from '@/components/unavailable';
import { Link } from '@/i18n/navigation';
import { can } from '@/lib/access';
import { api, ROUTES, type RouteOutput } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { provinceName } from '@/lib/provinces';
import { getLocalFormat } from '@/i18n/local-format-server';

const PATH = '/my-cbo';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ linked?: string } & SeatAnswer>;
};

/** The stages whose groups are in the training programme: the page shows their training. */
const IN_TRAINING = new Set(['participant', 'training', 'grant_eligible']);

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('myCbo');

/**
 * A member's view of their group's journey: the step it is at, what happens next, what
 * happened so far, and any decision with its reason. Server-rendered only: no script to load.
 */
export default async function MyCboPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  const { linked, seat, session, position } = await searchParams;
  setRequestLocale(locale);
  const t = await getTranslations('myCbo');
  const stages = await getTranslations('stages');
  const grants = await getTranslations('grantsMember.myCbo');
  const format = await getLocalFormat();
  const numberingSystem = numberingSystemOf(locale);
  const { account } = await requireAccount(locale, PATH);
  if (!can(account, 'readOwnCbo')) return <NotAllowed title={t('title')} />;

  let mine: RouteOutput<typeof ROUTES.myCbo>;
  try {
    mine = await api(ROUTES.myCbo);
  } catch (error) {
    if (afterFailure(error, locale, PATH) === 'notAllowed') return <NotAllowed title={t('title')} />;
    return <Unavailable title={t('title')} message={t('unavailable')} />;
  }

  const { cbo, pipeline } = mine;
  if (!cbo) {
    return (
      <>
        <h1>{t('title')}</h1>
        <section className="card" data-not-linked>
          <p>{t('notLinked')}</p>
          <Link href="/account/link-cbo">{t('linkAction')}</Link>
        </section>
      </>
    );
  }

  // The workflow's own view is the freshest; the CBO record keeps the last stage it reported.
  const stage = pipeline?.stage ?? cbo.stage;
  const history = pipeline?.history ?? [];
  // A decline stays on record after the group is sent back to assessment; it is news only while it stands.
  const decision = cbo.decision?.outcome === 'declined' && stage !== 'declined' ? null : cbo.decision;
  const province = findProvince(cbo.provinceCode);
  const place = [cbo.village, cbo.commune, cbo.district, provinceName(province, locale)]
    .filter(Boolean)
    .join(', ');

  return (
    <>
      <p className="muted">{t('title')}</p>
      <h1 lang={cbo.nameKm ? 'km' : undefined}>{cbo.nameKm ?? cbo.name}</h1>
      {cbo.nameKm && (
        <p className={styles.latin} lang="en">
          {cbo.name}
        </p>
      )}
      <p className="muted">{place}</p>
      {linked && (
        <p className="notice ok" role="status" data-linked>
          {t('linked')}
        </p>
      )}

      <section className="card" aria-labelledby="stage-title" data-stage-now={stage ?? 'starting'}>
        <h2 id="stage-title" className={styles.stageTitle}>
          {t('stageNow')}{' '}
          <span className="stage" data-stage={stage ?? 'starting'}>
            {stages(stage ?? 'starting')}
          </span>
        </h2>
        <StageSteps stage={stage} history={history} />
        <p data-next-step>{t(`next.${stage ?? 'identified'}`)}</p>
      </section>

      {decision && <Decision decision={decision} reassessableFrom={pipeline?.reassessableFrom ?? null} />}

      {stage && IN_TRAINING.has(stage) && (
        <TrainingSection cboId={cbo.id} locale={locale} answered={{ seat, session, position }} />
      )}

      {stage === 'grant_eligible' && (
        <section className="card" aria-labelledby="grants-title" data-my-cbo-grants>
          <h2 id="grants-title">{grants('title')}</h2>
          <p>{grants('text')}</p>
          <Link href="/grants">{grants('link')}</Link>
        </section>
      )}

      <CboNotifications cboId={cbo.id} />

      <section aria-labelledby="facts-title" data-my-cbo-facts>
        <h2 id="facts-title">{t('factsTitle')}</h2>
        <div className="card">
          <CboFacts cbo={cbo} province={province} locale={locale} className="facts" full reader="member" />
        </div>
      </section>

      {history.length > 0 && (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t('historyTitle')}</h2>
          <ol className={styles.history} data-history>
            {history.map((event, i) => (
              <li key={i} data-history-stage={event.stage}>
                <time dateTime={event.at}>
                  {format.dateTime(new Date(event.at), { dateStyle: 'medium', numberingSystem })}
                </time>
                <span>{stages(event.stage)}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
