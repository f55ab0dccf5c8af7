import { Module } from '@nestjs/common';
import { PipelineHandlers } from './pipeline.handlers';
import { PipelineService } from './pipeline.service';
import { PipelineWorkflows } from './pipeline.temporal';

@Module({ controllers: [PipelineHandlers], providers: [PipelineService, PipelineWorkflows] })
export class PipelineModule {}
