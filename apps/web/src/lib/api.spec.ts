jest.mock('server-only', () => ({}));
jest.mock('./session', () => ({ sessionToken: jest.fn(async () => 'the-session') }));
jest.mock('./web-proxy', () => ({
  visitorHeaders: jest.fn(async () => ({ 'x-bandanh-client-address': '10.0.0.7' })),
}));

import { api, GatewayError, ROUTES } from './api';

const CBO_ID = '6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f';

/** The gateway, answering `status` with `body` and keeping what it was asked. */
function gatewayAnswers(status: number, body: unknown) {
  const fetch = jest.fn(
    async (_url: string, _init: RequestInit) => new Response(JSON.stringify(body), { status }),
  );
  global.fetch = fetch as unknown as typeof global.fetch;
  return fetch;
}

const headersOf = (init: RequestInit) => init.headers as Record<string, string>;

describe('the typed client of the gateway', () => {
  it("fills in the route's path and query, and sends the session to a staff route", async () => {
    const fetch = gatewayAnswers(200, { items: [] });
    await api(ROUTES.listTasks, { query: { cboId: CBO_ID, all: 'true' } });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`http://127.0.0.1:3001/api/tasks?cboId=${CBO_ID}&all=true`);
    expect(init.method).toBe('GET');
    expect(init.body).toBeUndefined();
    expect(headersOf(init).authorization).toBe('Bearer the-session');
    // A read does not name the visitor.
    expect(headersOf(init)['x-bandanh-client-address']).toBeUndefined();
  });

  it('leaves out the query parts not given, and encodes the path parameters', async () => {
    const invitation = {
      id: CBO_ID,
      email: 'a@example.org',
      roles: [],
      expiresAt: '2026-01-01T00:00:00.000Z',
    };
    const asked = gatewayAnswers(200, { invitation });
    await api(ROUTES.getInvitation, { params: { token: 'a/b c' } });
    expect(asked.mock.calls[0][0]).toBe('http://127.0.0.1:3001/api/invitations/a%2Fb%20c');

    const listed = gatewayAnswers(200, { items: [] });
    await api(ROUTES.listReferrals, { query: { status: undefined } });
    expect(listed.mock.calls[0][0]).toBe('http://127.0.0.1:3001/api/referrals');
  });

  it('sends no session to a public route, and names the visitor on a write', async () => {
    const fetch = gatewayAnswers(201, { cbo: { id: CBO_ID }, created: true, reference: 'BDH-7Q2M9XKA' });
    const answer = await api(ROUTES.applyAsCbo, { idempotencyKey: 'form-key', body: { name: 'x' } as never });
    const [, init] = fetch.mock.calls[0];
    expect(answer).toEqual({ cbo: { id: CBO_ID }, created: true, reference: 'BDH-7Q2M9XKA' });
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ name: 'x' });
    expect(headersOf(init)).toMatchObject({
      'content-type': 'application/json',
      'idempotency-key': 'form-key',
      'x-bandanh-client-address': '10.0.0.7',
    });
    expect(headersOf(init).authorization).toBeUndefined();
  });

  it('names the visitor on a read the gateway counts per address (an application by its reference)', async () => {
    const application = {
      reference: 'BDH-7Q2M9XKA',
      status: 'received',
      reason: null,
      receivedOn: '2026-01-01',
      decidedOn: null,
    };
    const fetch = gatewayAnswers(200, { application });
    await api(ROUTES.getApplicationStatus, { params: { reference: 'BDH-7Q2M9XKA' } });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('http://127.0.0.1:3001/api/applications/BDH-7Q2M9XKA');
    expect(headersOf(init)['x-bandanh-client-address']).toBe('10.0.0.7');
    expect(headersOf(init).authorization).toBeUndefined();
  });

  it("parses the success answer with the route's schema", async () => {
    const province = { code: 'KH-1', name: 'Banteay Meanchey', nameKm: 'បន្ទាយមានជ័យ' };
    gatewayAnswers(200, { items: [province], extra: true });
    await expect(api(ROUTES.listProvinces)).resolves.toEqual({ items: [province] });
    // An answer of another shape is not passed on as if it were right.
    gatewayAnswers(200, { items: [{ code: 'KH-1', name: 'Banteay Meanchey' }] });
    await expect(api(ROUTES.listProvinces)).rejects.toThrow();
  });

  it('throws the error in the one shape, or UNAVAILABLE when nothing answers', async () => {
    gatewayAnswers(409, {
      code: 'CONFLICT',
      message: 'Already decided',
      details: { reason: 'already_decided' },
    });
    const refused = await api(ROUTES.getCbo, { params: { id: CBO_ID } }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GatewayError);
    expect(refused).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT', details: { reason: 'already_decided' } },
    });

    gatewayAnswers(502, 'Bad gateway');
    await expect(api(ROUTES.getCbo, { params: { id: CBO_ID } })).rejects.toMatchObject({
      status: 502,
      body: { code: 'INTERNAL' },
    });

    global.fetch = jest.fn(async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof global.fetch;
    await expect(api(ROUTES.getCbo, { params: { id: CBO_ID } })).rejects.toMatchObject({
      status: 503,
      body: { code: 'UNAVAILABLE' },
    });
  });
});
