import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { connect } from 'nats';
import { uniqueName } from '@bandanh/platform/testing';
import { startGateway } from '../src/app';
import { loadGatewayConfig } from '../src/config/env';
import { CLIENT_ADDRESS_HEADER, WEB_KEY_HEADER } from '../src/http/client-address';
import { TestStack } from './stack';

const LIMIT = 5;
const SECRET = randomBytes(32).toString('base64url');

/** A valid application from an open province (the default expansion plan opens KH-17). */
const application = (name: string) => ({
  name,
  nameKm: 'ក្រុមស្ត្រីនេសាទទន្លេសាប',
  provinceCode: 'KH-17',
  focusIssues: ['fisheries'],
  contacts: [{ name: 'Chan Dara', phone: '012 345 678' }],
});

/** What the web sends for a visitor at `address`. */
const fromWeb = (address: string) => ({ [WEB_KEY_HEADER]: SECRET, [CLIENT_ADDRESS_HEADER]: address });

interface Answer {
  status: number;
  retryAfter: string | null;
  body: any;
}

describe('rate limits on public writes, per client address, shared by the gateway replicas', () => {
  let stack: TestStack;
  /** A second gateway on the same NATS prefix: another replica. */
  let replica: NestFastifyApplication;
  let replicaUrl: string;

  beforeAll(async () => {
    stack = await TestStack.start('rate-limit', {
      PUBLIC_WRITE_LIMIT: String(LIMIT),
      PUBLIC_WRITE_WINDOW: '1 minute',
      WEB_PROXY_SECRET: SECRET,
    });
    replica = await startGateway(loadGatewayConfig(stack.env));
    const address = replica.getHttpServer().address();
    if (!address || typeof address === 'string') throw new Error('The replica has no TCP address');
    replicaUrl = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await replica?.close();
    await stack?.stop();
  });

  async function send(
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
    base = stack.gatewayUrl,
  ): Promise<Answer> {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': uniqueName('key'), ...headers },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: await response.json(),
    };
  }

  const apply = (headers: Record<string, string>, body: unknown = application(uniqueName('Fishers'))) =>
    send('/api/applications', body, headers);

  function expectLimited(answer: Answer) {
    expect(answer.status).toBe(429);
    const seconds = Number(answer.retryAfter);
    expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= 60).toBe(true);
    expect(answer.body).toEqual({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('Too many requests'),
      details: { retryAfterSeconds: seconds },
    });
  }

  it('answers 429 in the one error shape with Retry-After once an address has used its window; another address still gets through', async () => {
    const a = fromWeb('203.0.113.10');
    for (let i = 0; i < LIMIT; i++) expect((await apply(a)).status).toBe(201);
    const refused = await apply(a);
    expectLimited(refused);

    expect((await apply(fromWeb('198.51.100.20'))).status).toBe(201);
    // IPv6 addresses count by their /64: another address in it is the same client.
    const v6 = '2001:db8:aa:1::';
    for (let i = 0; i < LIMIT; i++) expect((await apply(fromWeb(`${v6}${i + 1}`), {})).status).toBe(400);
    expectLimited(await apply(fromWeb(`${v6}ffff`), {}));
    expect((await apply(fromWeb('2001:db8:aa:2::1'), {})).status).toBe(400);
  });

  it('counts each request once, however many arrive at once on either replica', async () => {
    const c = fromWeb('203.0.113.30');
    // Invalid bodies: the limit is checked before the body is read, so these count too, and
    // make nothing.
    const answers = await Promise.all(
      Array.from({ length: 3 * LIMIT }, (_, i) =>
        send('/api/applications', {}, c, i % 2 === 0 ? stack.gatewayUrl : replicaUrl),
      ),
    );
    const passed = answers.filter((answer) => answer.status !== 429);
    expect(passed.map((answer) => answer.status)).toEqual(Array(LIMIT).fill(400));
    for (const answer of answers.filter((answer) => answer.status === 429)) expectLimited(answer);
    // The other replica sees the same count.
    expectLimited(await send('/api/applications', {}, c, replicaUrl));
  });

  it('counts a request that claims an address without the web secret under its socket address', async () => {
    const claimed = '192.0.2.50';
    const claims: Array<Record<string, string>> = [
      { [CLIENT_ADDRESS_HEADER]: claimed },
      { [CLIENT_ADDRESS_HEADER]: claimed, [WEB_KEY_HEADER]: `${SECRET}x` },
      { [CLIENT_ADDRESS_HEADER]: claimed, [WEB_KEY_HEADER]: SECRET.slice(0, -1) },
    ];
    for (let i = 0; i < LIMIT; i++) expect((await apply(claims[i % claims.length], {})).status).toBe(400);
    // The socket's address (this test process) has used its window...
    expectLimited(await apply({ [CLIENT_ADDRESS_HEADER]: claimed }, {}));
    expectLimited(await apply({}, {}));
    // ...and the claimed address was never charged.
    expect((await apply(fromWeb(claimed), {})).status).toBe(400);
  });

  it('limits sign-in too, per address', async () => {
    const signIn = (headers: Record<string, string>) =>
      send(
        '/api/auth/sign-in',
        { email: `${uniqueName('nobody')}@test.bandanh`, password: 'not the password' },
        headers,
      );
    const d = fromWeb('203.0.113.40');
    for (let i = 0; i < LIMIT; i++) expect((await signIn(d)).status).toBe(401);
    expectLimited(await signIn(d));
    expect((await signIn(fromWeb('203.0.113.41'))).status).toBe(401);
    // Each route counts apart: this address's applications are untouched.
    expect((await apply(d, {})).status).toBe(400);
  });

  it('lets requests through when its bucket is gone, then counts again in a new one', async () => {
    const e = fromWeb('203.0.113.50');
    for (let i = 0; i < LIMIT; i++) await apply(e, {});
    expectLimited(await apply(e, {}));

    const nats = await connect({ servers: 'nats://127.0.0.1:4222' });
    try {
      const streams = await nats.jetstreamManager();
      await streams.streams.delete(`KV_${stack.env.NATS_PREFIX}_ratelimit`);
    } finally {
      await nats.close();
    }
    // The first request finds no bucket and goes through uncounted (fail open); the next ones
    // make the bucket again and count from zero.
    const after = [];
    for (let i = 0; i < LIMIT + 2; i++) after.push((await apply(e, {})).status);
    expect(after.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(400));
    expect(after.at(-1)).toBe(429);
  });
});
