import { Module, type DynamicModule } from '@nestjs/common';
import { NatsClientModule, loggerModule } from '@bandanh/platform';
import type { OrchestratorConfig } from './config/env';
import { databaseModule } from './db/database.module';
import { ExpansionScheduleModule } from './expansion/expansion-schedule.service';
import { HealthModule } from './health/health.handlers';
import { PipelineModule } from './pipeline/pipeline.handlers';
import { ReferralsModule } from './referrals/referrals.module';
import { TasksModule } from './tasks/tasks.module';
import { TemporalModule } from './temporal/temporal.module';

@Module({})
export class AppModule {
  static forRoot(config: OrchestratorConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggerModule('orchestrator', config.LOG_LEVEL),
        NatsClientModule.forRoot('orchestrator', config),
        databaseModule(config.DATABASE_URL),
        TemporalModule.forRoot(config),
        HealthModule,
        TasksModule,
        PipelineModule,
        ReferralsModule,
        ExpansionScheduleModule,
      ],
    };
  }
}
