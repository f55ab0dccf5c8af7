import { Controller } from '@nestjs/common';
import {
  assessCbo,
  decideSelection,
  getPipeline,
  reopenAssessment,
  signalTrainingStarted,
  startPipeline,
  withdrawCbo,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { PipelineService } from './pipeline.service';

@Controller()
export class PipelineHandlers {
  constructor(private readonly pipelines: PipelineService) {}

  @Handles(startPipeline)
  start({ cboId }: ParsedRequestOf<typeof startPipeline>, caller: Caller) {
    return this.pipelines.start(caller, cboId);
  }

  @Handles(signalTrainingStarted)
  trainingStarted({ cboId }: ParsedRequestOf<typeof signalTrainingStarted>, caller: Caller) {
    return this.pipelines.trainingStarted(caller, cboId);
  }

  @Handles(getPipeline)
  get({ cboId }: ParsedRequestOf<typeof getPipeline>, caller: Caller) {
    return this.pipelines.get(caller, cboId);
  }

  @Handles(assessCbo)
  assess({ cboId, draft }: ParsedRequestOf<typeof assessCbo>, caller: Caller) {
    return this.pipelines.assess(caller, cboId, draft);
  }

  @Handles(decideSelection)
  decide({ cboId, decision }: ParsedRequestOf<typeof decideSelection>, caller: Caller) {
    return this.pipelines.decide(caller, cboId, decision);
  }

  @Handles(reopenAssessment)
  reopen({ cboId }: ParsedRequestOf<typeof reopenAssessment>, caller: Caller) {
    return this.pipelines.reopen(caller, cboId);
  }

  @Handles(withdrawCbo)
  withdraw({ cboId, reason }: ParsedRequestOf<typeof withdrawCbo>, caller: Caller) {
    return this.pipelines.withdraw(caller, cboId, reason);
  }
}
