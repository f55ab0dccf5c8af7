import { ApplicationFailure } from '@temporalio/common';
import { appendAudit, getCbo, getCboApplicant, listCboMembers } from '@bandanh/contracts';
import { DomainError, systemCaller } from '@bandanh/platform';
import type { NotificationActivities } from '@bandanh/workflows';
import type { ServiceCall } from '../temporal/service-call';
import { isPermanentSmtpRefusal, type Mailer } from './notifications.mailer';
import type { NotificationsRepository } from './notifications.repository';
import type { NotificationsService } from './notifications.service';
import { renderNotification } from './notifications.templates';

type Log = Pick<NotificationsRepository, 'queue' | 'find' | 'markSent' | 'markFailed'>;

/** One line of what went wrong, without a stack. */
function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

/**
 * The notification workflow's activities: render the message in the recipient's language,
 * hand it to the SMTP relay and record the attempt. A failure is recorded and rethrown, so
 * Temporal retries it; a permanent refusal of the relay (5xx) or a template that cannot be
 * filled is not retried. A message already recorded as sent is never sent again.
 */
export function notificationActivities({
  log,
  mailer,
  send,
}: {
  log: Log;
  mailer: Pick<Mailer, 'send'>;
  send: ServiceCall;
}): NotificationActivities {
  const audit = (key: string, outcome: 'success' | 'failure', details: Record<string, unknown>) =>
    send(appendAudit, {
      action: outcome === 'success' ? 'notification.sent' : 'notification.failed',
      targetType: 'notification',
      targetId: key.slice(0, 100),
      outcome,
      details,
      eventId: `notification:${key}:${outcome}`.slice(0, 200),
    });

  return {
    async deliverNotification({ key, kind, locale, recipient, params, cboId }) {
      let message: { subject: string; text: string };
      try {
        message = renderNotification(kind, locale, params);
      } catch (error) {
        await log.queue({
          key,
          kind,
          locale,
          recipient: recipient.email,
          subject: '',
          cboId: cboId ?? null,
          userId: recipient.userId ?? null,
        });
        await log.markFailed(key, describe(error));
        throw ApplicationFailure.nonRetryable(
          describe(error),
          error instanceof DomainError ? error.code : 'TEMPLATE',
        );
      }
      await log.queue({
        key,
        kind,
        locale,
        recipient: recipient.email,
        subject: message.subject,
        cboId: cboId ?? null,
        userId: recipient.userId ?? null,
      });
      if ((await log.find(key))?.status === 'sent') return;
      try {
        await mailer.send({ key, to: recipient.email, ...message });
      } catch (error) {
        await log.markFailed(key, describe(error));
        if (isPermanentSmtpRefusal(error))
          throw ApplicationFailure.nonRetryable(describe(error), 'SMTP_REFUSED');
        throw ApplicationFailure.retryable(describe(error), 'SMTP_UNAVAILABLE');
      }
      await log.markSent(key);
      await audit(key, 'success', { kind, locale, cboId: cboId ?? null });
    },

    async abandonNotification({ key, error }) {
      await log.markFailed(key, error, false);
      await audit(key, 'failure', { error: error.slice(0, 200) });
    },
  };
}

/** A selection decision, as the pipeline's move records it. */
export interface DecisionNotice {
  cboId: string;
  /** The decision's own key, `decision-<cboId>-<n>`; each member's message adds their id. */
  key: string;
  outcome: 'selected' | 'declined';
  reason: string | null;
}

/**
 * Tells a CBO's linked members of a decision on it, each in their language: identity names
 * them, the network service the CBO. The public applicant who left an address on the apply form
 * is told too, in the language they applied in, with the reference they follow it by. Each
 * message starts once per recipient and decision (`<key>-<userId>`, `<key>-applicant`), so a
 * retried move sends nothing twice.
 */
export function decisionNotices({
  send,
  notifications,
  webUrl,
}: {
  send: ServiceCall;
  notifications: Pick<NotificationsService, 'send'>;
  /** The web's address as people reach it (`WEB_URL`), for the link to the status page. */
  webUrl: string;
}): (notice: DecisionNotice) => Promise<void> {
  const orchestrator = systemCaller('orchestrator');
  return async ({ cboId, key, outcome, reason }) => {
    const [{ cbo }, { items: members }, applicant] = await Promise.all([
      send(getCbo, { id: cboId }),
      send(listCboMembers, { cboId }),
      send(getCboApplicant, { cboId }),
    ]);
    const nameIn = (locale: 'km' | 'en') => (locale === 'km' && cbo.nameKm ? cbo.nameKm : cbo.name);
    const toApplicant =
      applicant.email && applicant.reference
        ? notifications.send(orchestrator, {
            key: `${key}-applicant`,
            kind: 'application_decision',
            locale: applicant.locale ?? 'km',
            recipient: { email: applicant.email },
            params: {
              cboName: nameIn(applicant.locale ?? 'km'),
              outcome,
              reason: reason ?? '',
              reference: applicant.reference,
              statusLink: `${webUrl}/${applicant.locale ?? 'km'}/apply/status?reference=${encodeURIComponent(applicant.reference)}`,
            },
            cboId,
          })
        : null;
    await Promise.all([
      toApplicant,
      ...members.map((member) =>
        notifications.send(orchestrator, {
          key: `${key}-${member.userId}`,
          kind: 'cbo_decision',
          locale: member.locale,
          recipient: { email: member.email, userId: member.userId },
          params: { cboName: nameIn(member.locale), outcome, reason: reason ?? '' },
          cboId,
        }),
      ),
    ]);
  };
}
