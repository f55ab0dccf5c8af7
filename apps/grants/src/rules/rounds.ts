import type { EligibilityRule, RoundEligibility, RoundState } from '@bandanh/contracts';

/** What the rules read of a round. */
export interface RoundRules {
  opensAt: string | Date;
  closesAt: string | Date;
  minAmount: number;
  maxAmount: number;
  eligibility: RoundEligibility;
}

/** What the rules read of a CBO. */
export interface CboRules {
  provinceCode: string;
  focusIssues: readonly string[];
  stage: string | null;
}

/** Whether a round takes applications at `at`: from its opening (included) to its closing (excluded). */
export function roundState(
  round: Pick<RoundRules, 'opensAt' | 'closesAt'>,
  at: Date = new Date(),
): RoundState {
  const time = at.getTime();
  if (time < new Date(round.opensAt).getTime()) return 'upcoming';
  if (time >= new Date(round.closesAt).getTime()) return 'closed';
  return 'open';
}

/**
 * The rules a CBO fails to apply to a round: it must be at pipeline stage `grant_eligible`, in
 * one of the round's provinces and work on one of its focus issues (an empty list: all).
 */
export function cboFailures(cbo: CboRules, round: Pick<RoundRules, 'eligibility'>): EligibilityRule[] {
  const failed: EligibilityRule[] = [];
  if (cbo.stage !== 'grant_eligible') failed.push('cbo_not_grant_eligible');
  const { provinceCodes, focusIssues } = round.eligibility;
  if (provinceCodes.length > 0 && !provinceCodes.includes(cbo.provinceCode as never)) {
    failed.push('province_not_in_round');
  }
  if (focusIssues.length > 0 && !cbo.focusIssues.some((issue) => focusIssues.includes(issue as never))) {
    failed.push('focus_issue_not_in_round');
  }
  return failed;
}

/** The rules a requested amount fails: within the round's minimum and ceiling per grant. */
export function amountFailures(
  requested: number,
  round: Pick<RoundRules, 'minAmount' | 'maxAmount'>,
): EligibilityRule[] {
  if (requested < round.minAmount) return ['amount_below_minimum'];
  if (requested > round.maxAmount) return ['amount_above_ceiling'];
  return [];
}

/**
 * The automatic eligibility check of a submitted application: the CBO's rules, the amount, and
 * the round open when it was submitted.
 */
export function automaticCheck(input: {
  cbo: CboRules | null;
  round: RoundRules;
  requested: number;
  submittedAt: Date;
}): { passed: boolean; failed: EligibilityRule[] } {
  const failed: EligibilityRule[] = input.cbo
    ? cboFailures(input.cbo, input.round)
    : ['cbo_not_grant_eligible'];
  failed.push(...amountFailures(input.requested, input.round));
  if (roundState(input.round, input.submittedAt) !== 'open') failed.push('round_not_open');
  return { passed: failed.length === 0, failed };
}
