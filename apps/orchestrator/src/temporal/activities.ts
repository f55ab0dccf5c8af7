import { recordCboStage } from '@bandanh/contracts';
import { systemCaller, type NatsRpc } from '@bandanh/platform';
import type { CboPipelineActivities } from '@bandanh/workflows';

/** The pipeline's activities, built from their dependencies so a test can hand in others. */
export function createActivities({ rpc }: { rpc: NatsRpc }): CboPipelineActivities {
  return {
    async recordStage({ cboId, stage }) {
      await rpc.send(recordCboStage, { id: cboId, stage }, systemCaller('orchestrator'));
    },
  };
}
