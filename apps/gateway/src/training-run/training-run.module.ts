import { Module } from '@nestjs/common';
import { TrainingRunController } from './training-run.controller';

@Module({ controllers: [TrainingRunController] })
export class TrainingRunModule {}
