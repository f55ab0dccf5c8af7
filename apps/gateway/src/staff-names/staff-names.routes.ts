import { z } from 'zod';
import { ROLE_GROUPS, StaffNameList } from '@bandanh/contracts';
import { DENIED, defineRoute, problem } from '../http/route-def';

/** Staff members' names, for pages that show who did what. */
export const STAFF_NAME_ROUTES = {
  lookupStaffNames: defineRoute({
    method: 'GET',
    path: '/api/staff-names',
    operationId: 'lookupStaffNames',
    summary: "Staff members' display names for ids shown on staff pages (who recorded, assessed, decided)",
    tag: 'admin',
    access: ROLE_GROUPS.taskHolders,
    query: z.object({
      ids: z
        .string()
        .max(3700)
        .transform((value) => value.split(',').filter(Boolean))
        .pipe(z.array(z.uuid({ error: 'Each id must be a UUID' })).max(100, 'At most 100 ids')),
    }),
    status: 200,
    responses: {
      200: { description: 'The names of the staff accounts among the ids', schema: StaffNameList },
      400: problem('An id is not a UUID'),
      ...DENIED,
    },
  }),
};
