import { uniqueName } from '@bandanh/platform/testing';
import { STAFF, TestStack } from './stack';

/** An applicant sees and reaches only their own CBO, however they were linked. */
describe("an applicant's access to CBO records", () => {
  let stack: TestStack;
  let coordinator: string;
  let cboA: string;
  let cboB: string;

  const call = async (token: string | undefined, path: string, init: RequestInit = {}) => {
    const response = await fetch(`${stack.gatewayUrl}${path}`, {
      ...init,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const signUp = async (email: string) =>
    (
      await call(undefined, '/api/auth/sign-up', {
        method: 'POST',
        body: JSON.stringify({
          email,
          displayName: email.split('@')[0],
          password: 'a long member passphrase',
        }),
      })
    ).body.session.token as string;
  const record = async (name: string) =>
    (
      await call(coordinator, '/api/cbos', {
        method: 'POST',
        headers: { 'idempotency-key': uniqueName('key') },
        body: JSON.stringify({
          name,
          provinceCode: 'KH-17',
          focusIssues: ['fisheries'],
          foundVia: 'field_visit',
        }),
      })
    ).body.cbo.id as string;

  beforeAll(async () => {
    stack = await TestStack.start('access');
    coordinator = await stack.tokenFor(STAFF.coordinator);
    cboA = await record('Chong Kneas Fishers');
    cboB = await record('Kampong Khleang Women Fishers');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('shows an applicant linked by code only their CBO, and answers 404 for the other', async () => {
    const member = await signUp('linked-by-code@example.org');
    expect((await call(member, '/api/cbos')).body).toMatchObject({ items: [], total: 0 });

    const { body: issued } = await call(coordinator, `/api/cbos/${cboA}/link-codes`, {
      method: 'POST',
      body: '{}',
    });
    const linked = await call(member, '/api/me/cbo-link', {
      method: 'POST',
      body: JSON.stringify({ code: issued.code }),
    });
    expect(linked.body.account.cboId).toBe(cboA);

    const list = await call(member, '/api/cbos');
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([cboA]);
    expect((await call(member, `/api/cbos/${cboA}`)).status).toBe(200);
    expect((await call(member, `/api/cbos/${cboA}/pipeline`)).status).toBe(200);
    // The member reads their group without what only staff need: who recorded it, who moved it.
    expect((await call(coordinator, `/api/cbos/${cboA}`)).body.cbo.foundBy).toEqual(expect.any(String));
    expect((await call(member, `/api/cbos/${cboA}`)).body.cbo.foundBy).toBeNull();
    expect(list.body.items[0].foundBy).toBeNull();
    const mine = await call(member, '/api/me/cbo');
    expect(mine.body.cbo.foundBy).toBeNull();
    expect(mine.body.pipeline.history.every((event: { by: string | null }) => event.by === null)).toBe(true);
    // Guessing the other CBO's id gets nothing, not even a hint that it exists.
    const other = await call(member, `/api/cbos/${cboB}`);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('Kampong Khleang');
    expect((await call(member, `/api/cbos/${cboB}/pipeline`)).status).toBe(404);
    expect((await call(member, `/api/cbos/${cboB}/link-codes`, { method: 'POST', body: '{}' })).status).toBe(
      403,
    );
  });

  it('links an applicant by a claim that a coordinator confirms, and tells of a decline', async () => {
    const member = await signUp('claims@example.org');
    const claimed = await call(member, '/api/cbo-claims', {
      method: 'POST',
      body: JSON.stringify({
        cboName: 'Kampong Khleang Women Fishers',
        provinceCode: 'KH-17',
        note: 'I am the treasurer',
      }),
    });
    expect(claimed.status).toBe(201);
    expect(claimed.body.claim).toMatchObject({ status: 'pending', applicantEmail: 'claims@example.org' });
    expect(
      (
        await call(member, '/api/cbo-claims', {
          method: 'POST',
          body: JSON.stringify({ cboName: 'Again', provinceCode: 'KH-17' }),
        })
      ).status,
    ).toBe(409);

    const pending = await call(coordinator, '/api/cbo-claims?status=pending');
    expect(pending.body.items.map((c: { id: string }) => c.id)).toContain(claimed.body.claim.id);
    const confirmed = await call(coordinator, `/api/cbo-claims/${claimed.body.claim.id}/decision`, {
      method: 'POST',
      body: JSON.stringify({ decision: 'confirm', cboId: cboB }),
    });
    expect(confirmed.body.claim).toMatchObject({ status: 'confirmed', cboId: cboB });
    expect((await call(member, '/api/cbos')).body.items.map((c: { id: string }) => c.id)).toEqual([cboB]);
    expect((await call(member, `/api/cbos/${cboA}`)).status).toBe(404);
    expect(
      (
        await call(coordinator, `/api/cbo-claims/${claimed.body.claim.id}/decision`, {
          method: 'POST',
          body: JSON.stringify({ decision: 'decline', reason: 'late' }),
        })
      ).status,
    ).toBe(409);

    const hopeful = await signUp('declined@example.org');
    const { body } = await call(hopeful, '/api/cbo-claims', {
      method: 'POST',
      body: JSON.stringify({ cboName: 'Unknown group', provinceCode: 'KH-2' }),
    });
    await call(coordinator, `/api/cbo-claims/${body.claim.id}/decision`, {
      method: 'POST',
      body: JSON.stringify({ decision: 'decline', reason: 'We could not find this group' }),
    });
    const mine = await call(hopeful, '/api/cbo-claims');
    expect(mine.body.items).toEqual([
      expect.objectContaining({ status: 'declined', decisionReason: 'We could not find this group' }),
    ]);
    expect(mine.body.items).toHaveLength(1);
  });

  it('refuses to confirm a claim against a CBO that does not exist', async () => {
    const member = await signUp('ghost@example.org');
    const { body } = await call(member, '/api/cbo-claims', {
      method: 'POST',
      body: JSON.stringify({ cboName: 'Ghost', provinceCode: 'KH-2' }),
    });
    const decision = await call(coordinator, `/api/cbo-claims/${body.claim.id}/decision`, {
      method: 'POST',
      body: JSON.stringify({ decision: 'confirm', cboId: '00000000-0000-4000-8000-00000000abcd' }),
    });
    expect(decision.status).toBe(404);
    expect((await call(member, '/api/cbo-claims')).body.items[0].status).toBe('pending');
  });
});
