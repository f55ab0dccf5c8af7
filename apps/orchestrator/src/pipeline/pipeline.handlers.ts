import { Controller, Module } from '@nestjs/common';
import { getPipeline, startPipeline, type Caller, type ParsedRequestOf } from '@bandanh/contracts';
import { DomainError, requireRole } from '@bandanh/platform';
import { Handles } from '@bandanh/platform';
import { PipelineService } from './pipeline.service';

@Controller()
export class PipelineHandlers {
  constructor(private readonly pipelines: PipelineService) {}

  @Handles(startPipeline)
  start({ cboId }: ParsedRequestOf<typeof startPipeline>, caller: Caller) {
    requireRole(caller, 'coordinator', 'admin');
    return this.pipelines.start(cboId);
  }

  @Handles(getPipeline)
  /** Staff see every pipeline; an applicant only their own CBO's. */
  get({ cboId }: ParsedRequestOf<typeof getPipeline>, caller: Caller) {
    const allowed =
      caller.kind === 'staff' ||
      caller.kind === 'system' ||
      (caller.kind === 'applicant' && caller.cboId === cboId);
    if (!allowed) throw DomainError.notFound('Pipeline of CBO', cboId);
    return this.pipelines.get(cboId);
  }
}

@Module({ controllers: [PipelineHandlers], providers: [PipelineService] })
export class PipelineModule {}
