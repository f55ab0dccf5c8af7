import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connect, type NatsConnection } from 'nats';
import { defineContract, networkHealth } from '@bandanh/contracts';
import { verifierFrom } from '../src/auth/caller-token';
import { systemCaller } from '../src/auth/require';
import { Handles } from '../src/nats/handles.decorator';
import { NatsRpc } from '../src/nats/nats-rpc';
import { PrefixedNatsServer } from '../src/nats/prefixed-nats.server';
import { createTestCallerKeys, type TestCallerKeys } from '../src/testing/caller-keys';
import { uniqueName } from '../src/testing/unique';

/** How long the handler takes: the close must wait for it, not cut it off. */
const SLOW_MS = 600;

@Controller()
class SlowHealth {
  @Handles(networkHealth)
  async check() {
    await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
    return { service: 'network', status: 'up' as const, checks: {} };
  }
}

@Module({ controllers: [SlowHealth] })
class SlowModule {}

/**
 * A service's graceful close on the real NATS: idle, it stops at once (no fixed grace period to
 * sit through); with a message being handled, it waits for the answer to go out first. And a
 * slow answer: the caller waits as long as the contract says (a workflow step's), not less.
 */
describe('closing a service on NATS, and waiting for a slow answer', () => {
  const prefix = uniqueName('graceful');
  let keys: TestCallerKeys;
  let client: NatsConnection;

  beforeAll(async () => {
    keys = await createTestCallerKeys();
    client = await connect({ servers: 'nats://127.0.0.1:4222' });
  });
  afterAll(async () => {
    await client?.close();
    keys?.remove();
  });

  async function start(): Promise<INestMicroservice> {
    const verifier = await verifierFrom({ CALLER_KEYS_DIR: keys.dir, CALLER_TOKEN_TTL_SECONDS: 60 });
    const app = await NestFactory.createMicroservice(SlowModule, {
      strategy: new PrefixedNatsServer(
        prefix,
        { servers: 'nats://127.0.0.1:4222', queue: 'network', gracefulShutdown: true, gracePeriod: 5_000 },
        verifier,
      ),
      logger: false,
    });
    await app.listen();
    return app;
  }

  it('stops at once when idle', async () => {
    const app = await start();
    const started = Date.now();
    await app.close();
    // Not the grace period of 5 s that Nest's own close always sits through.
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('answers the message it is handling before it stops', async () => {
    const app = await start();
    const rpc = new NatsRpc(client, prefix, 5_000, await keys.signer('gateway'));
    const asked = rpc.send(networkHealth, {}, systemCaller('gateway'));
    // The handler has the message (it takes SLOW_MS); the close comes while it works.
    await new Promise((resolve) => setTimeout(resolve, SLOW_MS / 3));
    const closed = app.close();
    await expect(asked).resolves.toEqual({ service: 'network', status: 'up', checks: {} });
    await closed;
  });

  it("waits for a slow answer as long as the contract says, beyond the client's default", async () => {
    const app = await start();
    const rpc = new NatsRpc(client, prefix, SLOW_MS / 3, await keys.signer('gateway'));
    await expect(rpc.send(networkHealth, {}, systemCaller('gateway'))).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    const patient = defineContract({ ...networkHealth, timeoutMs: SLOW_MS * 5 });
    await expect(rpc.send(patient, {}, systemCaller('gateway'))).resolves.toMatchObject({ status: 'up' });
    await app.close();
  });
});
