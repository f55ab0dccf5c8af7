import { connect, type NatsConnection } from 'nats';
import { sendNotification, type Notification, type ServiceName } from '@bandanh/contracts';
import { NatsRpc, systemCaller } from '@bandanh/platform';
import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { freePort, Mailbox, startMailpit } from './mail';
import { STAFF, TestStack } from './stack';

const assessment = {
  membersWomen: 14,
  membersMen: 11,
  ongoingActivities: 'Monthly forest patrols',
  plannedActivities: 'Map the land in dispute with the commune',
  ambitions: 'A communal land title',
  leadership: 'An elected committee of five, two of them women',
  meetingsHeld: 12,
  recordsKept: true,
  registration: 'in_progress',
  risks: 'Threats from a concession company',
};

/** A test's own address: Mailpit is shared, so each test finds its messages by recipient. */
const address = (label: string) => `${uniqueName(label)}@notify.test.bandanh.org`;

/** Calls the API as `token`, answering the status and the parsed body. */
async function call(stack: TestStack, token: string | undefined, path: string, init: RequestInit = {}) {
  const response = await fetch(`${stack.gatewayUrl}${path}`, {
    ...init,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function natsAs(stack: TestStack, nats: NatsConnection, service: ServiceName) {
  return new NatsRpc(nats, stack.env.NATS_PREFIX, 10_000, await stack.keys.signer(service));
}

describe('the notification channel on the real Temporal, NATS, PostgreSQL and Mailpit', () => {
  let stack: TestStack;
  let nats: NatsConnection;
  const tokens: Record<string, string> = {};
  const mailbox = new Mailbox();
  const used: string[] = [];

  beforeAll(async () => {
    stack = await TestStack.start('notify', { SMTP_URL: process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025' });
    for (const role of ['coordinator', 'assessor', 'approver', 'admin'] as const) {
      tokens[role] = await stack.tokenFor(STAFF[role]);
    }
    nats = await connect({ servers: 'nats://127.0.0.1:4222' });
  });

  afterAll(async () => {
    await mailbox.remove(used).catch(() => undefined);
    await nats?.drain();
    await stack?.stop();
  });

  /** A member account linked to `cboId`, by the code a coordinator gives. */
  async function member(cboId: string, email: string): Promise<string> {
    const { body: signedUp } = await call(stack, undefined, '/api/auth/sign-up', {
      method: 'POST',
      body: JSON.stringify({ email, displayName: 'Sokha', password: 'a long member passphrase' }),
    });
    const token = signedUp.session.token as string;
    const { body: issued } = await call(stack, tokens.coordinator, `/api/cbos/${cboId}/link-codes`, {
      method: 'POST',
      body: '{}',
    });
    await call(stack, token, '/api/me/cbo-link', {
      method: 'POST',
      body: JSON.stringify({ code: issued.code }),
    });
    return token;
  }

  async function cboInSelection(name: string): Promise<string> {
    const { body } = await call(stack, tokens.coordinator, '/api/cbos', {
      method: 'POST',
      headers: { 'idempotency-key': uniqueName('key') },
      body: JSON.stringify({
        name,
        provinceCode: 'KH-2',
        focusIssues: ['land'],
        foundVia: 'field_visit',
        acknowledgeDuplicates: true,
      }),
    });
    const id = body.cbo.id as string;
    await waitFor(
      async () =>
        (await call(stack, tokens.coordinator, `/api/cbos/${id}/pipeline`)).body.stage === 'assessment'
          ? true
          : undefined,
      { what: `${name} to reach assessment`, timeoutMs: 30_000 },
    );
    const { body: settings } = await call(stack, tokens.admin, '/api/settings/network');
    const scores = Object.fromEntries(settings.settings.rubric.map((c: { key: string }) => [c.key, 3]));
    const assessed = await call(stack, tokens.assessor, `/api/cbos/${id}/assessment`, {
      method: 'POST',
      body: JSON.stringify({ ...assessment, scores }),
    });
    expect(assessed.body.stage).toBe('selection');
    return id;
  }

  it('tells a declined CBO’s member by email, in their language, once, and shows it to admins and the member', async () => {
    const id = await cboInSelection(`Kbal Spean Land Network ${uniqueName('n')}`);
    const email = address('member');
    used.push(email);
    const memberToken = await member(id, email);
    const other = await cboInSelection(`Other Network ${uniqueName('n')}`);
    const otherEmail = address('other');
    used.push(otherEmail);
    const otherToken = await member(other, otherEmail);

    const declined = await call(stack, tokens.approver, `/api/cbos/${id}/decision`, {
      method: 'POST',
      body: JSON.stringify({ outcome: 'declined', reason: 'Too few meetings so far' }),
    });
    expect(declined.body.stage).toBe('declined');

    // Members read Khmer until they choose a language.
    const mail = await mailbox.only(email);
    expect(mail.Subject).toMatch(/^សេចក្ដីសម្រេចលើពាក្យស្នើសុំរបស់ Kbal Spean Land Network/);
    expect(mail.Text).toContain('មូលហេតុ៖ Too few meetings so far');

    // The admin list and the member's own list show it as sent, after one attempt.
    const listed = await waitFor(async () => {
      const { body } = await call(stack, tokens.admin, '/api/admin/notifications');
      return (body.items as Notification[]).find((n) => n.recipient === email && n.status === 'sent');
    });
    expect(listed).toMatchObject({
      kind: 'cbo_decision',
      locale: 'km',
      attempts: 1,
      lastError: null,
      cboId: id,
    });
    expect(listed.key).toMatch(new RegExp(`^decision-${id}-\\d+-`));
    const mine = await call(stack, memberToken, `/api/cbos/${id}/notifications`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((n: Notification) => n.key)).toEqual([listed.key]);
    // Another group's member sees none of it (not even that the CBO exists); nor does staff who
    // is not an admin.
    expect((await call(stack, otherToken, `/api/cbos/${id}/notifications`)).status).toBe(404);
    expect((await call(stack, tokens.coordinator, '/api/admin/notifications')).status).toBe(403);

    // The same event notified again (a retried activity, a relay sending twice) sends nothing.
    const orchestrator = await natsAs(stack, nats, 'orchestrator');
    const again = await orchestrator.send(
      sendNotification,
      {
        key: listed.key,
        kind: 'cbo_decision',
        locale: 'km',
        recipient: { email },
        params: { cboName: 'Kbal Spean', outcome: 'declined', reason: 'Too few meetings so far' },
        cboId: id,
      },
      systemCaller('orchestrator'),
    );
    expect(again).toEqual({ key: listed.key, workflowId: `notification-${listed.key}`, started: false });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await mailbox.to(email)).toHaveLength(1);
    expect(await mailbox.to(otherEmail)).toHaveLength(0);
  });

  it('sends any kind for a service, in English when the recipient reads English, and refuses bad values', async () => {
    const email = address('english');
    used.push(email);
    const identity = await natsAs(stack, nats, 'identity');
    const key = uniqueName('test-english');
    await expect(
      identity.send(
        sendNotification,
        {
          key,
          kind: 'cbo_decision',
          locale: 'en',
          recipient: { email },
          params: { cboName: 'Prey Lang', outcome: 'selected', reason: '' },
        },
        systemCaller('identity'),
      ),
    ).resolves.toMatchObject({ started: true });
    const mail = await mailbox.only(email);
    expect(mail.Subject).toBe('Prey Lang is selected for the Human Rights Network');
    expect(mail.Text).toContain('has been selected as a participant');

    await expect(
      identity.send(
        sendNotification,
        { key: uniqueName('test-bad'), kind: 'cbo_decision', locale: 'en', recipient: { email }, params: {} },
        systemCaller('identity'),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('the notification channel when the SMTP relay is down', () => {
  let stack: TestStack;
  let nats: NatsConnection;
  let port: number;
  let relay: Awaited<ReturnType<typeof startMailpit>> | undefined;

  beforeAll(async () => {
    port = await freePort();
    stack = await TestStack.start('notify-down', { SMTP_URL: `smtp://127.0.0.1:${port}` });
    nats = await connect({ servers: 'nats://127.0.0.1:4222' });
  });

  afterAll(async () => {
    await relay?.stop();
    await nats?.drain();
    await stack?.stop();
  });

  it('records each failed attempt with its error, retries with a growing pause, and sends once the relay is back', async () => {
    const admin = await stack.tokenFor(STAFF.admin);
    const email = address('retried');
    const key = uniqueName('test-retry');
    const rpc = new NatsRpc(nats, stack.env.NATS_PREFIX, 10_000, await stack.keys.signer('orchestrator'));
    await rpc.send(
      sendNotification,
      {
        key,
        kind: 'cbo_decision',
        locale: 'en',
        recipient: { email },
        params: { cboName: 'Tonle Sap Fishers', outcome: 'selected', reason: '' },
      },
      systemCaller('orchestrator'),
    );
    const row = async () => {
      const { body } = await call(stack, admin, '/api/admin/notifications');
      return (body.items as Notification[]).find((n) => n.key === key);
    };
    const failed = await waitFor(
      async () => {
        const found = await row();
        return found && found.attempts >= 2 ? found : undefined;
      },
      { what: 'two failed attempts', timeoutMs: 20_000 },
    );
    expect(failed).toMatchObject({ status: 'failed', sentAt: null });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    const failedOnly = await call(stack, admin, '/api/admin/notifications?status=failed');
    expect(failedOnly.body.items.map((n: Notification) => n.key)).toContain(key);

    // The relay comes back on its port: the next retry goes through, and the log says so.
    relay = await startMailpit(port);
    const sent = await waitFor(
      async () => {
        const found = await row();
        return found?.status === 'sent' ? found : undefined;
      },
      { what: 'the retried message to be sent', timeoutMs: 45_000 },
    );
    expect(sent.attempts).toBeGreaterThan(failed.attempts);
    expect(sent.lastError).toBeNull();
    const mail = await relay.mailbox.only(email);
    expect(mail.Subject).toBe('Tonle Sap Fishers is selected for the Human Rights Network');
  }, 90_000);
});
