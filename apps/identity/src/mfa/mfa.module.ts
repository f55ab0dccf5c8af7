import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { MfaHandlers } from './mfa.handlers';
import { MfaRepository } from './mfa.repository';
import { MfaService } from './mfa.service';

@Module({
  imports: [AccountsModule, AuditModule],
  controllers: [MfaHandlers],
  providers: [MfaService, MfaRepository],
  exports: [MfaService],
})
export class MfaModule {}
