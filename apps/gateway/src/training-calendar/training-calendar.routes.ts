import { z } from 'zod';
import { ROLE_GROUPS, getTrainerCalendarToken } from '@bandanh/contracts';
import { DENIED, RATE_LIMITED, defineRoute, problem } from '../http/route-def';

const CalendarToken = getTrainerCalendarToken.response;

/** A trainer's secret calendar feed: the trainer keeps the token, a calendar app reads the feed. */
export const TRAINING_CALENDAR_ROUTES = {
  getTrainerCalendarToken: defineRoute({
    method: 'GET',
    path: '/api/training/me/calendar',
    operationId: 'getTrainerCalendarToken',
    summary:
      "The signed-in trainer's calendar feed: its address the first time, afterwards only that one exists",
    tag: 'training',
    access: ROLE_GROUPS.trainers,
    status: 200,
    responses: { 200: { description: 'The feed', schema: CalendarToken }, ...DENIED },
  }),
  rotateTrainerCalendarToken: defineRoute({
    method: 'POST',
    path: '/api/training/me/calendar',
    operationId: 'rotateTrainerCalendarToken',
    summary: "Gives the trainer's feed a new secret address; the old one stops working",
    tag: 'training',
    access: ROLE_GROUPS.trainers,
    status: 200,
    responses: { 200: { description: 'The new address, shown once', schema: CalendarToken }, ...DENIED },
  }),
  getTrainerCalendarFeed: defineRoute({
    method: 'GET',
    path: '/api/training/calendar/:token.ics',
    operationId: 'getTrainerCalendarFeed',
    // The token is the only key: counting asks per address keeps anyone from trying many.
    rateLimit: 'publicWrite',
    summary: "A trainer's sessions as an iCalendar feed (text/calendar), by the feed's secret token",
    tag: 'training',
    access: 'public',
    params: z.object({
      token: z
        .string({ error: 'Give the feed token' })
        .min(16, 'Not a feed token')
        .max(128, 'Not a feed token')
        .regex(/^[A-Za-z0-9_-]+$/, 'Not a feed token'),
    }),
    status: 200,
    responses: {
      200: { description: 'The iCalendar text (text/calendar; charset=utf-8)' },
      400: problem('Not a feed token'),
      404: problem('No feed has this token'),
      429: problem(RATE_LIMITED),
    },
  }),
};
