import { z } from 'zod';
import { defineContract } from './contract';

export const CheckStatus = z.enum(['up', 'down']);
export const Check = z.object({
  status: CheckStatus,
  latencyMs: z.number().optional(),
  error: z.string().optional(),
});
export type Check = z.infer<typeof Check>;

export const ServiceHealth = z.object({
  service: z.string(),
  status: CheckStatus,
  checks: z.record(z.string(), Check),
});
export type ServiceHealth = z.infer<typeof ServiceHealth>;

export const Health = z.object({
  status: CheckStatus,
  checks: z.record(z.string(), Check),
});
export type Health = z.infer<typeof Health>;

export function healthContract(service: string) {
  return defineContract({
    subject: `${service}.health.check`,
    request: z.object({}),
    response: ServiceHealth,
  });
}

export const networkHealth = healthContract('network');
export const orchestratorHealth = healthContract('orchestrator');
export const identityHealth = healthContract('identity');
export const trainingHealth = healthContract('training');
export const grantsHealth = healthContract('grants');
