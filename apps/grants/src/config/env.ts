import { z } from 'zod';
import { baseEnv, databaseEnv, loadConfig } from '@bandanh/platform';

const MIB = 1024 * 1024;

export const GrantsEnv = z.object({
  ...baseEnv,
  ...databaseEnv,
  /** The most bytes all the files of one application may hold together. */
  GRANT_APPLICATION_FILES_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1024 * MIB)
    .default(30 * MIB),
  /** The web's address as people reach it, for the links in the grants service's emails. */
  WEB_URL: z
    .url({
      protocol: /^https?$/,
      error: 'must be the http(s) address of the web, like https://bandanh.example.org',
    })
    .default('http://localhost:3000')
    .transform((value) => value.replace(/\/+$/, '')),
});
export type GrantsConfig = z.output<typeof GrantsEnv>;

/** The service's configuration, for the features that read a setting of it. */
export const GRANTS_CONFIG = Symbol('GRANTS_CONFIG');

export function loadGrantsConfig(env?: Record<string, string | undefined>): GrantsConfig {
  return loadConfig('grants', GrantsEnv, env);
}
