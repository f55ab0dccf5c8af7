import { Controller, Module } from '@nestjs/common';
import { getPipeline, startPipeline, type ParsedRequestOf } from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { PipelineService } from './pipeline.service';

@Controller()
export class PipelineHandlers {
  constructor(private readonly pipelines: PipelineService) {}

  @Handles(startPipeline)
  start({ cboId }: ParsedRequestOf<typeof startPipeline>) {
    return this.pipelines.start(cboId);
  }

  @Handles(getPipeline)
  get({ cboId }: ParsedRequestOf<typeof getPipeline>) {
    return this.pipelines.get(cboId);
  }
}

@Module({ controllers: [PipelineHandlers], providers: [PipelineService] })
export class PipelineModule {}
