import { Module, type DynamicModule } from '@nestjs/common';
import { loggerModule } from '@bandanh/platform';
import { AccountsService } from './accounts/accounts.service';
import { UsersRepository } from './accounts/users.repository';
import { AuditRepository } from './audit/audit.repository';
import { CboClaimsService } from './cbo-links/cbo-claims.service';
import { CboLinksService } from './cbo-links/cbo-links.service';
import type { IdentityConfig } from './config/env';
import { databaseModule } from './db/database.module';
import { HealthModule } from './health/health.handlers';
import { IdentityHandlers } from './identity.handlers';
import { InvitationsService } from './invitations/invitations.service';
import { MfaService } from './mfa/mfa.service';
import { SecurityModule } from './security/security.module';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionsService } from './sessions/sessions.service';

@Module({})
export class AppModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggerModule('identity', config.LOG_LEVEL),
        databaseModule(config.DATABASE_URL),
        SecurityModule.forRoot(config),
        HealthModule,
      ],
      controllers: [IdentityHandlers],
      providers: [
        UsersRepository,
        SessionsRepository,
        AuditRepository,
        MfaService,
        SessionsService,
        AccountsService,
        InvitationsService,
        CboLinksService,
        CboClaimsService,
      ],
    };
  }
}
