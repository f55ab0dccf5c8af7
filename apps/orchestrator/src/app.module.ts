import { Module, type DynamicModule } from '@nestjs/common';
import { NatsClientModule, loggerModule } from '@bandanh/platform';
import { ConfigModule } from './config/config.module';
import type { OrchestratorConfig } from './config/env';
import { databaseModule } from './db/database.module';
import { ExpansionScheduleModule } from './expansion/expansion-schedule.module';
import { GrantApplicationsModule } from './grants/grants.module';
import { HealthModule } from './health/health.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PipelineModule } from './pipeline/pipeline.module';
import { ReferralsModule } from './referrals/referrals.module';
import { TasksModule } from './tasks/tasks.module';
import { TemporalModule } from './temporal/temporal.module';
import { TrainingSessionsModule } from './training/training.module';

@Module({})
export class AppModule {
  static forRoot(config: OrchestratorConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggerModule('orchestrator', config.LOG_LEVEL),
        ConfigModule.forRoot(config),
        NatsClientModule.forRoot('orchestrator', config),
        databaseModule(config.DATABASE_URL, config.DATABASE_POOL_MAX),
        TemporalModule.forRoot(config),
        HealthModule,
        TasksModule,
        PipelineModule,
        ReferralsModule,
        TrainingSessionsModule,
        GrantApplicationsModule,
        ExpansionScheduleModule,
        NotificationsModule,
      ],
    };
  }
}
