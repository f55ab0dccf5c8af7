import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { STAFF, TestStack } from './stack';

const draft = {
  name: 'សហគមន៍នេសាទទន្លេសាប',
  provinceCode: 'KH-17',
  focusIssues: ['fisheries'],
  foundVia: 'field_visit',
};

describe('the CBO API, through the gateway, the services and the workflow', () => {
  let stack: TestStack;
  let token: string;

  beforeAll(async () => {
    stack = await TestStack.start('gateway');
    token = await stack.tokenFor(STAFF.coordinator);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const api = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${stack.gatewayUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...init.headers },
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const post = (body: unknown, key?: string) =>
    api('/api/cbos', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify(body),
    });
  const total = async () => (await api('/api/cbos')).body.total as number;

  it('reports PostgreSQL, NATS, Temporal and both services on /health', async () => {
    const { status, body } = await api('/health');
    expect(status).toBe(200);
    expect(body.status).toBe('up');
    for (const check of ['postgres', 'nats', 'temporal', 'identity', 'network', 'orchestrator', 'grants']) {
      expect(body.checks[check]).toMatchObject({ status: 'up' });
    }
  });

  it('records a CBO, starts its pipeline and lists it with the stage the workflow reports', async () => {
    const created = await post(draft, uniqueName('key'));
    expect(created.status).toBe(201);
    expect(created.body.cbo).toMatchObject(draft);
    expect(created.body.workflowId).toBe(`cbo-pipeline-${created.body.cbo.id}`);

    const listed = await waitFor(async () => {
      const { body } = await api('/api/cbos');
      const cbo = body.items.find((c: { id: string }) => c.id === created.body.cbo.id);
      return cbo?.stage === 'assessment' ? cbo : undefined;
    });
    expect(listed).toMatchObject({ name: draft.name, stage: 'assessment' });

    const pipeline = await api(`/api/cbos/${created.body.cbo.id}/pipeline`);
    expect(pipeline.body).toMatchObject({ stage: 'assessment' });
  });

  it('creates one CBO when the same form is sent twice with the same key', async () => {
    const key = uniqueName('key');
    const before = await total();
    const first = await post({ ...draft, name: 'Prek Toal Fishing Community' }, key);
    const second = await post({ ...draft, name: 'Prek Toal Fishing Community' }, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.cbo.id).toBe(first.body.cbo.id);
    expect(second.body.created).toBe(false);
    expect(await total()).toBe(before + 1);
  });

  it('refuses an idempotency key reused for another CBO, and stores nothing', async () => {
    const key = uniqueName('key');
    await post({ ...draft, name: 'Chong Kneas Fishing Community' }, key);
    const before = await total();
    const reused = await post({ ...draft, name: 'Another group' }, key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await total()).toBe(before);
  });

  it('answers an empty name and an unknown province with 400 naming both fields, and stores nothing', async () => {
    const before = await total();
    const { status, body } = await post({ ...draft, name: '  ', provinceCode: 'KH-99' }, uniqueName('key'));
    expect(status).toBe(400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'body', path: 'name', message: 'Name is required' }),
        expect.objectContaining({ in: 'body', path: 'provinceCode' }),
      ]),
    );
    expect(await total()).toBe(before);
  });

  it('requires an Idempotency-Key header on create', async () => {
    const { status, body } = await post(draft);
    expect(status).toBe(400);
    expect(body.details.issues).toEqual([expect.objectContaining({ in: 'header', path: 'idempotency-key' })]);
  });

  it('answers a body that is not JSON with 400 in the same error shape', async () => {
    const { status, body } = await api('/api/cbos', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': uniqueName('key') },
      body: '{not json',
    });
    expect(status).toBe(400);
    expect(body.code).toBe('VALIDATION_FAILED');
  });

  it('answers 404 for an unknown CBO and 400 for an id that is not one', async () => {
    expect((await api('/api/cbos/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const bad = await api('/api/cbos/not-an-id');
    expect(bad.status).toBe(400);
    expect(bad.body.details.issues[0]).toMatchObject({ in: 'path', path: 'id' });
  });

  it('sends security headers and forbids caching of API answers', async () => {
    const response = await fetch(`${stack.gatewayUrl}/api/cbos`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('serves the OpenAPI document, with the public routes marked', async () => {
    const { status, body } = await api('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(body.paths['/api/cbos'].post.operationId).toBe('createCbo');
    expect(body.paths['/health'].get['x-public']).toBe(true);
    expect(body.paths['/api/cbos'].get['x-public']).toBe(false);
    const docs = await fetch(`${stack.gatewayUrl}/api/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it('keeps the list and the stages across a restart of every process', async () => {
    const created = await post({ ...draft, name: 'Kampong Luong Floating Village' }, uniqueName('key'));
    await waitFor(async () => {
      const { body } = await api(`/api/cbos/${created.body.cbo.id}`);
      return body.cbo.stage === 'assessment' ? true : undefined;
    });
    const before = (await api('/api/cbos')).body;

    await stack.restart();
    // Sessions are server-side: the coordinator's session outlives the restart too.

    const after = (await api('/api/cbos')).body;
    expect(after.total).toBe(before.total);
    expect(after.items).toEqual(before.items);
    const pipeline = await api(`/api/cbos/${created.body.cbo.id}/pipeline`);
    expect(pipeline.body).toMatchObject({ stage: 'assessment' });
  });

  it('answers 503 with a clear message when a service is not answering', async () => {
    await stack.stopNetworkService();
    const { status, body } = await api('/api/cbos');
    expect(status).toBe(503);
    expect(body).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('network.cbo.list') });
    const health = await api('/health');
    expect(health.status).toBe(503);
    expect(health.body.checks.network.status).toBe('down');
  });
});
