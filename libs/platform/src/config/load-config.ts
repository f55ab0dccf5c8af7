import { z } from 'zod';
import { durationMs } from '@bandanh/contracts/constants';
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
  /** The most connections a service's pool opens (tests running several stacks at once keep it low). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(100).default(10),
};

/** Where email goes out: an SMTP relay (locally Mailpit), and the sender it names. */
export const mailEnv = {
  SMTP_URL: url(['smtp:', 'smtps:'], 'smtp://user:password@relay.example.org:587').default(
    'smtp://127.0.0.1:1025',
  ),
  MAIL_FROM: z
    .string()
    .trim()
    .regex(/^([^<>]+ )?<?[^\s@<>]+@[^\s@<>]+>?$/, {
      message: 'must be an address, or a name and <address>, like "Bandanh <no-reply@example.org>"',
    })
    .default('Bandanh <no-reply@bandanh.local>'),
};

/** The web's address as people reach it, for the links a service writes into its emails. */
export const webUrlEnv = {
  WEB_URL: z
    .url({
      protocol: /^https?$/,
      error: 'must be the http(s) address of the web, like https://bandanh.example.org',
    })
    .default('http://localhost:3000')
    .transform((value) => value.replace(/\/+$/, '')),
};

export const temporalEnv = {
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[\w.-]+:\d+$/, { message: 'must be host:port, like 127.0.0.1:7233' })
    .default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('bandanh-pipeline'),
};

// The one duration parser, which workflows use too (they load neither zod nor the platform).
export { durationMs };

/** A variable holding a duration (`1 minute`, `90s`, `2 hours`), in milliseconds once read. */
export const durationEnv = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, context) => {
      const ms = durationMs(value);
      if (ms === undefined) {
        context.addIssue({
          code: 'custom',
          message: 'must be a duration such as "1 minute", "90s" or "2 hours"',
        });
        return z.NEVER;
      }
      return ms;
    });

export type BaseConfig = z.output<z.ZodObject<typeof baseEnv>>;
