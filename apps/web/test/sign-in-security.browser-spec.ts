import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { STAFF, TestStack } from '../../gateway/test/stack';
import { SUBMIT, api, launchChromium, newPage, sessionCookie, signInOnPage } from './browser';
import { startWeb } from './web-server';

describe('signing in and the web’s guards', () => {
  let stack: TestStack;
  let web: { url: string; stop(): Promise<void> };
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    stack = await TestStack.start('web-guards');
    web = await startWeb(stack.gatewayUrl);
    browser = await launchChromium();
    token = await stack.tokenFor(STAFF.coordinator);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await stack?.stop();
  });

  const total = async () =>
    (await api<{ total: number }>(stack.gatewayUrl, '/api/cbos?limit=1', { token })).body.total;

  it('refuses a wrong password with a translated message, and keeps no session', async () => {
    for (const [locale, message] of [
      ['en', 'The email or password is not right.'],
      ['km', 'អ៊ីមែល ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវទេ។'],
    ]) {
      const [context, page] = await newPage(browser);
      await page.goto(`${web.url}/${locale}/sign-in`);
      await page.fill('#email', STAFF.coordinator.email);
      await page.fill('#password', 'not the password at all');
      await page.click(SUBMIT);
      await page.getByText(message).waitFor();
      expect(await page.inputValue('#email')).toBe(STAFF.coordinator.email);
      expect(await sessionCookie(context)).toBeUndefined();
      expect(await page.locator('[data-signed-in-as]').count()).toBe(0);

      await page.goto(`${web.url}/${locale}/cbos`);
      await page.waitForURL(new RegExp(`/${locale}/sign-in\\?next=%2Fcbos$`));
      await context.close();
    }
  });

  it('sends a visitor who is not signed in to the sign-in page, and back afterwards', async () => {
    const [context, page] = await newPage(browser);
    const response = await page.goto(`${web.url}/en/cbos`);
    expect(new URL(page.url()).pathname).toBe('/en/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/cbos');
    expect(response?.ok()).toBe(true);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    await signInOnPage(page, STAFF.coordinator);
    expect(new URL(page.url()).pathname).toBe('/en/cbos');
    const cookie = await sessionCookie(context);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.expires).toBeGreaterThan(Date.now() / 1000);
    await context.close();
  });

  it('shows a protection officer a plain "not allowed" page where their role has no access', async () => {
    const [context, page] = await newPage(browser);
    await page.goto(`${web.url}/en/cbos`);
    await signInOnPage(page, STAFF.protection_officer);
    await page.goto(`${web.url}/en/cbos`);
    await page.locator('[data-not-allowed]').waitFor();
    await page.goto(`${web.url}/en/admin/users`);
    await page.locator('[data-not-allowed]').waitFor();
    expect(await page.locator('header a[href="/en/cbos"]').count()).toBe(0);
    await context.close();
  });

  it('refuses a server action sent from another origin, and records nothing', async () => {
    const [context, page] = await newPage(browser);
    await page.goto(`${web.url}/en/cbos/new`);
    await signInOnPage(page, STAFF.coordinator);
    await page.waitForURL(/\/en\/cbos\/new$/);

    // A real submission, to capture what the browser sends to the action.
    await page.fill('#name', 'Tonle Sap Floating Village');
    await page.selectOption('#provinceCode', { label: 'Siem Reap' });
    await page.selectOption('#focusIssue', { label: 'Fisheries' });
    await page.selectOption('#foundVia', { label: 'Referral' });
    const key = await page.inputValue('input[name=idempotencyKey]');
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && r.headers()['next-action'] !== undefined),
      page.click(SUBMIT),
    ]);
    await page.waitForURL(/\/en\/cbos\?created=/);
    const headers = await request.allHeaders();
    const body = request.postDataBuffer()?.toString('utf8') ?? '';
    expect(body).toContain(key);

    // The same action with a fresh idempotency key, so it would record a second CBO.
    const replay = (origin: string) =>
      fetch(request.url(), {
        method: 'POST',
        redirect: 'manual',
        headers: {
          origin,
          cookie: headers.cookie ?? '',
          accept: headers.accept ?? 'text/x-component',
          'content-type': headers['content-type'] ?? '',
          'next-action': headers['next-action'] ?? '',
          'next-router-state-tree': headers['next-router-state-tree'] ?? '',
        },
        body: body.split(key).join(randomUUID()),
      });

    const before = await total();
    const foreign = await replay('http://evil.example');
    expect(foreign.ok).toBe(false);
    expect(await total()).toBe(before);

    // The very same request from the web's own origin is accepted: only the origin differed.
    const own = await replay(web.url);
    expect(own.status).toBeLessThan(400);
    expect(await total()).toBe(before + 1);
    await context.close();
  });

  it('changes a password: the old one stops working, the new one signs in', async () => {
    const person = {
      email: 'bopha@cbo.test',
      password: 'first long passphrase',
      next: 'second long passphrase',
    };
    const signedUp = await api(stack.gatewayUrl, '/api/auth/sign-up', {
      method: 'POST',
      body: { email: person.email, displayName: 'Bopha', password: person.password },
    });
    expect(signedUp.status).toBe(201);

    const [context, page] = await newPage(browser);
    await page.goto(`${web.url}/en/account/password`);
    await signInOnPage(page, person);
    await page.waitForURL(/\/en\/account\/password$/);

    await page.fill('#current', 'not my password');
    await page.fill('#password', person.next);
    await page.fill('#confirm', person.next);
    await page.click(SUBMIT);
    await page.getByText('Your current password is not right.').waitFor();

    await page.fill('#current', person.password);
    await page.fill('#confirm', 'something else entirely');
    await page.click(SUBMIT);
    await page.getByText('The two passwords are not the same.').waitFor();

    await page.fill('#confirm', person.next);
    await page.click(SUBMIT);
    await page.getByText('Your password was changed.', { exact: false }).waitFor();

    const old = await api(stack.gatewayUrl, '/api/auth/sign-in', {
      method: 'POST',
      body: { email: person.email, password: person.password },
    });
    expect(old.status).toBe(401);
    await page.click('[data-sign-out]');
    await page.goto(`${web.url}/en/cbos`);
    await signInOnPage(page, { email: person.email, password: person.next });
    expect(new URL(page.url()).pathname).toBe('/en/cbos');
    await context.close();
  });
});
