import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type OnModuleInit,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { JSONCodec, type KV, type NatsConnection } from 'nats';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { IdempotencyKey, toFieldIssues, type Caller } from '@bandanh/contracts';
import { DomainError, NATS_CONNECTION, SecretBox, hashRequest, sha256 } from '@bandanh/platform';
import { GATEWAY_CONFIG } from '../config/tokens';
import type { GatewayConfig } from '../config/env';
import { ROUTE_METADATA, type RouteDef } from './route-def';

interface Remembered {
  state: 'pending' | 'done';
  requestHash: string;
  status?: number;
  /** The first answer, sealed: it may carry a token. */
  body?: string;
}

const codec = JSONCodec<Remembered>();
const HEADER = 'idempotency-key';
/** Set on a request this interceptor has taken, so that it acts once however often it is applied. */
const TAKEN = Symbol('bandanh.idempotency');

function whoOf(caller: Caller | undefined): string {
  if (!caller) return 'anonymous';
  if (caller.kind === 'staff' || caller.kind === 'applicant') return caller.userId;
  return caller.kind;
}

/**
 * Create commands accept an Idempotency-Key header. The first answer is kept (sealed) in a
 * JetStream key-value bucket for a day: a retry with the same key and body gets it again and
 * creates nothing; the same key with another body is refused; a retry while the first is still
 * running is told so.
 *
 * `Endpoint` applies it to the routes marked `idempotent` only, so that every other route runs
 * with no interceptor at all. Applied twice to a request (also globally), it acts once.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor, OnModuleInit {
  private kv?: KV;
  private readonly box: SecretBox;

  constructor(
    private readonly reflector: Reflector,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {
    const pairs = config.GATEWAY_ENCRYPTION_KEYS.split(',').map(
      (pair) => pair.split(':') as [string, string],
    );
    this.box = new SecretBox(Object.fromEntries(pairs), pairs[0][0]);
  }

  async onModuleInit(): Promise<void> {
    this.kv = await this.nats
      .jetstream()
      .views.kv(`${this.config.NATS_PREFIX}_idempotency`, { ttl: 24 * 3_600_000, history: 1 });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<RouteDef | undefined>(ROUTE_METADATA, context.getHandler());
    const request = context.switchToHttp().getRequest<FastifyRequest & { [TAKEN]?: true }>();
    const raw = request.headers[HEADER];
    if (!route?.idempotent || raw === undefined || request[TAKEN]) return next.handle();
    request[TAKEN] = true;
    return from(this.once(route, request, context.switchToHttp().getResponse<FastifyReply>(), raw, next));
  }

  private async once(
    route: RouteDef,
    request: FastifyRequest,
    reply: FastifyReply,
    raw: string | string[],
    next: CallHandler,
  ) {
    const key = IdempotencyKey.safeParse(raw);
    if (!key.success)
      throw DomainError.invalid(toFieldIssues(key.error).map((i) => ({ ...i, in: 'header', path: HEADER })));
    const kv = this.kv!;
    const entryKey = sha256(`${route.operationId}\n${whoOf(request.caller)}\n${key.data}`);
    const requestHash = hashRequest({ params: request.params, body: request.body ?? null });

    let revision: number;
    try {
      revision = await kv.create(entryKey, codec.encode({ state: 'pending', requestHash }));
    } catch {
      const seen = await kv.get(entryKey);
      const remembered = seen?.value.length ? codec.decode(seen.value) : undefined;
      if (!remembered)
        throw new DomainError(
          'CONFLICT',
          'A request with this idempotency key is in progress; retry shortly',
        );
      if (remembered.requestHash !== requestHash) {
        throw new DomainError(
          'IDEMPOTENCY_KEY_REUSED',
          'This idempotency key was already used for a different request',
          { key: key.data },
        );
      }
      if (remembered.state === 'pending') {
        throw new DomainError(
          'CONFLICT',
          'A request with this idempotency key is in progress; retry shortly',
        );
      }
      void reply.status(remembered.status ?? 200).header('idempotent-replay', 'true');
      return JSON.parse(this.box.open(remembered.body!, entryKey)) as unknown;
    }

    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await kv.update(
        entryKey,
        codec.encode({
          state: 'done',
          requestHash,
          status: reply.statusCode,
          body: this.box.seal(JSON.stringify(body ?? null), entryKey),
        }),
        revision,
      );
      return body;
    } catch (error) {
      await kv.delete(entryKey).catch(() => undefined);
      throw error;
    }
  }
}
