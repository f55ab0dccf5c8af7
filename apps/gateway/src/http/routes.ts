import { ADMIN_ROUTES } from '../admin/admin.routes';
import { AUTH_ROUTES } from '../auth/auth.routes';
import { CLAIM_ROUTES } from '../cbo-claims/cbo-claims.routes';
import { CBO_ROUTES } from '../cbos/cbos.routes';
import { DIRECTORY_ROUTES } from '../directory/directory.routes';
import { EXPANSION_ROUTES } from '../expansion/expansion.routes';
import { FIELD_VISIT_ROUTES } from '../field-visits/field-visits.routes';
import { GRANT_APPLICATION_ROUTES } from '../grant-applications/grant-applications.routes';
import { GRANT_REVIEW_ROUTES } from '../grant-reviews/grant-reviews.routes';
import { GRANT_ROUND_ROUTES } from '../grant-rounds/grant-rounds.routes';
import { GRANT_RUN_ROUTES } from '../grant-run/grant-run.routes';
import { HEALTH_ROUTES } from '../health/health.routes';
import { HOTLINE_ROUTES } from '../hotline/hotline.routes';
import { NOTIFICATION_ROUTES } from '../notifications/notifications.routes';
import { PARTNER_ROUTES } from '../partners/partners.routes';
import { PASSWORD_RESET_ROUTES } from '../password-reset/password-reset.routes';
import { PIPELINE_ROUTES } from '../pipeline/pipeline.routes';
import { PROVINCE_ROUTES } from '../provinces/provinces.routes';
import { REFERRAL_ROUTES } from '../referrals/referrals.routes';
import { SETTINGS_ROUTES } from '../settings/settings.routes';
import { STAFF_NAME_ROUTES } from '../staff-names/staff-names.routes';
import { TASK_ROUTES } from '../tasks/tasks.routes';
import { TRAINING_CALENDAR_ROUTES } from '../training-calendar/training-calendar.routes';
import { TRAINING_CERTIFICATE_ROUTES } from '../training-certificates/training-certificates.routes';
import { TRAINING_MODULE_ROUTES } from '../training-modules/training-modules.routes';
import { TRAINING_PROGRESS_ROUTES } from '../training-progress/training-progress.routes';
import { TRAINING_RUN_ROUTES } from '../training-run/training-run.routes';
import { TRAINING_SESSION_ROUTES } from '../training-sessions/training-sessions.routes';
import { TRAINING_TRAINER_ROUTES } from '../training-trainers/training-trainers.routes';

/**
 * Every route of the API, with who may call it: each feature declares its own in the
 * `<feature>.routes.ts` beside its controller, and this table gathers them. A controller method
 * mounts one of these, the guard enforces its access, and the OpenAPI document lists them. Like
 * the features' files, this one loads nothing of Nest or Fastify: the web imports it
 * (`@bandanh/gateway/routes`) for its typed client. (Two features naming the same route would
 * leave one controller method off the table, which `routes.spec.ts` catches.)
 */
export const ROUTES = {
  ...HEALTH_ROUTES,
  ...PROVINCE_ROUTES,
  ...AUTH_ROUTES,
  ...PASSWORD_RESET_ROUTES,
  ...ADMIN_ROUTES,
  ...CBO_ROUTES,
  ...CLAIM_ROUTES,
  ...PIPELINE_ROUTES,
  ...TASK_ROUTES,
  ...DIRECTORY_ROUTES,
  ...EXPANSION_ROUTES,
  ...SETTINGS_ROUTES,
  ...HOTLINE_ROUTES,
  ...REFERRAL_ROUTES,
  ...PARTNER_ROUTES,
  ...FIELD_VISIT_ROUTES,
  ...STAFF_NAME_ROUTES,
  ...NOTIFICATION_ROUTES,
  ...TRAINING_MODULE_ROUTES,
  ...TRAINING_TRAINER_ROUTES,
  ...TRAINING_SESSION_ROUTES,
  ...TRAINING_RUN_ROUTES,
  ...TRAINING_PROGRESS_ROUTES,
  ...TRAINING_CERTIFICATE_ROUTES,
  ...TRAINING_CALENDAR_ROUTES,
  ...GRANT_ROUND_ROUTES,
  ...GRANT_APPLICATION_ROUTES,
  ...GRANT_REVIEW_ROUTES,
  ...GRANT_RUN_ROUTES,
};

export type RouteName = keyof typeof ROUTES;

export type { RouteDef, RouteOutput, RouteRequest } from './route-def';
