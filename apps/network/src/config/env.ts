import { z } from 'zod';
import { baseEnv, databaseEnv, loadConfig } from '@bandanh/platform';

export const NetworkEnv = z.object({ ...baseEnv, ...databaseEnv });
export type NetworkConfig = z.output<typeof NetworkEnv>;

export function loadNetworkConfig(env?: Record<string, string | undefined>): NetworkConfig {
  return loadConfig('network', NetworkEnv, env);
}
