import { randomUUID } from 'node:crypto';
import { ErrorCode as NatsErrorCode, JSONCodec, NatsError, headers, type NatsConnection } from 'nats';
import {
  CALLER_HEADER,
  ErrorBody,
  toFieldIssues,
  type Caller,
  type Contract,
  type RequestOf,
  type ResponseOf,
} from '@bandanh/contracts';
import { mayAssert, type CallerSigner } from '../auth/caller-token';
import { DomainError } from '../errors/domain-error';
import { subjectFor } from './subjects';

const codec = JSONCodec<unknown>();

interface ReplyPacket {
  err?: unknown;
  response?: unknown;
}

/**
 * The typed request/reply client: validates the request with the contract before it leaves,
 * the reply with the contract when it arrives, and turns every failure into a DomainError.
 * Speaks the wire format of Nest's NATS transport.
 */
export class NatsRpc {
  constructor(
    private readonly connection: NatsConnection,
    private readonly prefix: string,
    private readonly timeoutMs: number,
    private readonly signer: CallerSigner,
  ) {}

  /** The service this client signs as. */
  get service(): string {
    return this.signer.issuer;
  }

  /**
   * Sends a request on behalf of `caller`, whose identity travels signed in a header for the
   * service to decide with. Only the gateway speaks for people; a service only for itself.
   */
  async send<C extends Contract>(
    contract: C,
    input: RequestOf<C>,
    caller: Caller,
    options: { timeoutMs?: number } = {},
  ): Promise<ResponseOf<C>> {
    const request = contract.request.safeParse(input);
    if (!request.success) throw DomainError.validation(request.error);

    if (!mayAssert(this.signer.issuer, caller)) {
      throw new Error(`The ${this.signer.issuer} service may not speak for a ${caller.kind} caller`);
    }
    const subject = subjectFor(this.prefix, contract.subject);
    const timeout = options.timeoutMs ?? this.timeoutMs;
    const packet = { pattern: contract.subject, data: request.data, id: randomUUID() };

    let reply: ReplyPacket;
    try {
      const h = headers();
      h.set(CALLER_HEADER, await this.signer.sign(caller, subject, request.data));
      const message = await this.connection.request(subject, codec.encode(packet), { timeout, headers: h });
      reply = (codec.decode(message.data) ?? {}) as ReplyPacket;
    } catch (error) {
      throw unavailable(error, contract.subject, timeout);
    }

    if (reply.err !== undefined && reply.err !== null) {
      const body = ErrorBody.safeParse(reply.err);
      throw body.success
        ? DomainError.fromBody(body.data)
        : new DomainError('INTERNAL', `${contract.subject} failed`);
    }
    const response = contract.response.safeParse(reply.response);
    if (!response.success) {
      throw new DomainError('INTERNAL', `The reply on ${contract.subject} breaks its contract`, {
        issues: toFieldIssues(response.error),
      });
    }
    return response.data as ResponseOf<C>;
  }
}

function unavailable(error: unknown, subject: string, timeout: number): unknown {
  if (error instanceof NatsError) {
    if (error.code === NatsErrorCode.NoResponders) {
      return new DomainError('UNAVAILABLE', `No service is answering ${subject}`);
    }
    if (error.code === NatsErrorCode.Timeout) {
      return new DomainError('UNAVAILABLE', `${subject} did not answer within ${timeout} ms`);
    }
    return new DomainError('UNAVAILABLE', `NATS failed on ${subject}: ${error.code}`);
  }
  return error;
}
