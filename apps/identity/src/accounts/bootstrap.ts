import type { NotificationLocale, StaffRole } from '@bandanh/contracts';
import { SecretBox, createDatabase } from '@bandanh/platform';
import { encryptionKeys, type IdentityConfig } from '../config/env';
import * as schema from '../db/schema';
import { PasswordHasher } from '../security/passwords';
import { AccountsRepository } from './accounts.repository';

export interface AccountSeed {
  email: string;
  displayName: string;
  password: string;
  kind: 'staff' | 'applicant';
  roles?: StaffRole[];
  cboId?: string | null;
  /** Turns two-factor authentication on with this base32 secret. */
  totpSecret?: string;
  /** The language they read; Khmer when not said. */
  locale?: NotificationLocale;
}

/**
 * Creates accounts straight in the identity schema, or leaves them as they are when the email
 * exists: the first admin of a deployment, the demo users, the accounts of a test.
 */
export async function ensureAccounts(
  config: IdentityConfig,
  seeds: AccountSeed[],
): Promise<Record<string, string>> {
  const database = createDatabase(config.DATABASE_URL, schema, { max: 1 });
  const accounts = new AccountsRepository(database);
  const hasher = new PasswordHasher(config.ARGON2_MEMORY_KIB);
  const { keys, currentKeyId } = encryptionKeys(config);
  const box = new SecretBox(keys, currentKeyId);
  const ids: Record<string, string> = {};
  try {
    for (const seed of seeds) {
      const email = seed.email.toLowerCase();
      const existing = await accounts.findByEmail(email);
      const created = existing
        ? undefined
        : await accounts.insert({
            email,
            displayName: seed.displayName,
            kind: seed.kind,
            roles: seed.roles ?? [],
            cboId: seed.cboId ?? null,
            passwordHash: await hasher.hash(seed.password),
            ...(seed.locale ? { locale: seed.locale } : {}),
          });
      if (created && seed.totpSecret) {
        const totpSecret = box.seal(seed.totpSecret, created.id);
        await accounts.update(created.id, { totpSecret, totpEnabledAt: new Date() });
      }
      // An account created meanwhile by another process is left as it is, like an existing one.
      ids[email] = (created ?? existing ?? (await accounts.findByEmail(email)))!.id;
    }
    return ids;
  } finally {
    await database.close();
  }
}
