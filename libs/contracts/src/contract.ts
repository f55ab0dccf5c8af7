import type { z } from 'zod';

/**
 * One NATS request/reply message: its subject and the schemas of both sides.
 * The same contract validates in the caller and in the handler.
 */
export interface Contract<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  /** `<domain>.<entity>.<verb>`, without the deployment prefix. */
  readonly subject: string;
  readonly request: Req;
  readonly response: Res;
  /**
   * How long a caller waits for the reply, when longer than a read's: a workflow step answers
   * once its update has been applied, after its activities ran.
   */
  readonly timeoutMs?: number;
}

/** A workflow step's wait: its update runs activities (and under load, waits for a worker). */
export const WORKFLOW_STEP_TIMEOUT_MS = 30_000;

export type RequestOf<C extends Contract> = z.input<C['request']>;
export type ParsedRequestOf<C extends Contract> = z.output<C['request']>;
export type ResponseOf<C extends Contract> = z.output<C['response']>;

const SUBJECT = /^[a-z]+(\.[a-z][a-zA-Z]*)+$/;

export function defineContract<Req extends z.ZodType, Res extends z.ZodType>(contract: {
  subject: string;
  request: Req;
  response: Res;
  timeoutMs?: number;
}): Contract<Req, Res> {
  if (!SUBJECT.test(contract.subject)) {
    throw new Error(`Contract subject "${contract.subject}" must read <domain>.<entity>.<verb>`);
  }
  return Object.freeze(contract);
}
