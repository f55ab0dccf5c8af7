import { Module } from '@nestjs/common';
import { AuditHandlers } from './audit.handlers';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@Module({
  controllers: [AuditHandlers],
  providers: [AuditService, AuditRepository],
  exports: [AuditService],
})
export class AuditModule {}
