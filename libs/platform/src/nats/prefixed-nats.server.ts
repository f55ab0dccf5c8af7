import { ServerNats, type MessageHandler } from '@nestjs/microservices';
import { subjectFor } from './subjects';

type NatsServerOptions = ConstructorParameters<typeof ServerNats>[0];

/**
 * Nest's NATS transport, with every handler's subject put under a deployment prefix,
 * so that two deployments (or two test runs) can share one NATS server.
 */
export class PrefixedNatsServer extends ServerNats {
  constructor(
    private readonly prefix: string,
    options: NatsServerOptions,
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
    super.addHandler(subject, callback, isEventHandler, extras);
  }
}
