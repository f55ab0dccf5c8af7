import { Global, Module } from '@nestjs/common';
import { TrainingOutbox } from './training-outbox';

@Global()
@Module({ providers: [TrainingOutbox], exports: [TrainingOutbox] })
export class OutboxModule {}
