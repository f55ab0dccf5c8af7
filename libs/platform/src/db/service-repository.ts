import { sql } from 'drizzle-orm';
import {
  appendAudit,
  sendNotification,
  type Contract,
  type NotificationRequest,
  type RequestOf,
} from '@bandanh/contracts';
import { auditAppend, type ServiceAuditEntry } from '../audit/audit-entry';
import type { Database } from './database';
import { runOnce, type IdempotencyTable } from './idempotency';
import { enqueue } from './outbox';
import type { OutboxTable } from './outbox-table';

/** A service's connection to its own schema. */
export type AnyDatabase = Database<any>;

/** Where a repository's statements run: the pool, or one transaction. */
export type ServiceExecutor<TDatabase extends AnyDatabase> = Pick<
  TDatabase['db'],
  'select' | 'insert' | 'update' | 'delete' | 'execute'
>;

/** A keyed command, remembered with its first answer (`runOnce`). */
export interface KeyedCommand {
  name: string;
  key: string;
  request: unknown;
}

/** The tables every service keeps in its own schema (`idempotencyTable`, `outboxTable`). */
export interface ServiceTables {
  outbox: OutboxTable;
  idempotencyKeys: IdempotencyTable;
}

/** What sends the outbox: told to look at once after a transaction that wrote to it. */
export interface OutboxKick {
  kick(): void;
}

/**
 * What every repository of a service shares. Its queries run on `db`. Where a rule sits
 * between two statements that must commit together, the service asks for `transaction` or
 * `once` and gets this same repository bound to the transaction: the rule stays in the
 * service, the SQL stays here, and a fake repository only has to hand itself to the work.
 */
export abstract class ServiceRepository<TDatabase extends AnyDatabase> {
  protected db: ServiceExecutor<TDatabase>;
  /** Whether this binding wrote a command into the outbox. */
  private enqueued = false;

  protected constructor(
    protected readonly database: TDatabase,
    private readonly tables: ServiceTables,
    private readonly relay?: OutboxKick,
  ) {
    this.db = database.db;
  }

  /** Runs `work` in one transaction, on this repository bound to it. */
  async transaction<T>(work: (tx: this) => Promise<T>): Promise<T> {
    let bound: this | undefined;
    const result = await this.database.db.transaction((tx: ServiceExecutor<TDatabase>) =>
      work((bound = this.on(tx))),
    );
    this.sent(bound);
    return result as T;
  }

  /**
   * Runs `work` once per idempotency key, in one transaction with the remembered answer; a
   * retry with the same key and request gets the first answer without running it again.
   */
  async once<T>(
    command: KeyedCommand,
    work: (tx: this) => Promise<T>,
  ): Promise<{ result: T; replayed: boolean }> {
    let bound: this | undefined;
    const outcome = await runOnce(this.database.db, this.tables.idempotencyKeys, command, (tx) =>
      work((bound = this.on(tx))),
    );
    this.sent(bound);
    return outcome;
  }

  /** Writes a command to another service into the outbox, to commit with this transaction's records. */
  protected async enqueue<C extends Contract>(contract: C, input: RequestOf<C>): Promise<void> {
    await enqueue(this.db, this.tables.outbox, contract, input);
    this.enqueued = true;
  }

  /**
   * Writes the change's audit entry into the outbox: inside `transaction` or `once` it commits
   * with the change, and identity records it once however often the relay sends it.
   */
  audit(entry: ServiceAuditEntry): Promise<void> {
    return this.enqueue(appendAudit, auditAppend(entry));
  }

  /** Writes a message into the outbox, to commit with the change it tells of. */
  notify(request: NotificationRequest): Promise<void> {
    return this.enqueue(sendNotification, request);
  }

  /** Holds the named lock until the transaction ends (two steps of one record wait for each other). */
  async lock(name: string): Promise<void> {
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtext(${name}))`);
  }

  private on(tx: ServiceExecutor<TDatabase>): this {
    const bound = Object.create(this) as this;
    bound.db = tx;
    bound.enqueued = false;
    return bound;
  }

  /** Once committed, what a transaction enqueued is sent without waiting for the relay's next poll. */
  private sent(bound: this | undefined): void {
    if (bound?.enqueued) this.relay?.kick();
  }
}
