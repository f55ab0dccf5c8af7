import { Inject, Injectable } from '@nestjs/common';
import { IDENTITY_DB, type IdentityDatabase } from '../db/database.module';

@Injectable()
export class HealthRepository {
  constructor(@Inject(IDENTITY_DB) private readonly database: IdentityDatabase) {}

  /** One round trip to PostgreSQL. */
  async ping(): Promise<void> {
    await this.database.sql`select 1`;
  }
}
