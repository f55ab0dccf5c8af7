import { RULE_REASONS, type PipelineEvent, type PipelineStage } from '@bandanh/contracts';

/** The steps a group goes through, in order, as the applicant sees them. */
export const STEPS = ['identified', 'assessment', 'selection', 'participant', 'training'] as const;
export type Step = (typeof STEPS)[number];

/** `stopped`: the step where a decline or a withdrawal ended the journey. */
export type StepState = 'done' | 'current' | 'upcoming' | 'stopped';

/**
 * Where each step stands for a group at `stage`. After a decline or a withdrawal, the last step
 * the history reached is where it stopped; a group past training has done every step.
 */
export function stepStates(
  stage: PipelineStage | null,
  history: ReadonlyArray<Pick<PipelineEvent, 'stage'>>,
): Array<{ step: Step; state: StepState }> {
  const at = (s: string) => STEPS.indexOf(s as Step);
  let current = at(stage ?? 'identified');
  let state: StepState = 'current';
  if (stage === 'grant_eligible') current = STEPS.length;
  else if (current < 0) {
    current = Math.max(0, ...history.map((event) => at(event.stage)));
    state = 'stopped';
  }
  return STEPS.map((step, i) => ({
    step,
    state: i < current ? 'done' : i === current ? state : 'upcoming',
  }));
}

export type RuleKey = keyof typeof RULE_REASONS;
const RULES = new Map(
  Object.entries(RULE_REASONS).map(([key, reason]) => [reason as string, key as RuleKey]),
);

/**
 * A decision's reason for the reader: a programme rule's reason names a sentence in their
 * language (under `myCbo.rules`, by its key in `RULE_REASONS`); a person's reason is shown as
 * they wrote it.
 */
export function reasonOf(reason: string | null): { rule: RuleKey } | { text: string } | null {
  if (!reason) return null;
  const rule = RULES.get(reason);
  return rule ? { rule } : { text: reason };
}
