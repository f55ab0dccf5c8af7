import { z } from 'zod';
import { baseEnv, databaseEnv, durationEnv, loadConfig, temporalEnv } from '@bandanh/platform';

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
    /** How many writes one client address may make to each public route that writes, per window. */
    PUBLIC_WRITE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(20),
    /** The window of PUBLIC_WRITE_LIMIT (and the TTL of the `<NATS_PREFIX>_ratelimit` bucket). */
    PUBLIC_WRITE_WINDOW: durationEnv('1 minute'),
    /**
     * The secret the web proves itself with when it names the visitor's address; default: the
     * file `web-proxy.secret` in the keys folder (`pnpm keys:generate` writes it). Without it the
     * gateway counts every request under its socket address.
     */
    WEB_PROXY_SECRET: z.string().trim().min(32, { message: 'must be at least 32 characters' }).optional(),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.GATEWAY_ENCRYPTION_KEYS !== DEV_KEYS, {
    path: ['GATEWAY_ENCRYPTION_KEYS'],
    message: 'must be set in production (the development key is public)',
  });
export type GatewayConfig = z.output<typeof GatewayEnv>;

export function loadGatewayConfig(env?: Record<string, string | undefined>): GatewayConfig {
  return loadConfig('gateway', GatewayEnv, env);
}
