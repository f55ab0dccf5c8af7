import { Module, type DynamicModule } from '@nestjs/common';
import { NatsClientModule, loggerModule } from '@bandanh/platform';
import { TRAINING_CONFIG, type TrainingConfig } from './config/env';
import { CalendarModule } from './calendar/calendar.module';
import { CertificatesModule } from './certificates/certificates.module';
import { databaseModule } from './db/database.module';
import { DirectoryModule } from './directory/directory.module';
import { HealthModule } from './health/health.module';
import { ModulesModule } from './modules/modules.module';
import { OutboxModule } from './outbox/outbox.module';
import { ProgressModule } from './progress/progress.module';
import { SeatsModule } from './seats/seats.module';
import { SessionRunModule } from './session-run/session-run.module';
import { SessionsModule } from './sessions/sessions.module';
import { TrainersModule } from './trainers/trainers.module';

@Module({})
export class AppModule {
  static forRoot(config: TrainingConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      providers: [{ provide: TRAINING_CONFIG, useValue: config }],
      exports: [TRAINING_CONFIG],
      imports: [
        loggerModule('training', config.LOG_LEVEL),
        NatsClientModule.forRoot('training', config),
        databaseModule(config.DATABASE_URL, config.DATABASE_POOL_MAX),
        OutboxModule,
        DirectoryModule,
        HealthModule,
        ModulesModule,
        TrainersModule,
        SessionsModule,
        SeatsModule,
        SessionRunModule,
        CertificatesModule,
        ProgressModule,
        CalendarModule,
      ],
    };
  }
}
