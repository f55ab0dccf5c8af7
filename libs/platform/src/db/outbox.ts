import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { and, asc, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
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
  /**
   * Commands of one kind that go out together: the oldest due one takes up to `max - 1` more of
   * its kind (never retried ones) into one request of `as`, whose request is `{ entries }` in
   * their order. One that failed in a batch goes alone next time, so a bad one cannot hold
   * back the others.
   */
  batches?: readonly OutboxBatch[];
}

export interface OutboxBatch {
  of: Contract;
  as: Contract;
  max: number;
}

/** Sends what the outbox holds, oldest first, retrying with backoff until each is delivered. */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private readonly contracts: Map<string, Contract>;
  private readonly batches: Map<string, OutboxBatch>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(private readonly options: OutboxRelayOptions) {
    this.contracts = new Map(options.contracts.map((contract) => [contract.subject, contract]));
    this.batches = new Map((options.batches ?? []).map((batch) => [batch.of.subject, batch]));
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

  /** What is due: not delivered, its next attempt reached. */
  private due() {
    const { table } = this.options;
    return and(isNull(table.deliveredAt), lte(table.nextAttemptAt, sql`now()`));
  }

  /**
   * One round: every due command, each in its own transaction holding its row, sent by up to
   * `concurrency` senders side by side. A round starts with one sender, and a sender that finds
   * a command starts another before it sends (up to `concurrency`), so a burst fans out while a
   * single command costs one sender. The first sender to find nothing left ends the round for
   * all: a command committed meanwhile kicks the relay, which runs another round.
   */
  private async drain(): Promise<void> {
    const most = Math.max(1, this.options.concurrency ?? 4);
    const round = { senders: 0, done: false, running: [] as Promise<void>[] };
    const spawn = () => {
      if (round.done || round.senders >= most) return;
      round.senders++;
      round.running.push(this.send(round, spawn));
    };
    spawn();
    // Senders may be added while the first ones run: wait until every one has ended.
    for (let awaited = 0; awaited < round.running.length;) {
      const batch = round.running.slice(awaited);
      awaited += batch.length;
      await Promise.all(batch);
    }
  }

  /**
   * Whether any command is due that no other sender holds: one statement outside a
   * transaction (its row locks end with it), so an empty outbox costs one query, not three.
   */
  private async anyDue(): Promise<boolean> {
    const { db, table } = this.options;
    const rows = await db
      .select({ id: table.id })
      .from(table)
      .where(this.due())
      .limit(1)
      .for('update', { skipLocked: true });
    return rows.length > 0;
  }

  /** One sender: due commands, oldest first, until none is left (or a hundred were sent). */
  private async send(round: { done: boolean }, spawn: () => void): Promise<void> {
    const { db, table } = this.options;
    for (let sent = 0; sent < 100 && !this.stopped && !round.done; sent++) {
      if (!(await this.anyDue())) break;
      const delivered = await db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(table)
          .where(this.due())
          .orderBy(asc(table.createdAt))
          .limit(1)
          .for('update', { skipLocked: true });
        if (!row) return false;
        spawn();
        const batch = row.attempts === 0 ? this.batches.get(row.subject) : undefined;
        const rows = batch
          ? [
              row,
              ...(await tx
                .select()
                .from(table)
                .where(
                  and(
                    this.due(),
                    eq(table.subject, row.subject),
                    eq(table.attempts, 0),
                    ne(table.id, row.id),
                  ),
                )
                .orderBy(asc(table.createdAt))
                .limit(batch.max - 1)
                .for('update', { skipLocked: true })),
            ]
          : [row];
        const ids = inArray(
          table.id,
          rows.map(({ id }) => id),
        );
        const contract = this.contracts.get(row.subject);
        try {
          if (!contract)
            throw new Error(`The outbox holds a command no contract is known for: ${row.subject}`);
          const caller = systemCaller(this.options.service);
          if (batch && rows.length > 1) {
            await this.options.rpc.send(batch.as, { entries: rows.map(({ payload }) => payload) }, caller);
          } else {
            await this.options.rpc.send(contract, row.payload as never, caller);
          }
          await tx
            .update(table)
            .set({ deliveredAt: sql`now()`, attempts: sql`${table.attempts} + 1` })
            .where(ids);
        } catch (error) {
          const backoff = Math.min(this.options.maxBackoffMs ?? 60_000, 500 * 2 ** row.attempts);
          const message = error instanceof Error ? error.message : String(error);
          this.logger.warn(
            {
              subject: row.subject,
              commands: rows.length,
              attempts: row.attempts + 1,
              retryInMs: backoff,
              error: message,
            },
            'An outbox command was not delivered; retrying',
          );
          await tx
            .update(table)
            .set({
              attempts: sql`${table.attempts} + 1`,
              lastError: message.slice(0, 500),
              nextAttemptAt: sql`now() + ${`${backoff} milliseconds`}::interval`,
            })
            .where(ids);
        }
        return true;
      });
      if (!delivered) break;
    }
    round.done = true;
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
