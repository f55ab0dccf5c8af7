import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { createDatabase, type Database } from './database';

/**
 * A global Nest module that provides a service's drizzle connection under `token`, on its own
 * schema, and closes the pool when the application shuts down.
 */
export function databaseModule<TSchema extends Record<string, unknown>>(
  token: symbol,
  url: string,
  schema: TSchema,
  max?: number,
): DynamicModule {
  class DatabaseCloser implements OnApplicationShutdown {
    constructor(@Inject(token) private readonly database: Database<TSchema>) {}

    async onApplicationShutdown(): Promise<void> {
      await this.database.close();
    }
  }

  @Module({})
  class DatabaseModule {}

  return {
    module: DatabaseModule,
    global: true,
    providers: [{ provide: token, useFactory: () => createDatabase(url, schema, { max }) }, DatabaseCloser],
    exports: [token],
  };
}
