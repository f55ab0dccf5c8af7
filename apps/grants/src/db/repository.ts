import { sql } from 'drizzle-orm';
import {
  appendAudit,
  sendNotification,
  type Contract,
  type NotificationRequest,
  type RequestOf,
} from '@bandanh/contracts';
import { enqueue, runOnce } from '@bandanh/platform';
import { auditAppend, type GrantsAuditEntry } from '../outbox/grants-audit';
import type { GrantsOutbox } from '../outbox/grants-outbox';
import type { GrantsDatabase } from './database.module';
import { idempotencyKeys, outbox } from './schema';

/** Where a repository's statements run: the pool, or one transaction. */
export type GrantsExecutor = Pick<
  GrantsDatabase['db'],
  'select' | 'insert' | 'update' | 'delete' | 'execute'
>;

/** A keyed command, remembered with its first answer (`runOnce` in the platform). */
export interface KeyedCommand {
  name: string;
  key: string;
  request: unknown;
}

/**
 * What every repository of the grants service shares. Its queries run on `db`. Where a rule
 * sits between two statements that must commit together, the service asks for `transaction`
 * or `once` and gets this same repository bound to the transaction: the rule stays in the
 * service, the SQL stays here, and a fake repository only has to hand itself to the work.
 */
export abstract class GrantsRepository {
  protected db: GrantsExecutor;
  /** Whether this binding wrote a command into the outbox. */
  private enqueued = false;

  protected constructor(
    protected readonly database: GrantsDatabase,
    private readonly relay?: GrantsOutbox,
  ) {
    this.db = database.db;
  }

  /** Runs `work` in one transaction, on this repository bound to it. */
  async transaction<T>(work: (tx: this) => Promise<T>): Promise<T> {
    let bound: this | undefined;
    const result = await this.database.db.transaction((tx) => work((bound = this.on(tx))));
    this.sent(bound);
    return result;
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
    const outcome = await runOnce(this.database.db, idempotencyKeys, command, (tx) =>
      work((bound = this.on(tx))),
    );
    this.sent(bound);
    return outcome;
  }

  /** Writes a command to another service into the outbox, to commit with this transaction's records. */
  protected async enqueue<C extends Contract>(contract: C, input: RequestOf<C>): Promise<void> {
    await enqueue(this.db, outbox, contract, input);
    this.enqueued = true;
  }

  /**
   * Writes the change's audit entry into the outbox: inside `transaction` or `once` it commits
   * with the change, and identity records it once however often the relay sends it.
   */
  audit(entry: GrantsAuditEntry): Promise<void> {
    return this.enqueue(appendAudit, auditAppend(entry));
  }

  /** Writes a message into the outbox, to commit with the change it tells of. */
  notify(request: NotificationRequest): Promise<void> {
    return this.enqueue(sendNotification, request);
  }

  /** Holds the named lock until the transaction ends (two steps of one application wait for each other). */
  async lock(name: string): Promise<void> {
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtext(${name}))`);
  }

  private on(tx: GrantsExecutor): this {
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
