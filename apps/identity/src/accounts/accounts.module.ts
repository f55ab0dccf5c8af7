import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AccountsHandlers } from './accounts.handlers';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';

@Module({
  imports: [AuditModule],
  controllers: [AccountsHandlers],
  providers: [AccountsService, AccountsRepository],
  exports: [AccountsRepository],
})
export class AccountsModule {}
