import type { Contract, ParsedRequestOf, RequestOf } from '@bandanh/contracts';
import type { Shape } from '../testing/fakes';
import type { IdentityOutbox } from './identity-outbox';

/** The outbox in memory: what was enqueued (checked by its contract, as the real one does), and kicks. */
export class InMemoryOutbox implements Shape<IdentityOutbox> {
  readonly messages: Array<{ subject: string; payload: unknown }> = [];
  kicks = 0;

  onApplicationBootstrap() {}

  async onApplicationShutdown() {}

  async enqueue<C extends Contract>(contract: C, input: RequestOf<C>) {
    this.messages.push({ subject: contract.subject, payload: contract.request.parse(input) });
  }

  kick() {
    this.kicks += 1;
  }

  /** The payloads sent on `contract`'s subject. */
  of<C extends Contract>(contract: C): Array<ParsedRequestOf<C>> {
    return this.messages
      .filter((m) => m.subject === contract.subject)
      .map((m) => m.payload as ParsedRequestOf<C>);
  }
}
