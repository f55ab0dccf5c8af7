import { Module } from '@nestjs/common';
import { TrainingCertificatesController } from './training-certificates.controller';

@Module({ controllers: [TrainingCertificatesController] })
export class TrainingCertificatesModule {}
