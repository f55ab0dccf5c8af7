import { z } from 'zod';
import { baseEnv, databaseEnv, loadConfig, temporalEnv } from '@bandanh/platform';

/** A development-only key, refused in production. */
const DEV_KEYS = 'dev:YmFuZGFuaC1nYXRld2F5LWRldi1rZXktMzItYnl0ZXM=';

export const GatewayEnv = z
  .object({
    ...baseEnv,
    ...databaseEnv,
    ...temporalEnv,
    GATEWAY_HOST: z.string().min(1).default('127.0.0.1'),
    GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    /** Seals the first answers kept for idempotent retries: `id:base64key` pairs, current first. */
    GATEWAY_ENCRYPTION_KEYS: z
      .string()
      .regex(/^[\w-]+:[A-Za-z0-9+/=]+(,[\w-]+:[A-Za-z0-9+/=]+)*$/, {
        message: 'must be id:base64key pairs separated by commas',
      })
      .default(DEV_KEYS),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.GATEWAY_ENCRYPTION_KEYS !== DEV_KEYS, {
    path: ['GATEWAY_ENCRYPTION_KEYS'],
    message: 'must be set in production (the development key is public)',
  });
export type GatewayConfig = z.output<typeof GatewayEnv>;

export function loadGatewayConfig(env?: Record<string, string | undefined>): GatewayConfig {
  return loadConfig('gateway', GatewayEnv, env);
}
