import { z } from 'zod';
import { defineContract } from '../contract';
import { IsoDate } from './cbo';
import { ProvinceCode } from './provinces';
import { PipelineStage } from '../orchestrator/pipeline';
import { TARGET_METRICS } from '../constants/expansion';

/** One phase of the expansion plan: the provinces it opens and when. */
export const ExpansionPhaseDraft = z.object({
  provinces: z.array(ProvinceCode).min(1, 'A phase opens at least one province').max(25),
  opensOn: IsoDate,
});
export const ExpansionPhase = ExpansionPhaseDraft.extend({
  seq: z.number().int(),
  openedAt: z.iso.datetime().nullable(),
});
export type ExpansionPhase = z.infer<typeof ExpansionPhase>;

export const ExpansionPlan = z
  .array(ExpansionPhaseDraft)
  .min(1, 'The plan needs at least one phase')
  .max(25)
  .refine((phases) => {
    const all = phases.flatMap((p) => p.provinces);
    return new Set(all).size === all.length;
  }, 'A province may be opened by one phase only')
  .refine(
    (phases) => phases.every((p, i) => i === 0 || p.opensOn >= phases[i - 1].opensOn),
    'Phases must be in date order',
  );

/** Stages counted by a target: participants are those in the directory or beyond. */
export { TARGET_METRICS };

export const TargetDraft = z.object({
  labelEn: z.string().trim().min(1, 'Give the English label').max(200),
  labelKm: z.string().trim().min(1, 'Give the Khmer label').max(200),
  metric: z.enum(TARGET_METRICS),
  count: z.coerce.number().int().min(1, 'A target is at least 1').max(100_000),
  /** Only these provinces count; all when empty. */
  provinces: z.array(ProvinceCode).default([]),
  dueOn: IsoDate,
});
export type TargetDraft = z.output<typeof TargetDraft>;

export const TargetProgress = TargetDraft.extend({ id: z.uuid(), actual: z.number().int() });
export type TargetProgress = z.infer<typeof TargetProgress>;

export const ProvinceProgress = z.object({
  provinceCode: z.string(),
  open: z.boolean(),
  openedAt: z.iso.datetime().nullable(),
  counts: z.record(PipelineStage, z.number().int()),
  total: z.number().int(),
});

export const ExpansionDashboard = z.object({
  phases: z.array(ExpansionPhase),
  targets: z.array(TargetProgress),
  provinces: z.array(ProvinceProgress),
  overall: z.object({ counts: z.record(PipelineStage, z.number().int()), total: z.number().int() }),
});
export type ExpansionDashboard = z.infer<typeof ExpansionDashboard>;

export const getExpansion = defineContract({
  subject: 'network.expansion.get',
  request: z.object({}),
  response: ExpansionDashboard,
});

export const saveExpansionPlan = defineContract({
  subject: 'network.expansion.savePlan',
  request: z.object({ phases: ExpansionPlan }),
  response: z.object({ phases: z.array(ExpansionPhase) }),
});

export const saveTargets = defineContract({
  subject: 'network.expansion.saveTargets',
  request: z.object({ targets: z.array(TargetDraft).max(50) }),
  response: z.object({ targets: z.array(TargetProgress) }),
});

/** Opens the next phase whose date has come; the expansion schedule calls it. */
export const openDuePhase = defineContract({
  subject: 'network.expansion.openDue',
  request: z.object({ asOf: z.iso.datetime() }),
  response: z.object({ opened: ExpansionPhase.nullable() }),
});

/** The provinces open to the network now. */
export const listOpenProvinces = defineContract({
  subject: 'network.expansion.openProvinces',
  request: z.object({}),
  response: z.object({ provinces: z.array(z.string()) }),
});
