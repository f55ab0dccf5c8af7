import { STAFF, TestStack } from './stack';

describe('pending invitations through the gateway', () => {
  let stack: TestStack;
  let admin: string;

  beforeAll(async () => {
    stack = await TestStack.start('invitations');
    admin = await stack.tokenFor(STAFF.admin);
    await stack.ensureAccount(STAFF.coordinator);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const call = async (path: string, init: RequestInit = {}, token: string | undefined = admin) => {
    const response = await fetch(`${stack.gatewayUrl}${path}`, {
      ...init,
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...init.headers,
      },
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const invite = (email: string, roles: string[]) =>
    call('/api/invitations', { method: 'POST', body: JSON.stringify({ email, roles }) });

  it('lists pending invitations, revokes one (audited), and its link then answers like an expired one', async () => {
    const kept = await invite('kept@test.bandanh', ['trainer']);
    const both = await invite('both@test.bandanh', ['assessor', 'approver']);
    expect(both.status).toBe(201);
    expect(both.body.warnings).toEqual(['four_eyes_assessor_approver']);
    expect(kept.body.warnings).toEqual([]);

    const listed = await call('/api/admin/invitations');
    expect(listed.status).toBe(200);
    const emails = listed.body.items.map((item: { email: string }) => item.email);
    expect(emails).toEqual(expect.arrayContaining(['kept@test.bandanh', 'both@test.bandanh']));
    expect(
      listed.body.items.find((item: { email: string }) => item.email === 'both@test.bandanh'),
    ).toMatchObject({
      id: both.body.invitation.id,
      roles: ['assessor', 'approver'],
      invitedBy: expect.any(String),
      createdAt: expect.any(String),
      expiresAt: both.body.invitation.expiresAt,
    });

    const revoked = await call(`/api/admin/invitations/${both.body.invitation.id}/revocation`, {
      method: 'POST',
    });
    expect(revoked).toEqual({ status: 200, body: { revoked: true } });
    const again = await call(`/api/admin/invitations/${both.body.invitation.id}/revocation`, {
      method: 'POST',
    });
    expect(again.body).toEqual({ revoked: false });

    const after = await call('/api/admin/invitations');
    expect(after.body.items.map((item: { email: string }) => item.email)).not.toContain('both@test.bandanh');

    const link = await call(`/api/invitations/${encodeURIComponent(both.body.token)}`, {}, undefined);
    const unknown = await call('/api/invitations/not-a-real-token', {}, undefined);
    expect(link.status).toBe(404);
    expect(link.body.message).toBe(unknown.body.message);
    const accepted = await call(
      '/api/invitations/acceptance',
      {
        method: 'POST',
        body: JSON.stringify({
          token: both.body.token,
          displayName: 'Both',
          password: 'assess then approve 9',
        }),
      },
      undefined,
    );
    expect(accepted.status).toBe(404);

    const audit = await call('/api/admin/audit?limit=200');
    const revocations = audit.body.items.filter(
      (entry: { action: string }) => entry.action === 'invitation.revoke',
    );
    expect(revocations).toEqual([
      expect.objectContaining({ targetType: 'invitation', targetId: both.body.invitation.id }),
    ]);
  });

  it('refuses inviting an address that has an account, with the admin reason', async () => {
    const refused = await invite(STAFF.coordinator.email, ['approver']);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'CONFLICT',
      message: 'This address already has an account: change its roles on the users page',
      details: { reason: 'account_exists' },
    });
  });

  it('lets only admins list and revoke', async () => {
    const coordinator = await stack.tokenFor(STAFF.coordinator);
    expect((await call('/api/admin/invitations', {}, coordinator)).status).toBe(403);
    const { body } = await invite('other@test.bandanh', ['trainer']);
    const denied = await call(
      `/api/admin/invitations/${body.invitation.id}/revocation`,
      { method: 'POST' },
      coordinator,
    );
    expect(denied.status).toBe(403);
  });
});
