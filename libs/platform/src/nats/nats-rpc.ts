import { randomUUID } from 'node:crypto';
import { ErrorCode as NatsErrorCode, JSONCodec, NatsError, headers, type NatsConnection } from 'nats';
import {
  CALLER_HEADER,
  ErrorBody,
  type Caller,
  type Contract,
  type RequestOf,
  type ResponseOf,
} from '@bandanh/contracts';
import { mayAssert, type CallerSigner } from '../auth/caller-token';
import { DomainError } from '../errors/domain-error';
import { ReusedCallerTokens } from './caller-token-cache';
import { subjectFor } from './subjects';

const codec = JSONCodec<unknown>();

interface ReplyPacket {
  err?: unknown;
  response?: unknown;
}

/**
 * The typed request/reply client; it speaks the wire format of Nest's NATS transport and turns
 * every failure into a DomainError.
 *
 * Each message is checked once, by the side that owns it: the service parses the request with
 * the contract (a message on NATS is untrusted input, and a bad one comes back here as
 * VALIDATION_FAILED naming the field), and checks its answer with the contract before it leaves
 * (`@Handles`). So the request is not parsed here before it leaves, nor the answer again when it
 * arrives: the client only decodes the reply once.
 */
export class NatsRpc {
  private readonly signer: ReusedCallerTokens;

  constructor(
    private readonly connection: NatsConnection,
    private readonly prefix: string,
    private readonly timeoutMs: number,
    signer: CallerSigner,
  ) {
    this.signer = new ReusedCallerTokens(signer);
  }

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
    if (!mayAssert(this.signer.issuer, caller)) {
      throw new Error(`The ${this.signer.issuer} service may not speak for a ${caller.kind} caller`);
    }
    const subject = subjectFor(this.prefix, contract.subject);
    const timeout = options.timeoutMs ?? contract.timeoutMs ?? this.timeoutMs;
    const packet = { pattern: contract.subject, data: input, id: randomUUID() };

    let reply: ReplyPacket;
    try {
      const h = headers();
      h.set(CALLER_HEADER, await this.signer.sign(caller, subject, input));
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
    return reply.response as ResponseOf<C>;
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
