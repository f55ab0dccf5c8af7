import type { RateLimitOptions } from '@fastify/rate-limit';
import { JSONCodec, type KV, type NatsConnection } from 'nats';
import { sha256 } from '@bandanh/platform';

/** One client's count in one window, as the bucket keeps it. */
interface Window {
  count: number;
  /** When the window began, in ms since the epoch (the clock of the replica that began it). */
  start: number;
}

const codec = JSONCodec<Window>();
/** JetStream's "wrong last sequence": another replica wrote the key since we read it. */
const WRONG_LAST_SEQUENCE = 10071;
/** Reads and compare-and-set writes one increment may take before it gives up. */
const ATTEMPTS = 12;

const isConflict = (error: unknown) =>
  (error as { api_error?: { err_code?: number } } | undefined)?.api_error?.err_code === WRONG_LAST_SEQUENCE;
const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** attempt, 50)));

export interface Count {
  /** How many requests this window holds, the current one included. */
  current: number;
  /** Milliseconds until the window ends. */
  ttl: number;
}

/**
 * Fixed-window counters in a JetStream key-value bucket that every gateway replica shares.
 * Each increment reads the key and writes it back only if nobody wrote it in between
 * (`kv.create` for a new key, `kv.update` on the revision read), and tries again when someone
 * did, so concurrent requests on several replicas are each counted once. The bucket's TTL is
 * the window: a key nobody touched for a window disappears by itself.
 */
export class KvRateLimitCounter {
  private bucket?: Promise<KV>;

  constructor(
    private readonly nats: NatsConnection,
    readonly bucketName: string,
    /** The longest window counted: the bucket's TTL. */
    readonly windowMs: number,
    /** How long one call to NATS may take before the counter counts it as failed. */
    private readonly timeoutMs = 2_000,
  ) {}

  /** The bucket, made on first use; a failure is forgotten, so the next request tries again. */
  open(): Promise<KV> {
    this.bucket ??= this.nats
      .jetstream({ timeout: this.timeoutMs })
      .views.kv(this.bucketName, { ttl: this.windowMs, history: 1, timeout: this.timeoutMs })
      .catch((error: unknown) => {
        this.bucket = undefined;
        throw error;
      });
    return this.bucket;
  }

  /**
   * Counts one request under `key` in a window of `windowMs`. A key fought over so hard that
   * every attempt lost is answered as over `max`: that many writers on one client's key within
   * milliseconds is a flood. NATS failing throws (the caller fails open).
   */
  async increment(key: string, windowMs: number, max: number): Promise<Count> {
    try {
      return await this.tryIncrement(await this.open(), key, windowMs, max);
    } catch (error) {
      // The bucket may be gone (deleted, or the server lost it): the next request opens it again.
      this.bucket = undefined;
      throw error;
    }
  }

  private async tryIncrement(kv: KV, key: string, windowMs: number, max: number): Promise<Count> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const entry = await kv.get(key);
      const now = Date.now();
      const seen = entry?.operation === 'PUT' ? decode(entry.value) : undefined;
      // A window begun by a replica whose clock is a little ahead is still live here.
      const live = seen && now < seen.start + windowMs && seen.start - now < windowMs;
      const next = live ? { count: seen.count + 1, start: seen.start } : { count: 1, start: now };
      try {
        if (entry) await kv.update(key, codec.encode(next), entry.revision);
        else await kv.create(key, codec.encode(next));
        return { current: next.count, ttl: Math.min(windowMs, Math.max(1, next.start + windowMs - now)) };
      } catch (error) {
        if (!isConflict(error)) throw error;
        await pause(attempt);
      }
    }
    return { current: max + 1, ttl: windowMs };
  }
}

function decode(value: Uint8Array): Window | undefined {
  try {
    const window = codec.decode(value);
    return Number.isInteger(window.count) && Number.isFinite(window.start) ? window : undefined;
  } catch {
    return undefined;
  }
}

type Callback = (error: Error | null, result?: Count) => void;
type ChildOptions = RateLimitOptions & { routeInfo?: { method?: string | string[]; url?: string } };

/**
 * The `store` option of @fastify/rate-limit over a shared counter. Each rate-limited route
 * counts apart (its method and path are part of the key), and the key is a hash: the bucket
 * holds no client address in plain text.
 *
 * A store failure (NATS down, a timeout) goes to `onFailure` and then to the plugin, which is
 * registered with `skipOnError`: the request goes through. Failing open is deliberate: a
 * limiter that cannot count must not turn every visitor away; the log says it happened.
 */
export function kvRateLimitStore(counter: KvRateLimitCounter, onFailure: (error: unknown) => void) {
  return class KvRateLimitStore {
    constructor(
      private readonly options: RateLimitOptions,
      private readonly scope = '',
    ) {}

    incr(key: string, callback: Callback, timeWindow?: number, max?: number): void {
      const windowMs =
        timeWindow ?? (typeof this.options.timeWindow === 'number' ? this.options.timeWindow : 60_000);
      counter.increment(sha256(`${this.scope}\n${key}`), windowMs, max ?? Number.MAX_SAFE_INTEGER).then(
        (count) => callback(null, count),
        (error: unknown) => {
          onFailure(error);
          callback(error instanceof Error ? error : new Error(String(error)));
        },
      );
    }

    /** Called with the route's merged options and `routeInfo` (the plugin's types say otherwise). */
    child(routeOptions: object): KvRateLimitStore {
      const merged = routeOptions as ChildOptions;
      const route = merged.routeInfo;
      return new KvRateLimitStore({ ...this.options, ...merged }, `${String(route?.method)} ${route?.url}`);
    }
  };
}
