import { Module } from '@nestjs/common';
import { TrainingModulesController } from './training-modules.controller';

@Module({ controllers: [TrainingModulesController] })
export class TrainingModulesModule {}
