import { openDuePhase } from '@bandanh/contracts';
import type { ExpansionActivities } from '@bandanh/workflows';
import type { ServiceCall } from '../temporal/service-call';

/** The expansion workflow's call to the network service, which keeps the plan. */
export function expansionActivities({ send }: { send: ServiceCall }): ExpansionActivities {
  return {
    async openDuePhase({ asOf }) {
      return (await send(openDuePhase, { asOf })).opened;
    },
  };
}
