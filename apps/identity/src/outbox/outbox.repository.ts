import { Inject, Injectable } from '@nestjs/common';
import { isNotNull } from 'drizzle-orm';
import { IDENTITY_DB, type IdentityDatabase } from '../db/database.module';
import { outbox } from '../db/schema';

/** The rows of identity's outbox that the relay has delivered. */
@Injectable()
export class OutboxRepository {
  constructor(@Inject(IDENTITY_DB) private readonly database: IdentityDatabase) {}

  /** Deletes every delivered message (a reset link's email carries the link); answers how many. */
  async deleteDelivered(): Promise<number> {
    const deleted = await this.database.db
      .delete(outbox)
      .where(isNotNull(outbox.deliveredAt))
      .returning({ id: outbox.id });
    return deleted.length;
  }
}
