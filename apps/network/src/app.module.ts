import { Module, type DynamicModule } from '@nestjs/common';
import { loggerModule } from '@bandanh/platform';
import { CbosModule } from './cbos/cbos.module';
import type { NetworkConfig } from './config/env';
import { databaseModule } from './db/database.module';
import { HealthModule } from './health/health.handlers';
import { ProvincesModule } from './provinces/provinces.handlers';

@Module({})
export class AppModule {
  static forRoot(config: NetworkConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggerModule('network', config.LOG_LEVEL),
        databaseModule(config.DATABASE_URL),
        HealthModule,
        ProvincesModule,
        CbosModule,
      ],
    };
  }
}
