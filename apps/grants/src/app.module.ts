import { Module, type DynamicModule } from '@nestjs/common';
import { NatsClientModule, loggerModule } from '@bandanh/platform';
import { ApplicationRunModule } from './application-run/application-run.module';
import { ApplicationsModule } from './applications/applications.module';
import { GRANTS_CONFIG, type GrantsConfig } from './config/env';
import { databaseModule } from './db/database.module';
import { DirectoryModule } from './directory/directory.module';
import { HealthModule } from './health/health.module';
import { OutboxModule } from './outbox/outbox.module';
import { ReviewsModule } from './reviews/reviews.module';
import { RoundsModule } from './rounds/rounds.module';

@Module({})
export class AppModule {
  static forRoot(config: GrantsConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      providers: [{ provide: GRANTS_CONFIG, useValue: config }],
      exports: [GRANTS_CONFIG],
      imports: [
        loggerModule('grants', config.LOG_LEVEL),
        NatsClientModule.forRoot('grants', config),
        databaseModule(config.DATABASE_URL, config.DATABASE_POOL_MAX),
        OutboxModule,
        DirectoryModule,
        HealthModule,
        RoundsModule,
        ApplicationsModule,
        ReviewsModule,
        ApplicationRunModule,
      ],
    };
  }
}
