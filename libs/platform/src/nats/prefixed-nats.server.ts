import { Logger } from '@nestjs/common';
import { NatsContext, ServerNats, type MessageHandler, type ReadPacket } from '@nestjs/microservices';
import { NO_MESSAGE_HANDLER } from '@nestjs/microservices/constants';
import { JSONCodec, type Msg } from 'nats';
import { throwError } from 'rxjs';
import { CALLER_HEADER, MAX_REQUEST_BYTES, type Caller, type ErrorBody } from '@bandanh/contracts';
import { CallerRefused, type CallerVerifier } from '../auth/caller-token';
import { DomainError, toErrorBody } from '../errors/domain-error';
import { VerifiedCallerTokens } from './caller-token-cache';
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
  pattern?: unknown;
  data?: unknown;
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
 *   logged, and nothing else runs. A token whose signature held once is not checked again
 *   (`VerifiedCallerTokens`); its subject, payload digest and expiry are, every time;
 * - a message is decoded once: the packet the screening read is the one the handler gets.
 */
/** How many messages a server is handling now. */
class InFlight {
  count = 0;
}

/**
 * The options with a grace period that waits only when it has to: Nest's graceful close waits
 * the whole period after unsubscribing, which made every idle service take that long to stop.
 * Read when the close begins: nothing in flight, no wait; else the configured period (Nest's
 * default of 10 s when none is set).
 */
function graceWhileBusy(options: NatsServerOptions, flight: InFlight): NatsServerOptions {
  const grace = options.gracePeriod ?? NATS_DEFAULT_GRACE_PERIOD_MS;
  const adjusted = { ...options };
  Object.defineProperty(adjusted, 'gracePeriod', {
    enumerable: true,
    get: () => (flight.count === 0 ? 0 : grace),
  });
  return adjusted;
}

/** Nest's own grace period for NATS (`NATS_DEFAULT_GRACE_PERIOD`), when the options set none. */
const NATS_DEFAULT_GRACE_PERIOD_MS = 10_000;

export class PrefixedNatsServer extends ServerNats {
  private readonly log = new Logger('NatsTransport');
  private readonly verifier: VerifiedCallerTokens;

  constructor(
    private readonly prefix: string,
    options: NatsServerOptions,
    verifier: CallerVerifier,
    private readonly flight: InFlight = new InFlight(),
  ) {
    super(graceWhileBusy(options, flight));
    this.verifier = new VerifiedCallerTokens(verifier);
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
    this.flight.count += 1;
    try {
      await this.screenAndHandle(channel, natsMsg);
    } finally {
      this.flight.count -= 1;
    }
  }

  private async screenAndHandle(channel: string, natsMsg: Msg): Promise<void> {
    try {
      const screened = screen(natsMsg);
      if ('refusal' in screened) {
        this.log.warn(
          { subject: natsMsg.subject, bytes: natsMsg.data.length, problem: screened.refusal.message },
          'Refused a malformed message',
        );
        this.answer(natsMsg, undefined, screened.refusal);
        return;
      }
      await this.handlePacket(channel, natsMsg, screened.packet);
    } catch (error) {
      this.log.error({ err: error, subject: natsMsg.subject }, 'A message could not be handled');
      this.answer(natsMsg, undefined, toErrorBody(error));
    }
  }

  /**
   * What Nest's `ServerNats.handleMessage` does, from the packet `screen` decoded rather than
   * from the bytes again, and with the handler found by its subject (Nest first tries each
   * subject as JSON, which throws for every one of ours).
   */
  private async handlePacket(channel: string, natsMsg: Msg, packet: RequestPacket): Promise<void> {
    const context = new NatsContext([natsMsg.subject, natsMsg.headers]);
    // As Nest's IncomingRequestDeserializer: a packet with neither pattern nor data is an event's data.
    const message: ReadPacket & { id?: string } =
      packet.pattern === undefined && packet.data === undefined
        ? { pattern: channel, data: packet }
        : (packet as ReadPacket & { id: string });
    if (message.id === undefined) {
      await this.handleEvent(channel, message, context);
      return;
    }
    const publish = this.getPublisher(natsMsg, message.id, context);
    const handler = this.getHandlerByPattern(channel);
    if (!handler) {
      publish({ id: message.id, status: 'error', err: NO_MESSAGE_HANDLER });
      return;
    }
    // Typed void, the hook answers the promise of its callback: awaited, so that a handler that
    // throws is answered by handleMessage.
    await (this.onProcessingStartHook(this.transportId, context, async () => {
      const response$ = this.transformToObservable(await handler(message.data, context));
      if (response$) this.send(response$, publish);
    }) as unknown as Promise<void>);
  }

  /** The handler of a subject: ours are the keys themselves (see `handlePacket`). */
  override getHandlerByPattern(pattern: string): MessageHandler | null {
    return this.messageHandlers.get(pattern) ?? super.getHandlerByPattern(pattern);
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

/** The request packet of a raw message, or the problem with one that no handler should see. */
function screen(natsMsg: Msg): { packet: RequestPacket } | { refusal: ErrorBody } {
  const bad = (message: string) => ({ refusal: new DomainError('VALIDATION_FAILED', message).toBody() });
  const data = natsMsg.data;
  if (data.length > MAX_REQUEST_BYTES) {
    return bad(`The message is ${data.length} bytes; at most ${MAX_REQUEST_BYTES} are accepted`);
  }
  let packet: unknown;
  try {
    packet = codec.decode(data);
  } catch {
    return bad('The message is not JSON');
  }
  if (!isRequestPacket(packet)) {
    return bad('The message is not a request: it must be a JSON object { id, data }');
  }
  return { packet };
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
