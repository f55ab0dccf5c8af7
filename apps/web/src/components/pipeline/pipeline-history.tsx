import { getTranslations } from 'next-intl/server';
import { PIPELINE_STAGES, type PipelineStage, type PipelineState } from '@bandanh/contracts';
import { DecisionReason } from './decision-reason';
import styles from './pipeline.module.css';
import { getLocalFormat } from '@/i18n/local-format-server';

/** The stages a CBO goes through when all goes well; declined and withdrawn leave this path. */
const PATH: readonly PipelineStage[] = PIPELINE_STAGES.filter(
  (stage) => stage !== 'declined' && stage !== 'withdrawn',
);

/**
 * Where the CBO is on its way through the programme, and each move so far: when, by whom and
 * why. `nameOf` says who a staff id is, as far as the reader may know.
 */
export async function PipelineHistory({
  pipeline,
  nameOf,
}: {
  pipeline: PipelineState;
  nameOf: (id: string | null) => string;
}) {
  const t = await getTranslations();
  const format = await getLocalFormat();
  // How far along the path it came, even when it then left it (declined or withdrawn).
  const reached = Math.max(
    ...[pipeline.stage, ...pipeline.history.map((e) => e.stage)].map((s) => PATH.indexOf(s)),
  );
  const stages = PATH.includes(pipeline.stage) ? PATH : [...PATH.slice(0, reached + 1), pipeline.stage];
  return (
    <>
      <ol className={styles.path} aria-label={t('pipeline.pathLabel')}>
        {stages.map((stage, index) => (
          <li
            key={stage}
            data-reached={reached >= index || stage === pipeline.stage || undefined}
            aria-current={stage === pipeline.stage ? 'step' : undefined}
          >
            {t(`stages.${stage}`)}
          </li>
        ))}
      </ol>
      <ol className={styles.history} reversed data-history>
        {[...pipeline.history].reverse().map((event, index) => (
          <li key={`${event.at}-${index}`} data-history-stage={event.stage}>
            <span className="stage" data-stage={event.stage}>
              {t(`stages.${event.stage}`)}
            </span>{' '}
            <span className="muted">
              <time dateTime={event.at}>
                {format.dateTime(new Date(event.at), { dateStyle: 'medium', timeStyle: 'short' })}
              </time>{' '}
              · {t('pipeline.by', { name: nameOf(event.by) })}
            </span>
            {event.reason && (
              <div>
                <DecisionReason reason={event.reason} />
              </div>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
