import { Logger } from '@nestjs/common';
import { ServerNats, type MessageHandler, type NatsContext } from '@nestjs/microservices';
import { JSONCodec, type Msg } from 'nats';
import { throwError } from 'rxjs';
import { CALLER_HEADER, MAX_REQUEST_BYTES, type Caller, type ErrorBody } from '@bandanh/contracts';
import { CallerRefused, type CallerVerifier } from '../auth/caller-token';
import { DomainError, toErrorBody } from '../errors/domain-error';
import { subjectFor } from './subjects';

type NatsServerOptions = ConstructorParameters<typeof ServerNats>[0];

const codec = JSONCodec<unknown>();
const VERIFIED_CALLER = Symbol('bandanh.verifiedCaller');

/** The caller that the transport verified for this message; a handler never sees an unverified one. */
export function verifiedCallerOf(context: NatsContext | undefined): Caller {
  const caller = (context as { [VERIFIED_CALLER]?: Caller } | undefined)?.[VERIFIED_CALLER];
  if (!caller) throw new CallerRefused('unsigned');
  return caller;
}

/** What Nest's NATS client sends: `{ pattern, data, id }`. */
interface RequestPacket {
  id: string;
  data: unknown;
}

/**
 * Nest's NATS transport, hardened:
 *
 * - every handler's subject is put under a deployment prefix, so that two deployments (or two
 *   test runs) can share one NATS server;
 * - a message that is too large, not JSON or not a request packet is answered with the one
 *   error shape (or dropped with a log line when it wants no answer); nothing a sender puts
 *   on the wire can throw out of the transport and end the process;
 * - the caller header is verified (signature, expiry, subject, payload digest, the issuer's
 *   right to assert that caller) before the handler runs; a refusal is UNAUTHENTICATED,
 *   logged, and nothing else runs.
 */
export class PrefixedNatsServer extends ServerNats {
  private readonly log = new Logger('NatsTransport');

  constructor(
    private readonly prefix: string,
    options: NatsServerOptions,
    private readonly verifier: CallerVerifier,
  ) {
    super(options);
  }

  override addHandler(
    pattern: unknown,
    callback: MessageHandler,
    isEventHandler?: boolean,
    extras?: Record<string, unknown>,
  ): void {
    const subject = subjectFor(this.prefix, this.normalizePattern(pattern as string));
    const verifying = (async (data: unknown, context: NatsContext) => {
      try {
        const header = context.getHeaders()?.get(CALLER_HEADER) || undefined;
        const caller = await this.verifier.verify(header, context.getSubject(), data);
        Object.defineProperty(context, VERIFIED_CALLER, { value: caller });
      } catch (error) {
        const reason = error instanceof CallerRefused ? error.reason : 'verifier_failed';
        this.log.warn(
          { subject: context.getSubject(), reason },
          'Refused a message: caller identity not valid',
        );
        const refusal = error instanceof CallerRefused ? error : new CallerRefused(reason);
        return throwError(() => refusal.toBody());
      }
      return callback(data, context);
    }) as MessageHandler;
    Object.assign(verifying, callback);
    super.addHandler(subject, verifying, isEventHandler, extras);
  }

  override async handleMessage(channel: string, natsMsg: Msg): Promise<void> {
    try {
      const refusal = screen(natsMsg);
      if (refusal) {
        this.log.warn(
          { subject: natsMsg.subject, bytes: natsMsg.data.length, problem: refusal.message },
          'Refused a malformed message',
        );
        this.answer(natsMsg, undefined, refusal);
        return;
      }
      await super.handleMessage(channel, natsMsg);
    } catch (error) {
      this.log.error({ err: error, subject: natsMsg.subject }, 'A message could not be handled');
      this.answer(natsMsg, undefined, toErrorBody(error));
    }
  }

  /** Answers a request in Nest's reply shape, when it asked for an answer. */
  private answer(natsMsg: Msg, id: string | undefined, err: ErrorBody): void {
    if (!natsMsg.reply) return;
    try {
      natsMsg.respond(codec.encode({ id, err, isDisposed: true }));
    } catch (error) {
      this.log.error({ err: error, subject: natsMsg.subject }, 'Could not answer a refused message');
    }
  }
}

/** The problem with a raw message that no handler should see, or nothing when it is a request packet. */
function screen(natsMsg: Msg): ErrorBody | undefined {
  const bad = (message: string) => new DomainError('VALIDATION_FAILED', message).toBody();
  if (natsMsg.data.length > MAX_REQUEST_BYTES) {
    return bad(`The message is ${natsMsg.data.length} bytes; at most ${MAX_REQUEST_BYTES} are accepted`);
  }
  let packet: unknown;
  try {
    packet = codec.decode(natsMsg.data);
  } catch {
    return bad('The message is not JSON');
  }
  if (!isRequestPacket(packet)) {
    return bad('The message is not a request: it must be a JSON object { id, data }');
  }
  return undefined;
}

function isRequestPacket(packet: unknown): packet is RequestPacket {
  return (
    typeof packet === 'object' &&
    packet !== null &&
    !Array.isArray(packet) &&
    typeof (packet as { id?: unknown }).id === 'string' &&
    (packet as { id: string }).id.length > 0 &&
    (packet as { id: string }).id.length <= 100
  );
}
