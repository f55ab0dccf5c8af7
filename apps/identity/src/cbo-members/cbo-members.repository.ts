import { Inject, Injectable } from '@nestjs/common';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { IDENTITY_DB, type IdentityDatabase } from '../db/database.module';
import { users } from '../db/schema';

export interface MemberRow {
  userId: string;
  email: string;
  displayName: string;
  locale: 'km' | 'en';
}

@Injectable()
export class CboMembersRepository {
  constructor(@Inject(IDENTITY_DB) private readonly database: IdentityDatabase) {}

  /** The applicants linked to the CBO whose accounts are not disabled. */
  async activeMembers(cboId: string): Promise<MemberRow[]> {
    return this.database.db
      .select({
        userId: users.id,
        email: users.email,
        displayName: users.displayName,
        locale: users.locale,
      })
      .from(users)
      .where(and(eq(users.cboId, cboId), eq(users.kind, 'applicant'), isNull(users.disabledAt)))
      .orderBy(asc(users.createdAt));
  }
}
