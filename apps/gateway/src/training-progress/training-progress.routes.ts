import { z } from 'zod';
import { CboTrainingProgress, ROLE_GROUPS } from '@bandanh/contracts';
import { DENIED, defineRoute, problem } from '../http/route-def';

/** A CBO's training, for its own members and the programme's staff. */
export const TRAINING_PROGRESS_ROUTES = {
  getCboTrainingProgress: defineRoute({
    method: 'GET',
    path: '/api/training/progress/:cboId',
    operationId: 'getCboTrainingProgress',
    summary:
      "A CBO's training: modules done of those required, its upcoming sessions with the member's seat, its certificates",
    tag: 'training',
    access: [...ROLE_GROUPS.trainingReaders, ...ROLE_GROUPS.applicants],
    params: z.object({ cboId: z.uuid({ error: 'CBO id must be a UUID' }) }),
    status: 200,
    responses: {
      200: { description: 'The progress', schema: CboTrainingProgress },
      400: problem('Not a CBO id'),
      404: problem('No such CBO, or not yours'),
      ...DENIED,
    },
  }),
};
