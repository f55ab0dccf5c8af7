import { log, proxyActivities } from '@temporalio/workflow';
import type { ExpansionPhase } from '@bandanh/contracts';
import { ACTIVITY_OPTIONS } from '../shared/activity-options';
import type { ExpansionActivities } from './definitions';

const { openDuePhase } = proxyActivities<ExpansionActivities>(ACTIVITY_OPTIONS);

/** Opens the next phase of the expansion plan if its date has come. */
export async function openNextExpansionPhase(): Promise<ExpansionPhase | null> {
  const opened = await openDuePhase({ asOf: new Date().toISOString() });
  if (opened) log.info('Opened an expansion phase', { seq: opened.seq, provinces: opened.provinces });
  return opened;
}
