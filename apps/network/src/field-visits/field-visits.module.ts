import { Module } from '@nestjs/common';
import { FieldVisitsHandlers } from './field-visits.handlers';
import { FieldVisitsRepository } from './field-visits.repository';
import { FieldVisitsService } from './field-visits.service';

@Module({
  controllers: [FieldVisitsHandlers],
  providers: [FieldVisitsService, FieldVisitsRepository],
})
export class FieldVisitsModule {}
