import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { createDatabase, type Database } from '@bandanh/platform';
import * as schema from './schema';

export const IDENTITY_DB = Symbol('IDENTITY_DB');
export type IdentityDatabase = Database<typeof schema>;
export type Db = IdentityDatabase['db'];
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A repository method runs on the pool or inside a caller's transaction. */
export type Executor = Db | Tx;

class DatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(IDENTITY_DB) private readonly database: IdentityDatabase) {}

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
      providers: [{ provide: IDENTITY_DB, useFactory: () => createDatabase(url, schema) }, DatabaseCloser],
      exports: [IDENTITY_DB],
    };
  }
}
