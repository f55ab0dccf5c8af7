import { Module } from '@nestjs/common';
import { TrainingProgressController } from './training-progress.controller';

@Module({ controllers: [TrainingProgressController] })
export class TrainingProgressModule {}
