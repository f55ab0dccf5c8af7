import { z } from 'zod';
import {
  ExpansionDashboard,
  ExpansionPlan,
  ROLE_GROUPS,
  SavedPlan,
  SavedTargets,
  TargetDraft,
} from '@bandanh/contracts';
import { DENIED, defineRoute, problem } from '../http/route-def';

/** The expansion plan, its targets and the dashboard. */
export const EXPANSION_ROUTES = {
  getExpansion: defineRoute({
    method: 'GET',
    path: '/api/expansion',
    operationId: 'getExpansion',
    summary: 'The expansion plan, the targets with progress, and counts per province and stage',
    tag: 'expansion',
    access: ROLE_GROUPS.programmeStaff,
    status: 200,
    responses: { 200: { description: 'The dashboard', schema: ExpansionDashboard }, ...DENIED },
  }),
  saveExpansionPlan: defineRoute({
    method: 'PUT',
    path: '/api/expansion/plan',
    operationId: 'saveExpansionPlan',
    summary: 'Replaces the expansion plan (phases already open keep their provinces)',
    tag: 'expansion',
    access: ROLE_GROUPS.admins,
    body: z.object({ phases: ExpansionPlan }),
    status: 200,
    responses: {
      200: { description: 'The plan', schema: SavedPlan },
      400: problem('The plan is not valid'),
      409: problem('An open phase would change'),
      ...DENIED,
    },
  }),
  saveTargets: defineRoute({
    method: 'PUT',
    path: '/api/expansion/targets',
    operationId: 'saveTargets',
    summary: 'Replaces the targets',
    tag: 'expansion',
    access: ROLE_GROUPS.admins,
    body: z.object({ targets: z.array(TargetDraft).max(50) }),
    status: 200,
    responses: {
      200: { description: 'The targets with progress', schema: SavedTargets },
      400: problem('A target is not valid'),
      ...DENIED,
    },
  }),
};
