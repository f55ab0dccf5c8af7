import { Injectable } from '@nestjs/common';
import type { NotificationLocale } from '@bandanh/contracts';
import { emailTaken } from '../accounts/accounts.errors';
import { onUser } from '../audit/audit.service';
import { Transactions } from '../db/database.module';
import { PasswordHasher } from '../security/passwords';
import { SessionsService, type SignedIn } from '../sessions/sessions.service';

/** An applicant signs up on their own; they see nothing until linked to their CBO. */
@Injectable()
export class SignUpService {
  constructor(
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly transactions: Transactions,
  ) {}

  async signUp(
    email: string,
    displayName: string,
    password: string,
    locale: NotificationLocale = 'km',
  ): Promise<SignedIn> {
    const passwordHash = await this.hasher.hashNew(password, email);
    return this.transactions.run(async (tx) => {
      const signedIn = await this.sessions.openAccount(
        { email, displayName, kind: 'applicant', roles: [], passwordHash, locale },
        (userId) => ({ action: 'account.sign_up', outcome: 'success', ...onUser(userId) }),
        tx,
      );
      if (!signedIn) throw emailTaken('sign in instead');
      return signedIn;
    });
  }
}
