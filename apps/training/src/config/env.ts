import { z } from 'zod';
import { baseEnv, databaseEnv, loadConfig, webUrlEnv } from '@bandanh/platform';

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
  /** How many confirmed seats one CBO may hold at a session that sets no limit of its own. */
  TRAINING_SEATS_PER_CBO: z.coerce.number().int().min(1).max(500).default(3),
  /** How many of a CBO's members must attend a session for the CBO to complete its module. */
  TRAINING_COMPLETION_MIN_ATTENDEES: z.coerce.number().int().min(1).max(100).default(1),
  ...webUrlEnv,
});
export type TrainingConfig = z.output<typeof TrainingEnv>;

/** The service's configuration, for the features that read a setting of it. */
export const TRAINING_CONFIG = Symbol('TRAINING_CONFIG');

export function loadTrainingConfig(env?: Record<string, string | undefined>): TrainingConfig {
  return loadConfig('training', TrainingEnv, env);
}
