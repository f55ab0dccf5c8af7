import type { Caller, Cbo, PipelineState } from '@bandanh/contracts';

/**
 * What a CBO's own member reads of their group: the group's facts and where it stands, without
 * what only staff need (who recorded or assessed it, the field visit, the duplicate checks, the
 * inbox task behind the next step). Staff read everything.
 */
export function cboFor(caller: Caller, cbo: Cbo): Cbo {
  if (caller.kind !== 'applicant') return cbo;
  return {
    ...cbo,
    foundBy: null,
    fieldVisitId: null,
    likelyDuplicateOf: [],
    possibleDuplicateOf: null,
    duplicateDecision: null,
    duplicateOf: null,
  };
}

/** The pipeline as the member reads it: its stages and reasons, no staff member named. */
export function pipelineFor(caller: Caller, state: PipelineState): PipelineState {
  if (caller.kind !== 'applicant') return state;
  return {
    ...state,
    assessedBy: null,
    history: state.history.map((event) => ({ ...event, by: null })),
    ...(state.waitingFor ? { waitingFor: { ...state.waitingFor, taskId: null } } : {}),
  };
}
