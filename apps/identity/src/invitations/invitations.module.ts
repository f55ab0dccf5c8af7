import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { SessionsModule } from '../sessions/sessions.module';
import { InvitationsHandlers } from './invitations.handlers';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';

@Module({
  imports: [AccountsModule, AuditModule, SessionsModule],
  controllers: [InvitationsHandlers],
  providers: [InvitationsService, InvitationsRepository],
})
export class InvitationsModule {}
