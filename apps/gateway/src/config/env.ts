import { z } from 'zod';
import { baseEnv, databaseEnv, loadConfig, temporalEnv } from '@bandanh/platform';

export const GatewayEnv = z.object({
  ...baseEnv,
  ...databaseEnv,
  ...temporalEnv,
  GATEWAY_HOST: z.string().min(1).default('127.0.0.1'),
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
});
export type GatewayConfig = z.output<typeof GatewayEnv>;

export function loadGatewayConfig(env?: Record<string, string | undefined>): GatewayConfig {
  return loadConfig('gateway', GatewayEnv, env);
}
