import { z } from 'zod';
import { callerKeysEnv } from '../auth/caller-token';

/** Thrown at boot when the environment does not describe a working configuration. */
export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: string[],
  ) {
    super(`Invalid configuration for ${service}: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment once, at boot, against one schema.
 * The message names each variable that is wrong, never its value (it may be a secret).
 */
export function loadConfig<S extends z.ZodType>(
  service: string,
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.output<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      service,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`),
    );
  }
  return result.data;
}

const url = (protocols: string[], example: string) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      { message: `must be a URL like ${example}` },
    );

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Variables every service reads. */
export const baseEnv = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  NATS_URL: url(['nats:', 'tls:'], 'nats://127.0.0.1:4222').default('nats://127.0.0.1:4222'),
  NATS_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/, { message: 'must be lowercase letters, digits, - or _' })
    .default('bandanh'),
  NATS_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** This service's NATS user and password, where the server asks for them (infra/nats/). */
  NATS_USER: z.string().min(1).optional(),
  NATS_PASSWORD: z.string().min(1).optional(),
  ...callerKeysEnv,
};

export const databaseEnv = {
  DATABASE_URL: url(['postgres:', 'postgresql:'], 'postgres://user@127.0.0.1:5432/bandanh').default(
    'postgres://postgres@127.0.0.1:5432/bandanh',
  ),
};

export const temporalEnv = {
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[\w.-]+:\d+$/, { message: 'must be host:port, like 127.0.0.1:7233' })
    .default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('bandanh-pipeline'),
};

export type BaseConfig = z.output<z.ZodObject<typeof baseEnv>>;
