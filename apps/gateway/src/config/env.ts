import { z } from 'zod';
import { baseEnv, databaseEnv, loadConfig, temporalEnv } from '@bandanh/platform';

const UNITS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  sec: 1_000,
  second: 1_000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
};

/** Milliseconds of a duration written like the orchestrator's: `1 minute`, `90s`, `2 hours`, `500ms`. */
export function parseDuration(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(value.trim());
  if (!match) return undefined;
  const name = match[2].toLowerCase();
  const unit = [name, name.replace(/s$/, '')].find((candidate) => Object.hasOwn(UNITS, candidate));
  const ms = unit === undefined ? 0 : Math.round(Number(match[1]) * UNITS[unit]);
  return ms > 0 ? ms : undefined;
}

/** A duration, in milliseconds once parsed. */
const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, context) => {
      const ms = parseDuration(value);
      if (ms === undefined) {
        context.addIssue({
          code: 'custom',
          message: 'must be a duration such as "1 minute", "90s" or "2 hours"',
        });
        return z.NEVER;
      }
      return ms;
    });

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
    PUBLIC_WRITE_WINDOW: duration('1 minute'),
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
