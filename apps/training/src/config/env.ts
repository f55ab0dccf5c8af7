import { z } from 'zod';
import { baseEnv, databaseEnv, loadConfig } from '@bandanh/platform';

export const TrainingEnv = z.object({
  ...baseEnv,
  ...databaseEnv,
  /** Minutes a trainer needs between sessions in different provinces. */
  TRAINING_TRAVEL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(120),
});
export type TrainingConfig = z.output<typeof TrainingEnv>;

/** The service's configuration, for the features that read a setting of it. */
export const TRAINING_CONFIG = Symbol('TRAINING_CONFIG');

export function loadTrainingConfig(env?: Record<string, string | undefined>): TrainingConfig {
  return loadConfig('training', TrainingEnv, env);
}
