import { Controller } from '@nestjs/common';
import {
  assessCbo,
  decideSelection,
  listAssessments,
  reopenAssessment,
  withdrawCbo,
} from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { Call } from '../http/call';
import { Endpoint } from '../http/route';
import { PIPELINE_ROUTES } from './pipeline.routes';
import { PipelineService } from './pipeline.service';

/** The staff steps of a CBO's pipeline; the orchestrator's workflow decides whether each is allowed. */
@Controller()
export class PipelineController {
  constructor(
    private readonly rpc: NatsRpc,
    private readonly pipeline: PipelineService,
  ) {}

  @Endpoint(PIPELINE_ROUTES.assessCbo)
  assess(@Call() { params, body, caller }: Call<typeof PIPELINE_ROUTES.assessCbo>) {
    return this.rpc.send(assessCbo, { cboId: params.id, draft: body }, caller);
  }

  @Endpoint(PIPELINE_ROUTES.listCboAssessments)
  assessments(@Call() { params, caller }: Call<typeof PIPELINE_ROUTES.listCboAssessments>) {
    return this.rpc.send(listAssessments, { cboId: params.id }, caller);
  }

  @Endpoint(PIPELINE_ROUTES.decideSelection)
  decide(@Call() { params, body, caller }: Call<typeof PIPELINE_ROUTES.decideSelection>) {
    return this.rpc.send(decideSelection, { cboId: params.id, decision: body }, caller);
  }

  @Endpoint(PIPELINE_ROUTES.reopenAssessment)
  reopen(@Call() { params, caller }: Call<typeof PIPELINE_ROUTES.reopenAssessment>) {
    return this.rpc.send(reopenAssessment, { cboId: params.id }, caller);
  }

  @Endpoint(PIPELINE_ROUTES.withdrawCbo)
  withdraw(@Call() { params, body, caller }: Call<typeof PIPELINE_ROUTES.withdrawCbo>) {
    return this.rpc.send(withdrawCbo, { cboId: params.id, reason: body.reason }, caller);
  }

  @Endpoint(PIPELINE_ROUTES.decideCboDuplicate)
  decideDuplicate(@Call() { params, body, caller }: Call<typeof PIPELINE_ROUTES.decideCboDuplicate>) {
    return this.pipeline.decideDuplicate(caller, params.id, body);
  }
}
