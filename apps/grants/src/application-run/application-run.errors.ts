import { GrantRefusal } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';

export { applicationNotFound, roundNotFound } from '../applications/applications.errors';

const refused = (message: string, reason: GrantRefusal, details: Record<string, unknown> = {}) =>
  new DomainError('CONFLICT', message, { reason, ...details });

export function wrongStage(stage: string): DomainError {
  return refused(`The application is at the ${stage} stage`, GrantRefusal.enum.wrong_stage, { stage });
}

export function notAssigned(): DomainError {
  return refused('You are not a reviewer of this application', GrantRefusal.enum.not_assigned);
}

export function notDeclared(): DomainError {
  return refused('Declare that you have no conflict before scoring', GrantRefusal.enum.not_declared);
}

export function alreadyDone(status: string): DomainError {
  return refused(
    status === 'scored' ? 'You already scored this application' : 'You already declared on this application',
    GrantRefusal.enum.already_done,
    { status },
  );
}

/** An approval for more than is left of the round's envelope: nothing changed. */
export function envelopeExhausted(remaining: number, amount: number): DomainError {
  return refused(
    "The round's envelope has less left than this approval needs",
    GrantRefusal.enum.envelope_exhausted,
    { remaining, amount },
  );
}

export function amountTooHigh(max: number): DomainError {
  return refused(
    'The approved amount is more than the application asks for',
    GrantRefusal.enum.amount_too_high,
    {
      max,
    },
  );
}

export function reasonRequired(): DomainError {
  return refused('Give the reason the CBO will read', GrantRefusal.enum.reason_required);
}

export function fourEyes(): DomainError {
  return refused(
    'Whoever submitted or reviewed the application cannot decide it (four eyes)',
    GrantRefusal.enum.four_eyes,
  );
}

/**
 * Whether an error is a refusal of the decision by the rules (the envelope, four eyes, the
 * stage...): audited as a failure outside the rolled-back transaction.
 */
export function isRefusal(error: unknown): error is DomainError & { details: Record<string, unknown> } {
  return error instanceof DomainError && error.code === 'CONFLICT' && error.details !== undefined;
}
