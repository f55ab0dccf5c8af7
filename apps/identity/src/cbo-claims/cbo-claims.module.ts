import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { CboClaimsHandlers } from './cbo-claims.handlers';
import { CboClaimsRepository } from './cbo-claims.repository';
import { CboClaimsService } from './cbo-claims.service';

@Module({
  imports: [AccountsModule, AuditModule],
  controllers: [CboClaimsHandlers],
  providers: [CboClaimsService, CboClaimsRepository],
})
export class CboClaimsModule {}
