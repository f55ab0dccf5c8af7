import { Module } from '@nestjs/common';
import { TrainingTrainersController } from './training-trainers.controller';

@Module({ controllers: [TrainingTrainersController] })
export class TrainingTrainersModule {}
