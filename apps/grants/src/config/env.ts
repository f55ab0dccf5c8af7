import { z } from 'zod';
import { baseEnv, databaseEnv, loadConfig, webUrlEnv } from '@bandanh/platform';

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
  ...webUrlEnv,
});
export type GrantsConfig = z.output<typeof GrantsEnv>;

/** The service's configuration, for the features that read a setting of it. */
export const GRANTS_CONFIG = Symbol('GRANTS_CONFIG');

export function loadGrantsConfig(env?: Record<string, string | undefined>): GrantsConfig {
  return loadConfig('grants', GrantsEnv, env);
}
