import type { NotificationLocale } from '@bandanh/contracts';

// The grants service's messages are the platform's (`message`, `notificationKey`); params follow
// the orchestrator's templates (amounts in minor units with the currency, names in both languages).
export { message, notificationKey, type Recipient } from '@bandanh/platform';

/** The member's page of their CBO's application. */
export function applicationLink(webUrl: string, locale: NotificationLocale, applicationId: string): string {
  return `${webUrl}/${locale}/my-cbo/grants/${applicationId}`;
}
