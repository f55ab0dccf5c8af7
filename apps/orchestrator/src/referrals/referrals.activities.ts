import { recordReferralOutcome } from '@bandanh/contracts';
import type { ReferralActivities, TaskActivities } from '@bandanh/workflows';
import type { ServiceCall } from '../temporal/service-call';

/** The referral follow-up's call to the network service, which keeps the referral. */
export function referralActivities({
  send,
}: {
  send: ServiceCall;
}): Omit<ReferralActivities, keyof TaskActivities> {
  return {
    async recordReferralOutcome({ referralId, outcome, note, recordedBy, round }) {
      await send(recordReferralOutcome, { id: referralId, outcome, note, recordedBy, round });
    },
  };
}
