import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { and, asc, isNull, lte, sql } from 'drizzle-orm';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { Contract, RequestOf } from '@bandanh/contracts';
import type { ServiceName } from '@bandanh/contracts';
import { systemCaller } from '../auth/require';
import { DomainError } from '../errors/domain-error';
import type { OutboxTable } from './outbox-table';
import type { NatsRpc } from '../nats/nats-rpc';

type Db = PostgresJsDatabase<Record<string, unknown>>;
type Executor = Pick<Db, 'insert'>;

/** Writes a command into the outbox, in the caller's transaction. */
export async function enqueue<C extends Contract>(
  tx: Executor,
  table: OutboxTable,
  contract: C,
  input: RequestOf<C>,
): Promise<void> {
  const checked = contract.request.safeParse(input);
  if (!checked.success)
    throw DomainError.validation(checked.error, `The ${contract.subject} command is not valid`);
  await tx.insert(table).values({ subject: contract.subject, payload: checked.data as unknown });
}

export interface OutboxRelayOptions {
  service: ServiceName;
  db: Db;
  table: OutboxTable;
  rpc: NatsRpc;
  /** The commands this outbox may hold. */
  contracts: Contract[];
  /** How often the relay looks for commands that are due (a kick looks at once). */
  pollMs?: number;
  /** The longest wait between two attempts at one command. */
  maxBackoffMs?: number;
  /**
   * How many commands are sent at once (each in its own transaction holding its row; rows are
   * claimed with SKIP LOCKED, so no two senders take the same one). A burst of applications then
   * starts its pipelines side by side instead of one after another. Each sender holds a database
   * connection while it waits for the answer: keep it well under the pool's size.
   */
  concurrency?: number;
}

/** Sends what the outbox holds, oldest first, retrying with backoff until each is delivered. */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private readonly contracts: Map<string, Contract>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(private readonly options: OutboxRelayOptions) {
    this.contracts = new Map(options.contracts.map((contract) => [contract.subject, contract]));
  }

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.options.pollMs ?? 1_000);
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Looks for due commands now (after a transaction that wrote one has committed). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.logger.error({ err: error }, 'The outbox relay failed a round'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /**
   * One round: every due command, each in its own transaction holding its row, sent by
   * `concurrency` senders side by side.
   */
  private async drain(): Promise<void> {
    const senders = Math.max(1, this.options.concurrency ?? 4);
    await Promise.all(Array.from({ length: senders }, () => this.send()));
  }

  /** One sender: due commands, oldest first, until none is left (or a hundred were sent). */
  private async send(): Promise<void> {
    const { db, table } = this.options;
    for (let round = 0; round < 100 && !this.stopped; round++) {
      const delivered = await db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(table)
          .where(and(isNull(table.deliveredAt), lte(table.nextAttemptAt, sql`now()`)))
          .orderBy(asc(table.createdAt))
          .limit(1)
          .for('update', { skipLocked: true });
        if (!row) return false;
        const contract = this.contracts.get(row.subject);
        try {
          if (!contract)
            throw new Error(`The outbox holds a command no contract is known for: ${row.subject}`);
          await this.options.rpc.send(contract, row.payload as never, systemCaller(this.options.service));
          await tx
            .update(table)
            .set({ deliveredAt: sql`now()`, attempts: row.attempts + 1 })
            .where(sql`${table.id} = ${row.id}`);
        } catch (error) {
          const backoff = Math.min(this.options.maxBackoffMs ?? 60_000, 500 * 2 ** row.attempts);
          const message = error instanceof Error ? error.message : String(error);
          this.logger.warn(
            { subject: row.subject, attempts: row.attempts + 1, retryInMs: backoff, error: message },
            'An outbox command was not delivered; retrying',
          );
          await tx
            .update(table)
            .set({
              attempts: row.attempts + 1,
              lastError: message.slice(0, 500),
              nextAttemptAt: sql`now() + ${`${backoff} milliseconds`}::interval`,
            })
            .where(sql`${table.id} = ${row.id}`);
        }
        return true;
      });
      if (!delivered) return;
    }
  }
}

/**
 * A service's outbox in Nest: the relay starts with the application and stops with it, and
 * `kick` sends what was just committed without waiting for the next poll. A service's outbox
 * extends it with its own database, table and commands.
 */
export abstract class ServiceOutbox implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly relay: OutboxRelay;

  protected constructor(options: OutboxRelayOptions) {
    this.relay = new OutboxRelay(options);
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  /** Sends what was just committed without waiting for the next poll. */
  kick(): void {
    this.relay.kick();
  }
}
