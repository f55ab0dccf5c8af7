import { Module } from '@nestjs/common';
import { FieldVisitsController } from './field-visits.controller';

@Module({ controllers: [FieldVisitsController] })
export class FieldVisitsModule {}
