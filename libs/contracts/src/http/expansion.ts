import { z } from 'zod';
import { NetworkSettings } from '../network/assessment';
import { ExpansionPhase, TargetProgress } from '../network/expansion';

/** The expansion plan as saved, each phase with its number and when it opened. */
export const SavedPlan = z.object({ phases: z.array(ExpansionPhase) });
export type SavedPlan = z.infer<typeof SavedPlan>;

/** The targets as saved, each with its progress. */
export const SavedTargets = z.object({ targets: z.array(TargetProgress) });
export type SavedTargets = z.infer<typeof SavedTargets>;

/** The network settings and when they last changed (null: never, the defaults apply). */
export const NetworkSettingsView = z.object({
  settings: NetworkSettings,
  updatedAt: z.iso.datetime().nullable(),
});
export type NetworkSettingsView = z.infer<typeof NetworkSettingsView>;
