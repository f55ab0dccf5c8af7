import { Global, Module } from '@nestjs/common';
import { TrainingDirectory } from './directory';

@Global()
@Module({ providers: [TrainingDirectory], exports: [TrainingDirectory] })
export class DirectoryModule {}
