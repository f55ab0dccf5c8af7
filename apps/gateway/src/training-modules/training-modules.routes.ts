import { z } from 'zod';
import {
  ModuleId,
  NewTrainingModule,
  ROLE_GROUPS,
  SavedTrainingModule,
  TrainingModuleDraft,
  TrainingModuleList,
  TrainingModuleView,
} from '@bandanh/contracts';
import { DENIED, IdempotencyHeader, createdAnswers, defineRoute, problem } from '../http/route-def';

const ModuleParam = z.object({ id: ModuleId });

/** The training catalogue: programme staff and trainers read it, an admin keeps it. */
export const TRAINING_MODULE_ROUTES = {
  listTrainingModules: defineRoute({
    method: 'GET',
    path: '/api/training/modules',
    operationId: 'listTrainingModules',
    summary: 'The training modules, in Khmer and English, with whether each is required for grants',
    tag: 'training',
    access: ROLE_GROUPS.trainingReaders,
    query: z.object({
      includeInactive: z
        .enum(['true', 'false'])
        .default('false')
        .transform((value) => value === 'true'),
    }),
    status: 200,
    responses: { 200: { description: 'Modules', schema: TrainingModuleList }, ...DENIED },
  }),
  getTrainingModule: defineRoute({
    method: 'GET',
    path: '/api/training/modules/:id',
    operationId: 'getTrainingModule',
    summary: 'One training module',
    tag: 'training',
    access: ROLE_GROUPS.trainingReaders,
    params: ModuleParam,
    status: 200,
    responses: {
      200: { description: 'The module', schema: TrainingModuleView },
      404: problem('No such module'),
      ...DENIED,
    },
  }),
  createTrainingModule: defineRoute({
    method: 'POST',
    path: '/api/training/modules',
    operationId: 'createTrainingModule',
    summary: 'Adds a module to the catalogue',
    tag: 'training',
    access: ROLE_GROUPS.admins,
    headers: IdempotencyHeader,
    body: NewTrainingModule,
    status: 201,
    responses: {
      ...createdAnswers('The module', SavedTrainingModule),
      400: problem('A field is missing or wrong'),
      409: problem('The catalogue already has a module with this id (`details.reason`: module_exists)'),
      ...DENIED,
    },
  }),
  updateTrainingModule: defineRoute({
    method: 'PUT',
    path: '/api/training/modules/:id',
    operationId: 'updateTrainingModule',
    summary: "Changes a module's titles, descriptions, duration, or whether it is required or active",
    tag: 'training',
    access: ROLE_GROUPS.admins,
    params: ModuleParam,
    body: TrainingModuleDraft,
    status: 200,
    responses: {
      200: { description: 'The module', schema: TrainingModuleView },
      400: problem('A field is missing or wrong'),
      404: problem('No such module'),
      ...DENIED,
    },
  }),
};
