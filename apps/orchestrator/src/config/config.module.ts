import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { OrchestratorConfig } from './env';

export const ORCHESTRATOR_CONFIG = Symbol('ORCHESTRATOR_CONFIG');

/** The configuration validated at boot, for every feature that needs a setting. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: OrchestratorConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: ORCHESTRATOR_CONFIG, useValue: config }],
      exports: [ORCHESTRATOR_CONFIG],
    };
  }
}
