import { z } from 'zod';
import { baseEnv, databaseEnv, durationEnv, loadConfig, temporalEnv } from '@bandanh/platform';

const MiB = 1024 * 1024;

/** Where uploaded files go (see uploads/upload-storage.ts) and how large they may be. */
const uploadEnv = {
  /** `file`: local disk under UPLOAD_DIR; `s3`: an S3-compatible bucket (S3_*), for production. */
  UPLOAD_STORE: z.enum(['file', 's3']).default('file'),
  /** The local store's folder; default `.data/uploads` at the repository's root (git-ignored). */
  UPLOAD_DIR: z.string().trim().min(1).optional(),
  S3_BUCKET: z.string().trim().min(1).optional(),
  S3_REGION: z.string().trim().min(1).default('us-east-1'),
  /** An S3-compatible service's address (MinIO, Wasabi, Spaces...); unset: AWS itself. */
  S3_ENDPOINT: z.url({ message: 'must be a URL' }).optional(),
  /** Unset: the SDK's own chain (environment, instance role...). */
  S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),
  /** `true` for services that address buckets by path (MinIO). */
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /**
   * Where clients reach the uploads, which the tus Location answers start with: the gateway's
   * own `/api/uploads` by default; a proxy in front may name its own with `X-Forwarded-Prefix`.
   */
  UPLOAD_PUBLIC_PATH: z
    .string()
    .regex(/^(\/[\w-]+)+$/, { message: 'must be a path like /uploads' })
    .default('/api/uploads'),
  /** An upload never finished for this long is deleted (the member gave up), swept hourly. */
  UPLOAD_ABANDONED_AFTER: durationEnv('7 days'),
  /** The most bytes one attachment may have. */
  GRANT_FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(10 * MiB),
  /** The most bytes all of one application's attachments may have together. */
  GRANT_APPLICATION_FILES_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(30 * MiB),
};

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
    ...uploadEnv,
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.GATEWAY_ENCRYPTION_KEYS !== DEV_KEYS, {
    path: ['GATEWAY_ENCRYPTION_KEYS'],
    message: 'must be set in production (the development key is public)',
  })
  .refine((env) => env.UPLOAD_STORE !== 's3' || env.S3_BUCKET !== undefined, {
    path: ['S3_BUCKET'],
    message: 'must be set when UPLOAD_STORE is s3',
  });
export type GatewayConfig = z.output<typeof GatewayEnv>;

export function loadGatewayConfig(env?: Record<string, string | undefined>): GatewayConfig {
  return loadConfig('gateway', GatewayEnv, env);
}
