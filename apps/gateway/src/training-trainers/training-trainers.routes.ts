import { z } from 'zod';
import {
  Availability,
  ROLE_GROUPS,
  SavedTrainer,
  TrainerDraft,
  TrainerList,
  TrainerView,
} from '@bandanh/contracts';
import { DENIED, defineRoute, idParam, problem } from '../http/route-def';

const TrainerId = idParam('Trainer');

/** Trainers: admins and coordinators keep every profile, a trainer their own availability. */
export const TRAINING_TRAINER_ROUTES = {
  listTrainers: defineRoute({
    method: 'GET',
    path: '/api/training/trainers',
    operationId: 'listTrainers',
    summary: 'The trainers, with what they teach, where they travel and when they are free',
    tag: 'training',
    access: ROLE_GROUPS.trainerKeepers,
    query: z.object({
      moduleId: z.string().optional(),
      provinceCode: z.string().optional(),
      includeInactive: z
        .enum(['true', 'false'])
        .default('false')
        .transform((value) => value === 'true'),
    }),
    status: 200,
    responses: { 200: { description: 'Trainers', schema: TrainerList }, ...DENIED },
  }),
  getTrainer: defineRoute({
    method: 'GET',
    path: '/api/training/trainers/:id',
    operationId: 'getTrainer',
    summary: "A trainer's profile (a trainer may read only their own)",
    tag: 'training',
    access: [...ROLE_GROUPS.trainerKeepers, ...ROLE_GROUPS.trainers],
    params: TrainerId,
    status: 200,
    responses: {
      200: { description: 'The trainer', schema: TrainerView },
      404: problem('No profile for this account'),
      ...DENIED,
    },
  }),
  saveTrainer: defineRoute({
    method: 'PUT',
    path: '/api/training/trainers/:id',
    operationId: 'saveTrainer',
    summary: "Adds or replaces a trainer's profile: modules, provinces and availability",
    tag: 'training',
    access: ROLE_GROUPS.trainerKeepers,
    params: TrainerId,
    body: TrainerDraft,
    status: 200,
    responses: {
      200: { description: 'The trainer, and whether the profile is new', schema: SavedTrainer },
      400: problem('A field is missing or wrong (a module not in the catalogue: `moduleIds`)'),
      ...DENIED,
    },
  }),
  updateTrainerAvailability: defineRoute({
    method: 'PUT',
    path: '/api/training/trainers/:id/availability',
    operationId: 'updateTrainerAvailability',
    summary: "Replaces a trainer's weekly windows and dated exceptions",
    tag: 'training',
    access: ROLE_GROUPS.trainerKeepers,
    params: TrainerId,
    body: Availability,
    status: 200,
    responses: {
      200: { description: 'The trainer', schema: TrainerView },
      400: problem('A window or an exception is not valid'),
      404: problem('No profile for this account'),
      ...DENIED,
    },
  }),
  getOwnTrainer: defineRoute({
    method: 'GET',
    path: '/api/training/me',
    operationId: 'getOwnTrainer',
    summary: "The signed-in trainer's own profile",
    tag: 'training',
    access: ROLE_GROUPS.trainers,
    status: 200,
    responses: {
      200: { description: 'The trainer', schema: TrainerView },
      404: problem('No profile yet: an admin or coordinator adds it'),
      ...DENIED,
    },
  }),
  updateOwnAvailability: defineRoute({
    method: 'PUT',
    path: '/api/training/me/availability',
    operationId: 'updateOwnAvailability',
    summary: "Replaces the signed-in trainer's weekly windows and dated exceptions",
    tag: 'training',
    access: ROLE_GROUPS.trainers,
    body: Availability,
    status: 200,
    responses: {
      200: { description: 'The trainer', schema: TrainerView },
      400: problem('A window or an exception is not valid'),
      404: problem('No profile yet: an admin or coordinator adds it'),
      ...DENIED,
    },
  }),
};
