import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { createDatabase, type Database } from '@bandanh/platform';
import * as schema from './schema';

export const NETWORK_DB = Symbol('NETWORK_DB');
export type NetworkDatabase = Database<typeof schema>;

class DatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(NETWORK_DB) private readonly database: NetworkDatabase) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: NETWORK_DB, useFactory: () => createDatabase(url, schema) }, DatabaseCloser],
      exports: [NETWORK_DB],
    };
  }
}
