import { Module, type DynamicModule } from '@nestjs/common';
import { NatsClientModule, loggerModule } from '@bandanh/platform';
import { AssessmentsModule } from './assessments/assessments.module';
import { CbosModule } from './cbos/cbos.module';
import type { NetworkConfig } from './config/env';
import { databaseModule } from './db/database.module';
import { DirectoryModule } from './directory/directory.module';
import { ExpansionModule } from './expansion/expansion.module';
import { FieldVisitsModule } from './field-visits/field-visits.module';
import { HealthModule } from './health/health.module';
import { HotlineModule } from './hotline/hotline.module';
import { OutboxModule } from './outbox/outbox.module';
import { PartnersModule } from './partners/partners.module';
import { ProvincesModule } from './provinces/provinces.module';
import { RecordNamesModule } from './record-names/record-names.module';
import { ReferralsModule } from './referrals/referrals.module';
import { SettingsModule } from './settings/settings.module';

@Module({})
export class AppModule {
  static forRoot(config: NetworkConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggerModule('network', config.LOG_LEVEL),
        NatsClientModule.forRoot('network', config),
        databaseModule(config.DATABASE_URL, config.DATABASE_POOL_MAX),
        OutboxModule,
        HealthModule,
        ProvincesModule,
        SettingsModule,
        ExpansionModule,
        CbosModule,
        AssessmentsModule,
        DirectoryModule,
        PartnersModule,
        HotlineModule,
        ReferralsModule,
        FieldVisitsModule,
        RecordNamesModule,
      ],
    };
  }
}
