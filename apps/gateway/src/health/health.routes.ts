import { Health } from '@bandanh/contracts';
import { defineRoute } from '../http/route-def';

/** Whether the system answers. */
export const HEALTH_ROUTES = {
  health: defineRoute({
    method: 'GET',
    path: '/health',
    operationId: 'getHealth',
    summary: 'Reports PostgreSQL, NATS, Temporal and each service',
    tag: 'system',
    access: 'public',
    status: 200,
    responses: {
      200: { description: 'Everything answers', schema: Health },
      503: { description: 'Something does not answer', schema: Health },
    },
  }),
};
