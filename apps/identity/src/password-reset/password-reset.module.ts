import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { SessionsModule } from '../sessions/sessions.module';
import { PasswordResetHandlers } from './password-reset.handlers';
import { PasswordResetRepository } from './password-reset.repository';
import { PasswordResetService } from './password-reset.service';

@Module({
  imports: [AccountsModule, AuditModule, SessionsModule],
  controllers: [PasswordResetHandlers],
  providers: [PasswordResetService, PasswordResetRepository],
})
export class PasswordResetModule {}
