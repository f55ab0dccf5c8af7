import { randomBytes } from 'node:crypto';
import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { CLIENT_ADDRESS_HEADER, WEB_KEY_HEADER } from '../src/http/client-address';
import { Mailbox } from './mail';
import { STAFF, TestStack } from './stack';

/** Public writes one address may make per window in this file: the 429 test uses them up. */
const LIMIT = 6;
const SECRET = randomBytes(32).toString('base64url');
const REFERENCE = /^BDH-[0-9A-HJKMNP-TV-Z]{8}$/;

/** What the web sends for a visitor at `address`: each test is its own visitor. */
const fromWeb = (address: string) => ({ [WEB_KEY_HEADER]: SECRET, [CLIENT_ADDRESS_HEADER]: address });

/** A test's own address: Mailpit is shared, so each test finds its messages by recipient. */
const mailTo = (label: string) => `${uniqueName(label)}@applicant.test.bandanh.org`;

const assessment = {
  membersWomen: 14,
  membersMen: 11,
  ongoingActivities: 'Monthly fisheries patrols',
  plannedActivities: 'Map the fishing lots in dispute',
  ambitions: 'A community fishery recognised by the province',
  leadership: 'An elected committee of five, two of them women',
  meetingsHeld: 12,
  recordsKept: true,
  registration: 'in_progress',
  risks: 'Threats from a lot holder',
};

/** A group's application from an open province (the default expansion plan opens KH-17). */
const application = (fields: Record<string, unknown> = {}) => ({
  name: `Tonle Sap Fishers ${uniqueName('g')}`,
  nameKm: 'ក្រុមអ្នកនេសាទទន្លេសាប',
  provinceCode: 'KH-17',
  focusIssues: ['fisheries'],
  purpose: 'human_rights',
  contacts: [{ name: 'Chan Dara', phone: '012 345 678' }],
  ...fields,
});

describe('the public applicant: a reference, the status page, the decision by email, the limit', () => {
  let stack: TestStack;
  const mailbox = new Mailbox();
  const used: string[] = [];

  beforeAll(async () => {
    stack = await TestStack.start('applicant', {
      SMTP_URL: process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025',
      PUBLIC_WRITE_LIMIT: String(LIMIT),
      PUBLIC_WRITE_WINDOW: '1 minute',
      WEB_PROXY_SECRET: SECRET,
    });
  });

  afterAll(async () => {
    await mailbox.remove(used).catch(() => undefined);
    await stack?.stop();
  });

  async function call(path: string, init: RequestInit & { visitor?: string; token?: string } = {}) {
    const { visitor, token, ...rest } = init;
    const response = await fetch(`${stack.gatewayUrl}${path}`, {
      ...rest,
      headers: {
        ...(rest.body ? { 'content-type': 'application/json' } : {}),
        ...(visitor ? fromWeb(visitor) : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...rest.headers,
      },
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as any,
    };
  }

  const apply = (visitor: string, body: unknown, key = uniqueName('key')) =>
    call('/api/applications', {
      method: 'POST',
      visitor,
      headers: { 'idempotency-key': key },
      body: JSON.stringify(body),
    });

  const status = (visitor: string, reference: string) =>
    call(`/api/applications/${encodeURIComponent(reference)}`, { visitor });

  it('gives a development group a reference, says at once that the pilot rule declined it, and mails the decision in Khmer', async () => {
    const email = mailTo('development');
    used.push(email);
    const applied = await apply(
      '203.0.113.1',
      application({ purpose: 'development', nameKm: 'ក្រុមសន្សំប្រាក់ភូមិ', email, locale: 'km' }),
    );
    expect(applied.status).toBe(201);
    expect(applied.body).toEqual({
      cbo: { id: expect.any(String) },
      created: true,
      reference: expect.stringMatching(REFERENCE),
    });
    const { reference } = applied.body;

    // Right away, before the pipeline has reported its decline, and after it.
    const first = await status('203.0.113.1', reference);
    expect(first).toMatchObject({
      status: 200,
      body: { application: { status: 'declined', reason: 'rule:pilot_development' } },
    });
    const recorded = await waitFor(async () => {
      const { body } = await call(`/api/cbos/${applied.body.cbo.id}`, {
        token: await stack.tokenFor(STAFF.coordinator),
      });
      return body.cbo?.stage === 'declined' ? body.cbo : undefined;
    });
    expect(recorded.decision).toMatchObject({ outcome: 'declined', reason: 'rule:pilot_development' });

    // Typed from paper: small letters, spaces, no dash. Nothing of a person comes back.
    const typed = reference.toLowerCase().replace('-', ' ');
    const later = await status('203.0.113.1', typed);
    expect(later.status).toBe(200);
    expect(later.body).toEqual({
      application: {
        reference,
        status: 'declined',
        reason: 'rule:pilot_development',
        receivedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        decidedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      },
    });

    // The decision by email, in the language of the page, the rule said in its words, once.
    const mail = await mailbox.only(email);
    expect(mail.Subject).toBe('សេចក្ដីសម្រេចលើពាក្យស្នើសុំរបស់ ក្រុមសន្សំប្រាក់ភូមិ');
    expect(mail.Text).toContain('មូលហេតុ៖ ក្នុងដំណាក់កាលសាកល្បង');
    expect(mail.Text).toContain(reference);
    expect(mail.Text).toContain(`/km/apply/status?reference=${reference}`);
    expect(mail.Text).not.toContain('rule:pilot_development');
    // A retry of the same application (same key) is the same one: the same reference, no second mail.
    expect(await mailbox.to(email)).toHaveLength(1);
  });

  it('follows a human rights group from received to selected, and mails the selection in English to the address it left', async () => {
    const email = mailTo('selected');
    used.push(email);
    const key = uniqueName('key');
    const body = application({ email, locale: 'en' });
    const applied = await apply('203.0.113.2', body, key);
    expect(applied.status).toBe(201);
    const { reference, cbo } = applied.body;
    // The same form sent again: the first answer, with the same reference.
    const again = await apply('203.0.113.2', body, key);
    expect(again.body).toEqual({ cbo, created: false, reference });

    const assessing = await waitFor(async () => {
      const { body: answer } = await status('203.0.113.2', reference);
      return answer.application?.status === 'being_assessed' ? answer.application : undefined;
    });
    expect(assessing).toMatchObject({ reason: null, decidedOn: null });

    const { body: settings } = await call('/api/settings/network', {
      token: await stack.tokenFor(STAFF.admin),
    });
    const scores = Object.fromEntries(settings.settings.rubric.map((c: { key: string }) => [c.key, 3]));
    const assessed = await call(`/api/cbos/${cbo.id}/assessment`, {
      method: 'POST',
      token: await stack.tokenFor(STAFF.assessor),
      body: JSON.stringify({ ...assessment, scores }),
    });
    expect(assessed.body.stage).toBe('selection');
    expect((await status('203.0.113.2', reference)).body.application.status).toBe('awaiting_decision');

    const decided = await call(`/api/cbos/${cbo.id}/decision`, {
      method: 'POST',
      token: await stack.tokenFor(STAFF.approver),
      body: JSON.stringify({ outcome: 'selected' }),
    });
    expect(decided.body.stage).toBe('participant');
    expect((await status('203.0.113.2', reference)).body.application).toMatchObject({
      status: 'selected',
      reason: null,
      decidedOn: expect.any(String),
    });

    const mail = await mailbox.only(email);
    expect(mail.Subject).toBe(`${body.name} is selected for the Human Rights Network`);
    expect(mail.Text).toContain(`/en/apply/status?reference=${reference}`);
  });

  it('answers an unknown reference with one clear not found, and a malformed one with 400', async () => {
    const unknown = await status('203.0.113.3', 'BDH-00000000');
    expect(unknown).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    const malformed = await status('203.0.113.3', 'BDH-12');
    expect(malformed).toMatchObject({
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        details: { issues: [expect.objectContaining({ path: 'reference' })] },
      },
    });
  });

  it('refuses an email address that is not one, and stores nothing', async () => {
    const refused = await apply('203.0.113.4', application({ email: 'not an address' }));
    expect(refused).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: { issues: [expect.objectContaining({ path: 'email' })] } },
    });
  });

  it('limits applications and status checks per address, saying when to try again', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await apply('203.0.113.5', {})).status).toBe(400);
    const limited = await apply('203.0.113.5', {});
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: expect.any(Number) },
    });

    for (let i = 0; i < LIMIT; i++) expect((await status('203.0.113.6', 'BDH-00000000')).status).toBe(404);
    const guessing = await status('203.0.113.6', 'BDH-00000001');
    expect(guessing.status).toBe(429);
    expect(Number(guessing.retryAfter)).toBeGreaterThanOrEqual(1);
  });
});
