import { log, proxyActivities } from '@temporalio/workflow';
import type { ExpansionPhase } from '@bandanh/contracts';

export const OPEN_NEXT_PHASE_WORKFLOW = 'openNextExpansionPhase';
/** The schedule that runs it, at the interval the configuration gives. */
export const EXPANSION_SCHEDULE_ID = 'network-expansion';

export interface ExpansionActivities {
  openDuePhase(input: { asOf: string }): Promise<ExpansionPhase | null>;
}

const { openDuePhase } = proxyActivities<ExpansionActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Opens the next phase of the expansion plan if its date has come. */
export async function openNextExpansionPhase(): Promise<ExpansionPhase | null> {
  const opened = await openDuePhase({ asOf: new Date().toISOString() });
  if (opened) log.info('Opened an expansion phase', { seq: opened.seq, provinces: opened.provinces });
  return opened;
}
