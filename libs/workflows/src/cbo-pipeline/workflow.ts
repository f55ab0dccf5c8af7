import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { PipelineStage } from '@bandanh/contracts';
import { FINAL_STAGES, stageQuery, type CboPipelineActivities, type CboPipelineInput } from './definitions';

const { recordStage } = proxyActivities<CboPipelineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * One CBO's journey through the network programme, and the single writer of its stage.
 * It starts at `identified`; the staff steps that move it on arrive as updates.
 */
export async function cboPipeline({ cboId }: CboPipelineInput): Promise<PipelineStage> {
  const state: { stage: PipelineStage } = { stage: 'identified' };
  setHandler(stageQuery, () => state.stage);

  await recordStage({ cboId, stage: state.stage });

  await condition(() => FINAL_STAGES.includes(state.stage));
  return state.stage;
}
