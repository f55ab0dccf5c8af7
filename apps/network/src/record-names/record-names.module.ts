import { Module } from '@nestjs/common';
import { RecordNamesHandlers } from './record-names.handlers';
import { RecordNamesRepository } from './record-names.repository';
import { RecordNamesService } from './record-names.service';

@Module({
  controllers: [RecordNamesHandlers],
  providers: [RecordNamesService, RecordNamesRepository],
})
export class RecordNamesModule {}
