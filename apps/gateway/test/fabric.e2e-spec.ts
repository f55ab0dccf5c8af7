import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SignJWT, importJWK, type JWK } from 'jose';
import { connect, headers, JSONCodec, type NatsConnection } from 'nats';
import * as contracts from '@bandanh/contracts';
import { CALLER_HEADER, ErrorBody, MAX_REQUEST_BYTES, type Caller, type Contract } from '@bandanh/contracts';
import { CallerSigner, generateServiceKey, NatsRpc, payloadDigest, signerFor } from '@bandanh/platform';
import { uniqueName } from '@bandanh/platform/testing';
import { TestStack } from './stack';

const codec = JSONCodec<unknown>();
const ADMIN: Caller = { kind: 'staff', userId: randomUUID(), roles: ['admin'] };

/** Every contract of the system, from the contracts' barrel. */
const ALL_CONTRACTS = (Object.values(contracts) as unknown[]).filter(
  (value: unknown): value is Contract =>
    typeof value === 'object' &&
    value !== null &&
    'subject' in value &&
    'request' in value &&
    'response' in value,
);

describe('the service fabric under forged callers and poison messages', () => {
  let stack: TestStack;
  let nats: NatsConnection;
  let gatewayRpc: NatsRpc;

  beforeAll(async () => {
    stack = await TestStack.start('fabric');
    nats = await connect({ servers: 'nats://127.0.0.1:4222', maxReconnectAttempts: 0 });
    gatewayRpc = new NatsRpc(nats, stack.env.NATS_PREFIX, 5_000, await stack.keys.signer('gateway'));
    // One CBO, so that a list that answered would show it.
    await stack.recordCbo({
      name: 'Fabric Fishers',
      provinceCode: 'KH-2',
      focusIssues: ['fisheries'],
      foundVia: 'field_visit',
    });
  });

  afterAll(async () => {
    await nats?.drain();
    await stack?.stop();
  });

  const gatewayJwk = () =>
    JSON.parse(readFileSync(`${stack.keys.dir}/gateway.private.jwk.json`, 'utf8')) as JWK & { kid: string };
  const subject = (contract: Contract) => `${stack.env.NATS_PREFIX}.${contract.subject}`;

  /** A raw request as any process on NATS could send it; answers the decoded reply packet. */
  async function raw(to: string, body: Uint8Array | string, caller?: string) {
    const h = headers();
    if (caller !== undefined) h.set(CALLER_HEADER, caller);
    const reply = await nats.request(to, typeof body === 'string' ? new TextEncoder().encode(body) : body, {
      timeout: 5_000,
      headers: h,
    });
    return codec.decode(reply.data) as { err?: unknown; response?: unknown };
  }
  const packet = (data: unknown) => JSON.stringify({ pattern: 'x', id: randomUUID(), data });

  const expectUnauthenticated = (reply: { err?: unknown; response?: unknown }) => {
    expect(reply.response).toBeUndefined();
    expect(ErrorBody.parse(reply.err)).toMatchObject({ code: 'UNAUTHENTICATED' });
  };

  describe('a caller identity that is not signed by whoever may assert it gets nothing', () => {
    const listBody = { limit: 20 };

    it('answers a signed request (the control)', async () => {
      const page = await gatewayRpc.send(contracts.listCbos, listBody, ADMIN);
      expect(page.items.map((cbo) => cbo.name)).toContain('Fabric Fishers');
    });

    it('refuses a hand-written JSON caller claiming to be an admin', async () => {
      expectUnauthenticated(await raw(subject(contracts.listCbos), packet(listBody), JSON.stringify(ADMIN)));
    });

    it('refuses a message with no caller at all', async () => {
      expectUnauthenticated(await raw(subject(contracts.listCbos), packet(listBody)));
    });

    it('refuses a token signed with a key nobody trusts, even one that borrows a trusted key id', async () => {
      const outsider = await generateServiceKey('gateway');
      const forged = await CallerSigner.fromJwk(
        'gateway',
        { ...outsider.privateJwk, kid: gatewayJwk().kid },
        60,
      );
      expectUnauthenticated(
        await raw(
          subject(contracts.listCbos),
          packet(listBody),
          await forged.sign(ADMIN, subject(contracts.listCbos), listBody),
        ),
      );
      const unknown = await CallerSigner.fromJwk('gateway', outsider.privateJwk, 60);
      expectUnauthenticated(
        await raw(
          subject(contracts.listCbos),
          packet(listBody),
          await unknown.sign(ADMIN, subject(contracts.listCbos), listBody),
        ),
      );
    });

    it('refuses an expired token', async () => {
      const jwk = gatewayJwk();
      const key = await importJWK(jwk, 'EdDSA');
      const past = Math.floor(Date.now() / 1000) - 120;
      const expired = await new SignJWT({ caller: ADMIN, dig: payloadDigest(listBody) })
        .setProtectedHeader({ alg: 'EdDSA', kid: jwk.kid })
        .setIssuer('gateway')
        .setAudience(subject(contracts.listCbos))
        .setIssuedAt(past)
        .setExpirationTime(past + 60)
        .sign(key);
      expectUnauthenticated(await raw(subject(contracts.listCbos), packet(listBody), expired));
    });

    it('refuses a token that was tampered with, moved to another subject or to another payload', async () => {
      const signer = await stack.keys.signer('gateway');
      const token = await signer.sign(ADMIN, subject(contracts.listCbos), listBody);
      const [head, claims, signature] = token.split('.');
      const widened = Buffer.from(
        JSON.stringify({
          ...JSON.parse(Buffer.from(claims, 'base64url').toString()),
          caller: { ...ADMIN, roles: ['admin', 'approver'] },
        }),
      ).toString('base64url');
      expectUnauthenticated(
        await raw(subject(contracts.listCbos), packet(listBody), `${head}.${widened}.${signature}`),
      );
      expectUnauthenticated(await raw(subject(contracts.listCbos), packet({ limit: 100 }), token));
      expectUnauthenticated(await raw(subject(contracts.listAudit), packet({ limit: 20 }), token));
    });

    it("refuses a service's own key asserting a person, or another service", async () => {
      const network = await signerFor('network', {
        CALLER_KEYS_DIR: stack.keys.dir,
        CALLER_TOKEN_TTL_SECONDS: 60,
      });
      const staffToken = await network.sign(ADMIN, subject(contracts.listCbos), listBody);
      expectUnauthenticated(await raw(subject(contracts.listCbos), packet(listBody), staffToken));
      const recordStage = { id: randomUUID(), stage: 'assessment' };
      const posing = await network.sign(
        { kind: 'system', service: 'orchestrator' },
        subject(contracts.recordCboStage),
        recordStage,
      );
      expectUnauthenticated(await raw(subject(contracts.recordCboStage), packet(recordStage), posing));
    });

    it('does nothing for a refused command', async () => {
      const draft = {
        name: 'Forged Group',
        provinceCode: 'KH-2',
        focusIssues: ['land'],
        foundVia: 'field_visit',
        acknowledgeDuplicates: true,
      };
      const body = { idempotencyKey: uniqueName('key'), draft };
      expectUnauthenticated(
        await raw(
          subject(contracts.createCbo),
          packet(body),
          JSON.stringify({ kind: 'staff', userId: randomUUID(), roles: ['coordinator'] }),
        ),
      );
      const page = await gatewayRpc.send(contracts.listCbos, { limit: 100 }, ADMIN);
      expect(page.items.map((cbo) => cbo.name)).not.toContain('Forged Group');
    });
  });

  describe('poison messages on every subject', () => {
    const megabyte = JSON.stringify('x'.repeat(1_000_000));
    const poisons: Array<[string, string]> = [
      ['not JSON', 'not json'],
      ['JSON that is not a request', '[1, 2, 3]'],
      ['null', 'null'],
      ['a request of the wrong shape', packet({ unexpected: { deeply: ['nested'] } })],
      ['a request whose data is a string', packet('just a string')],
      ['a megabyte string', megabyte],
      ['an empty message', ''],
    ];

    it(`knows the system's contracts (${ALL_CONTRACTS.length})`, () => {
      expect(ALL_CONTRACTS.length).toBeGreaterThan(50);
    });

    it('answers each with the one error shape, signed or not, and every service stays up', async () => {
      const signer = await stack.keys.signer('gateway');
      for (const contract of ALL_CONTRACTS) {
        for (const [what, body] of poisons) {
          for (const signed of [false, true]) {
            const caller = signed ? await signer.sign(ADMIN, subject(contract), undefined) : undefined;
            const reply = await raw(subject(contract), body, caller).catch((error: unknown) => ({
              failed: error,
            }));
            if ('failed' in reply)
              throw new Error(`${contract.subject}, ${what}: no answer (${String(reply.failed)})`);
            const parsed = ErrorBody.safeParse(reply.err);
            if (!parsed.success)
              throw new Error(
                `${contract.subject}, ${what}: not the error shape: ${JSON.stringify(reply).slice(0, 200)}`,
              );
            expect(['VALIDATION_FAILED', 'UNAUTHENTICATED']).toContain(parsed.data.code);
          }
        }
      }
      for (const health of [
        contracts.identityHealth,
        contracts.networkHealth,
        contracts.orchestratorHealth,
        contracts.grantsHealth,
      ]) {
        await expect(
          gatewayRpc.send(health, {}, { kind: 'system', service: 'gateway' }),
        ).resolves.toMatchObject({ status: 'up' });
      }
    }, 120_000);

    it(`refuses a request over ${MAX_REQUEST_BYTES} bytes unread, with a message that says so`, async () => {
      const reply = await raw(subject(contracts.createCbo), packet('y'.repeat(MAX_REQUEST_BYTES)));
      expect(ErrorBody.parse(reply.err)).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('at most'),
      });
    });

    it('answers a well-signed request whose data breaks the contract with VALIDATION_FAILED naming the field', async () => {
      const signer = await stack.keys.signer('gateway');
      const data = { idempotencyKey: uniqueName('key'), draft: { name: 42 } };
      const reply = await raw(
        subject(contracts.createCbo),
        packet(data),
        await signer.sign(STAFF_COORDINATOR, subject(contracts.createCbo), data),
      );
      expect(ErrorBody.parse(reply.err)).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { issues: expect.arrayContaining([expect.objectContaining({ path: 'draft.name' })]) },
      });
    });
  });
});

const STAFF_COORDINATOR: Caller = { kind: 'staff', userId: randomUUID(), roles: ['coordinator'] };
