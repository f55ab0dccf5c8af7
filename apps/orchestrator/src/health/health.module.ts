import { Module } from '@nestjs/common';
import { HealthHandlers } from './health.handlers';

@Module({ controllers: [HealthHandlers] })
export class HealthModule {}
