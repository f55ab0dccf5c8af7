import type { ExpansionPhase } from '@bandanh/contracts';

export const OPEN_NEXT_PHASE_WORKFLOW = 'openNextExpansionPhase';
/** The schedule that runs it, at the interval the configuration gives. */
export const EXPANSION_SCHEDULE_ID = 'network-expansion';

export interface ExpansionActivities {
  openDuePhase(input: { asOf: string }): Promise<ExpansionPhase | null>;
}
