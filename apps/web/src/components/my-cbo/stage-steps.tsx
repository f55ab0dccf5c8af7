import { getTranslations } from 'next-intl/server';
import type { PipelineEvent, PipelineStage } from '@bandanh/contracts';
import { stepStates } from './progress';
import styles from './my-cbo.module.css';

/** The group's journey as a numbered list of steps, the current one marked for screen readers too. */
export async function StageSteps({
  stage,
  history,
}: {
  stage: PipelineStage | null;
  history: ReadonlyArray<Pick<PipelineEvent, 'stage'>>;
}) {
  const t = await getTranslations('myCbo');
  const stages = await getTranslations('stages');
  return (
    <ol className={styles.steps} data-steps>
      {stepStates(stage, history).map(({ step, state }) => (
        <li
          key={step}
          className={styles[state]}
          data-step={step}
          data-state={state}
          aria-current={state === 'current' ? 'step' : undefined}
        >
          {stages(step)}
          {state !== 'upcoming' && <span className="sr-only"> ({t(`stepStates.${state}`)})</span>}
        </li>
      ))}
    </ol>
  );
}
