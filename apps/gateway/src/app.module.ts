import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AdminModule } from './admin/admin.controller';
import { AuthModule } from './auth/auth.controller';
import { AuthGuard } from './http/auth.guard';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { NatsClientModule, loggerModule } from '@bandanh/platform';
import { CbosModule } from './cbos/cbos.controller';
import type { GatewayConfig } from './config/env';
import { GATEWAY_CONFIG } from './config/tokens';
import { HealthModule } from './health/health.controller';
import { ProvincesModule } from './provinces/provinces.controller';
import { DirectoryModule } from './directory/directory.controller';
import { ProgrammeModule } from './programme/programme.controller';

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        loggerModule('gateway', config.LOG_LEVEL),
        NatsClientModule.forRoot('gateway', config),
        HealthModule,
        ProvincesModule,
        AuthModule,
        AdminModule,
        CbosModule,
        DirectoryModule,
        ProgrammeModule,
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [GATEWAY_CONFIG],
    };
  }
}
