import { z } from 'zod';
import { baseEnv, databaseEnv, durationEnv, loadConfig, webUrlEnv } from '@bandanh/platform';

/** A development-only key: production must set IDENTITY_ENCRYPTION_KEYS (refused otherwise). */
const DEV_KEYS = 'dev:YmFuZGFuaC1kZXZlbG9wbWVudC1rZXktMzItYnl0ZXM=';

const keyList = z.string().regex(/^[\w-]+:[A-Za-z0-9+/=]+(,[\w-]+:[A-Za-z0-9+/=]+)*$/, {
  message: 'must be id:base64key pairs separated by commas, the current key first',
});

export const IdentityEnv = z
  .object({
    ...baseEnv,
    ...databaseEnv,
    IDENTITY_ENCRYPTION_KEYS: keyList.default(DEV_KEYS),
    SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(12),
    SIGN_IN_LOCK_AFTER: z.coerce.number().int().min(1).default(5),
    SIGN_IN_LOCK_MINUTES: z.coerce.number().positive().default(15),
    SIGN_IN_DELAY_MS: z.coerce.number().int().min(0).default(250),
    INVITATION_TTL_HOURS: z.coerce.number().positive().default(72),
    CBO_LINK_CODE_TTL_DAYS: z.coerce.number().positive().default(14),
    ARGON2_MEMORY_KIB: z.coerce.number().int().min(1024).default(19_456),
    /** How long a password reset link works (in ms once read). */
    PASSWORD_RESET_TTL: durationEnv('30 minutes'),
    /** How many reset links one address gets per PASSWORD_RESET_WINDOW; more asks are answered alike, and sent nothing. */
    PASSWORD_RESET_LIMIT: z.coerce.number().int().min(1).default(3),
    PASSWORD_RESET_WINDOW: durationEnv('1 hour'),
    /** The least time a reset request takes to answer, so that its timing does not tell a known address from another. */
    PASSWORD_RESET_ANSWER_MS: z.coerce.number().int().min(0).default(300),
    ...webUrlEnv,
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.IDENTITY_ENCRYPTION_KEYS !== DEV_KEYS, {
    path: ['IDENTITY_ENCRYPTION_KEYS'],
    message: 'must be set in production (the development key is public)',
  });
export type IdentityConfig = z.output<typeof IdentityEnv>;

export function loadIdentityConfig(env?: Record<string, string | undefined>): IdentityConfig {
  return loadConfig('identity', IdentityEnv, env);
}

/** The keys, current first: `{ keys, currentKeyId }` for a SecretBox. */
export function encryptionKeys(config: IdentityConfig): {
  keys: Record<string, string>;
  currentKeyId: string;
} {
  const pairs = config.IDENTITY_ENCRYPTION_KEYS.split(',').map((pair) => pair.split(':') as [string, string]);
  return { keys: Object.fromEntries(pairs), currentKeyId: pairs[0][0] };
}
