import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { CboLinksHandlers } from './cbo-links.handlers';
import { CboLinksRepository } from './cbo-links.repository';
import { CboLinksService } from './cbo-links.service';

@Module({
  imports: [AccountsModule, AuditModule],
  controllers: [CboLinksHandlers],
  providers: [CboLinksService, CboLinksRepository],
})
export class CboLinksModule {}
