import { z } from 'zod';
import { baseEnv, loadConfig, temporalEnv } from '@bandanh/platform';

export const OrchestratorEnv = z.object({ ...baseEnv, ...temporalEnv });
export type OrchestratorConfig = z.output<typeof OrchestratorEnv>;

export function loadOrchestratorConfig(env?: Record<string, string | undefined>): OrchestratorConfig {
  return loadConfig('orchestrator', OrchestratorEnv, env);
}
