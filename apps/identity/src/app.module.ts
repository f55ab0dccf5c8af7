import { Module, type DynamicModule } from '@nestjs/common';
import { NatsClientModule, loggerModule } from '@bandanh/platform';
import { AccountsModule } from './accounts/accounts.module';
import { AuditModule } from './audit/audit.module';
import { CboClaimsModule } from './cbo-claims/cbo-claims.module';
import { CboLinksModule } from './cbo-links/cbo-links.module';
import { CboMembersModule } from './cbo-members/cbo-members.module';
import type { IdentityConfig } from './config/env';
import { databaseModule } from './db/database.module';
import { HealthModule } from './health/health.module';
import { InvitationsModule } from './invitations/invitations.module';
import { MfaModule } from './mfa/mfa.module';
import { OutboxModule } from './outbox/outbox.module';
import { PasswordResetModule } from './password-reset/password-reset.module';
import { SecurityModule } from './security/security.module';
import { SessionsModule } from './sessions/sessions.module';
import { SignUpModule } from './sign-up/sign-up.module';

@Module({})
export class AppModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggerModule('identity', config.LOG_LEVEL),
        NatsClientModule.forRoot('identity', config),
        databaseModule(config.DATABASE_URL, config.DATABASE_POOL_MAX),
        SecurityModule.forRoot(config),
        OutboxModule,
        HealthModule,
        AuditModule,
        AccountsModule,
        MfaModule,
        SessionsModule,
        PasswordResetModule,
        SignUpModule,
        InvitationsModule,
        CboLinksModule,
        CboClaimsModule,
        CboMembersModule,
      ],
    };
  }
}
