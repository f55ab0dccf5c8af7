import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { NatsClientModule, loggerModule } from '@bandanh/platform';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { CboClaimsModule } from './cbo-claims/cbo-claims.module';
import { CbosModule } from './cbos/cbos.module';
import type { GatewayConfig } from './config/env';
import { GATEWAY_CONFIG } from './config/tokens';
import { DirectoryModule } from './directory/directory.module';
import { ExpansionModule } from './expansion/expansion.module';
import { FieldVisitsModule } from './field-visits/field-visits.module';
import { GrantApplicationsModule } from './grant-applications/grant-applications.module';
import { GrantReviewsModule } from './grant-reviews/grant-reviews.module';
import { GrantRoundsModule } from './grant-rounds/grant-rounds.module';
import { GrantRunModule } from './grant-run/grant-run.module';
import { HealthModule } from './health/health.module';
import { HotlineModule } from './hotline/hotline.module';
import { AuthGuard } from './http/auth.guard';
import { NotificationsModule } from './notifications/notifications.module';
import { PartnersModule } from './partners/partners.module';
import { PasswordResetModule } from './password-reset/password-reset.module';
import { PipelineModule } from './pipeline/pipeline.module';
import { ProvincesModule } from './provinces/provinces.module';
import { ReferralsModule } from './referrals/referrals.module';
import { SettingsModule } from './settings/settings.module';
import { StaffNamesModule } from './staff-names/staff-names.module';
import { TasksModule } from './tasks/tasks.module';
import { TrainingCalendarModule } from './training-calendar/training-calendar.module';
import { TrainingCertificatesModule } from './training-certificates/training-certificates.module';
import { TrainingModulesModule } from './training-modules/training-modules.module';
import { TrainingProgressModule } from './training-progress/training-progress.module';
import { TrainingRunModule } from './training-run/training-run.module';
import { TrainingSessionsModule } from './training-sessions/training-sessions.module';
import { TrainingTrainersModule } from './training-trainers/training-trainers.module';
import { UploadsModule } from './uploads/uploads.module';

/** One module per feature, each mounting the routes of its `<feature>.routes.ts`. */
export const FEATURES = [
  HealthModule,
  ProvincesModule,
  AuthModule,
  PasswordResetModule,
  AdminModule,
  CbosModule,
  CboClaimsModule,
  PipelineModule,
  TasksModule,
  DirectoryModule,
  ExpansionModule,
  SettingsModule,
  HotlineModule,
  ReferralsModule,
  PartnersModule,
  FieldVisitsModule,
  StaffNamesModule,
  NotificationsModule,
  TrainingModulesModule,
  TrainingTrainersModule,
  TrainingSessionsModule,
  TrainingRunModule,
  TrainingProgressModule,
  TrainingCertificatesModule,
  TrainingCalendarModule,
  GrantRoundsModule,
  GrantApplicationsModule,
  GrantReviewsModule,
  GrantRunModule,
  UploadsModule,
];

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        loggerModule('gateway', config.LOG_LEVEL),
        NatsClientModule.forRoot('gateway', config),
        ...FEATURES,
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [GATEWAY_CONFIG],
    };
  }
}
