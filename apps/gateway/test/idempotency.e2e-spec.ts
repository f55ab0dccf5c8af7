import { uniqueName } from '@bandanh/platform/testing';
import { STAFF, TestStack } from './stack';

describe('Idempotency-Key on create commands', () => {
  let stack: TestStack;
  let admin: string;

  beforeAll(async () => {
    stack = await TestStack.start('idem');
    admin = await stack.tokenFor(STAFF.admin);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const invite = (key: string | undefined, email: string) =>
    fetch(`${stack.gatewayUrl}/api/invitations`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${admin}`,
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: JSON.stringify({ email, roles: ['trainer'] }),
    });

  it('answers a retry with the first answer and creates one invitation', async () => {
    const key = uniqueName('invite');
    const first = await invite(key, 'rotha@test.bandanh');
    const retry = await invite(key, 'rotha@test.bandanh');
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replay')).toBe('true');
    const [a, b] = (await Promise.all([first.json(), retry.json()])) as Array<{
      invitation: { id: string };
      token: string;
    }>;
    expect(b).toEqual(a);

    // Had the retry created a second invitation, the email would now be refused as taken
    // only after acceptance; instead the one token works and a second acceptance does not.
    const accept = (token: string) =>
      fetch(`${stack.gatewayUrl}/api/invitations/acceptance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, displayName: 'Rotha', password: 'teach the river law' }),
      });
    expect((await accept(a.token)).status).toBe(201);
    expect((await accept(a.token)).status).toBe(404);
  });

  it('refuses the same key with a different body, and creates nothing', async () => {
    const key = uniqueName('invite');
    expect((await invite(key, 'first@test.bandanh')).status).toBe(201);
    const reused = await invite(key, 'second@test.bandanh');
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    const accounts = await fetch(`${stack.gatewayUrl}/api/admin/accounts`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(JSON.stringify(await accounts.json())).not.toContain('second@test.bandanh');
  });

  it('lets a command that failed be retried with the same key', async () => {
    const key = uniqueName('invite');
    const taken = await invite(key, STAFF.trainer.email);
    expect(taken.status).toBe(409);
    // The email is still taken, so the retry fails the same way rather than replaying.
    expect((await invite(key, STAFF.trainer.email)).status).toBe(409);
  });

  it('refuses a malformed key', async () => {
    const response = await invite('no', 'short@test.bandanh');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      details: { issues: [expect.objectContaining({ in: 'header', path: 'idempotency-key' })] },
    });
  });
});
