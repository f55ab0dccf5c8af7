import { z } from 'zod';
import { defineContract } from '../contract';
import { IdempotencyKey } from '../network/cbo';

/**
 * The training catalogue: the modules an admin keeps, each with its Khmer and English title and
 * description, its length, and whether a CBO must complete it before it is eligible for grants.
 */

/** The four modules a new installation starts with, all required for grants. */
export const DEFAULT_MODULE_IDS = [
  'human_rights',
  'monitoring_documentation',
  'advocacy',
  'organisational_development',
] as const;

/** A module's stable id: a lower-case slug (`human_rights`), never changed once created. */
export const ModuleId = z
  .string({ error: 'Give the module id' })
  .trim()
  .regex(
    /^[a-z][a-z0-9_]{1,62}$/,
    'Module id must be 2–63 lower-case letters, digits or _, starting with a letter',
  )
  .describe('A stable slug, e.g. human_rights');
export type ModuleId = z.infer<typeof ModuleId>;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

/** The longest a module may be: five days of eight hours. */
export const MAX_MODULE_MINUTES = 5 * 8 * 60;

/** What an admin writes for a module (its id aside). */
export const TrainingModuleDraft = z.object({
  titleKm: text('Khmer title', 200),
  titleEn: text('English title', 200),
  descriptionKm: text('Khmer description', 4000),
  descriptionEn: text('English description', 4000),
  durationMinutes: z
    .number({ error: 'Give the duration in minutes' })
    .int('Give the duration in whole minutes')
    .min(15, 'A module lasts at least 15 minutes')
    .max(MAX_MODULE_MINUTES, `A module lasts at most ${MAX_MODULE_MINUTES} minutes`),
  requiredForGrants: z.boolean({ error: 'Say whether the module is required for grants' }),
  active: z.boolean().default(true),
});
export type TrainingModuleDraft = z.output<typeof TrainingModuleDraft>;

/** A new module: its id and its facts. */
export const NewTrainingModule = TrainingModuleDraft.extend({ id: ModuleId });
export type NewTrainingModule = z.output<typeof NewTrainingModule>;

export const TrainingModule = z.object({
  id: z.string(),
  titleKm: z.string(),
  titleEn: z.string(),
  descriptionKm: z.string(),
  descriptionEn: z.string(),
  durationMinutes: z.number().int(),
  requiredForGrants: z.boolean(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type TrainingModule = z.infer<typeof TrainingModule>;

export const listTrainingModules = defineContract({
  subject: 'training.module.list',
  request: z.object({ includeInactive: z.boolean().default(false) }),
  response: z.object({ items: z.array(TrainingModule) }),
});

export const getTrainingModule = defineContract({
  subject: 'training.module.get',
  request: z.object({ id: z.string() }),
  response: z.object({ module: TrainingModule }),
});

/** Adds a module, once per idempotency key; an id already in the catalogue is refused (`module_exists`). */
export const createTrainingModule = defineContract({
  subject: 'training.module.create',
  request: z.object({ idempotencyKey: IdempotencyKey, module: NewTrainingModule }),
  response: z.object({ module: TrainingModule, created: z.boolean() }),
});

/** Changes a module's facts (its id stays). */
export const updateTrainingModule = defineContract({
  subject: 'training.module.update',
  request: z.object({ id: z.string(), module: TrainingModuleDraft }),
  response: z.object({ module: TrainingModule }),
});

/** The HTTP answers: a list of modules, one module, and one just added. */
export const TrainingModuleList = z.object({ items: z.array(TrainingModule) });
export type TrainingModuleList = z.infer<typeof TrainingModuleList>;
export const TrainingModuleView = z.object({ module: TrainingModule });
export type TrainingModuleView = z.infer<typeof TrainingModuleView>;
/** The module, and whether this request added it (false: a retry with the same key). */
export const SavedTrainingModule = z.object({ module: TrainingModule, created: z.boolean() });
export type SavedTrainingModule = z.infer<typeof SavedTrainingModule>;
