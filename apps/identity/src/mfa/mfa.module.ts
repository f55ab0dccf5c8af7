import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { SessionsRepository } from '../sessions/sessions.repository';
import { MfaHandlers } from './mfa.handlers';
import { MfaRepository } from './mfa.repository';
import { MfaService } from './mfa.service';

/**
 * Two-factor authentication. Sign-in (SessionsModule) checks second factors with this module,
 * so this one takes the sessions' repository directly (to end a reset account's sessions and
 * count wrong codes), not through SessionsModule.
 */
@Module({
  imports: [AccountsModule, AuditModule],
  controllers: [MfaHandlers],
  providers: [MfaService, MfaRepository, SessionsRepository],
  exports: [MfaService],
})
export class MfaModule {}
