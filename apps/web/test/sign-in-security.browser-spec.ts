import { randomUUID } from 'node:crypto';
import { STAFF } from '../../gateway/test/stack';
import { api, freshCode, newPage, sessionCookie, signInOnPage, SUBMIT, useWebRig } from './browser';

describe('signing in and the web’s guards', () => {
  const rig = useWebRig('web-guards');
  let token: string;

  beforeAll(async () => {
    token = await rig.stack.tokenFor(STAFF.coordinator);
  });

  const total = async () =>
    (await api<{ total: number }>(rig.stack.gatewayUrl, '/api/cbos?limit=1', { token })).body.total;

  it('refuses a wrong password with a translated message, and keeps no session', async () => {
    for (const [locale, message] of [
      ['en', 'The email or password is not right.'],
      ['km', 'អ៊ីមែល ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវទេ។'],
    ]) {
      const [context, page] = await newPage(rig.browser);
      await page.goto(`${rig.web.url}/${locale}/sign-in`);
      await page.fill('#email', STAFF.coordinator.email);
      await page.fill('#password', 'not the password at all');
      await page.click(SUBMIT);
      await page.getByText(message).waitFor();
      expect(await page.inputValue('#email')).toBe(STAFF.coordinator.email);
      expect(await sessionCookie(context)).toBeUndefined();
      expect(await page.locator('[data-signed-in-as]').count()).toBe(0);

      await page.goto(`${rig.web.url}/${locale}/cbos`);
      await page.waitForURL(new RegExp(`/${locale}/sign-in\\?next=%2Fcbos$`));
      await context.close();
    }
  });

  it('sends a visitor who is not signed in to the sign-in page, and back afterwards', async () => {
    const [context, page] = await newPage(rig.browser);
    const response = await page.goto(`${rig.web.url}/en/cbos`);
    expect(new URL(page.url()).pathname).toBe('/en/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/cbos');
    expect(response?.ok()).toBe(true);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("form-action 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    await signInOnPage(page, STAFF.coordinator);
    expect(new URL(page.url()).pathname).toBe('/en/cbos');
    const cookie = await sessionCookie(context);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.expires).toBeGreaterThan(Date.now() / 1000);
    await context.close();
  });

  it('takes the second factor without JavaScript with the single-use challenge, never the password', async () => {
    const admin = STAFF.admin;
    const [context, page] = await newPage(rig.browser, { javaScriptEnabled: false });
    await page.goto(`${rig.web.url}/en/admin/users`);
    await page.waitForURL(/\/en\/sign-in\?next=/);
    await page.fill('#email', admin.email);
    await page.fill('#password', admin.password);
    await page.click(SUBMIT);
    await page
      .getByText(`Your account ${admin.email} uses two-factor authentication.`, { exact: false })
      .waitFor();

    // The second step's form holds the challenge, and nothing that is or hides the password.
    const challenge = await page.inputValue('input[name=challenge]');
    expect(challenge.length).toBeGreaterThan(20);
    expect(await page.locator('main input[name=password]').count()).toBe(0);
    const values = await page
      .locator('main input')
      .evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
    expect(values.filter((value) => value.includes(admin.password))).toEqual([]);

    await page.fill('#code', await freshCode(admin.totpSecret!, admin.email));
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST'),
      page.click(SUBMIT),
    ]);
    const sent = request.postDataBuffer()?.toString('utf8') ?? '';
    expect(sent).toContain(challenge);
    expect(sent).not.toContain(admin.password);
    await page.waitForURL(/\/en\/admin\/users$/);
    expect(await sessionCookie(context)).toBeDefined();
    await context.close();
  });

  it('says to start again when the second step comes with a made-up or an already used challenge', async () => {
    // Made up (or tampered with): the translated message, and back to email and password.
    const [context, page] = await newPage(rig.browser);
    await page.goto(`${rig.web.url}/en/sign-in`);
    await page.fill('#email', STAFF.finance.email);
    await page.fill('#password', STAFF.finance.password);
    await page.click(SUBMIT);
    await page.locator('#code').waitFor();
    await page
      .locator('input[name=challenge]')
      .evaluate((input) => ((input as unknown as { value: string }).value = 'made-up-challenge-0123456789'));
    await page.fill('#code', '123456');
    await page.click(SUBMIT);
    await page
      .getByText('This sign-in has expired or was already used. Please enter your email and password again.')
      .waitFor();
    await page.locator('#password').waitFor();
    expect(await page.inputValue('#email')).toBe(STAFF.finance.email);
    expect(await page.locator('input[name=challenge]').count()).toBe(0);
    expect(await sessionCookie(context)).toBeUndefined();
    await context.close();

    // Used: the second step signs in once; the very same form sent again (the back button, a
    // retry) is told, in Khmer and without JavaScript, to start again.
    const [theirs, their] = await newPage(rig.browser, { javaScriptEnabled: false });
    await their.goto(`${rig.web.url}/km/sign-in`);
    await their.fill('#email', STAFF.approver.email);
    await their.fill('#password', STAFF.approver.password);
    await their.click(SUBMIT);
    await their.locator('#code').waitFor();
    await their.fill('#code', await freshCode(STAFF.approver.totpSecret!, STAFF.approver.email));
    const [request] = await Promise.all([
      their.waitForRequest((r) => r.method() === 'POST'),
      their.click(SUBMIT),
    ]);
    await their.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
    const contentType = (await request.headerValue('content-type')) ?? '';
    const body = request.postDataBuffer() ?? undefined;
    await theirs.close();

    const again = await fetch(request.url(), {
      method: 'POST',
      headers: { origin: rig.web.url, 'content-type': contentType },
      body,
    });
    expect(again.status).toBe(200);
    const html = await again.text();
    expect(html).toContain('ការចូលគណនីនេះផុតកំណត់ ឬត្រូវបានប្រើរួចហើយ។ សូមបញ្ចូលអ៊ីមែល និងពាក្យសម្ងាត់របស់អ្នកម្តងទៀត។');
    expect(html).toContain('name="password"');
    expect(again.headers.get('set-cookie') ?? '').not.toContain('bandanh_session=');
  });

  it('shows a protection officer a plain "not allowed" page where their role has no access', async () => {
    const [context, page] = await newPage(rig.browser);
    await page.goto(`${rig.web.url}/en/cbos`);
    await signInOnPage(page, STAFF.protection_officer);
    await page.goto(`${rig.web.url}/en/cbos`);
    await page.locator('[data-not-allowed]').waitFor();
    await page.goto(`${rig.web.url}/en/admin/users`);
    await page.locator('[data-not-allowed]').waitFor();
    expect(await page.locator('header a[href="/en/cbos"]').count()).toBe(0);
    await context.close();
  });

  it('refuses a server action sent from another origin, and records nothing', async () => {
    const [context, page] = await newPage(rig.browser);
    await page.goto(`${rig.web.url}/en/cbos/new`);
    await signInOnPage(page, STAFF.coordinator);
    await page.waitForURL(/\/en\/cbos\/new$/);

    // A real submission, to capture what the browser sends to the action.
    await page.fill('#name', 'Tonle Sap Floating Village');
    await page.selectOption('#provinceCode', { label: 'Siem Reap' });
    await page.getByRole('checkbox', { name: 'Fisheries', exact: true }).check();
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

    // The same action with a fresh idempotency key and another name (a like name in the same
    // province would be held back as a likely duplicate), so it would record a second CBO.
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
        body: body
          .split(key)
          .join(randomUUID())
          .split('Tonle Sap Floating Village')
          .join('Chong Kneas Fishers'),
      });

    const before = await total();
    const foreign = await replay('http://evil.example');
    expect(foreign.ok).toBe(false);
    expect(await total()).toBe(before);

    // The very same request from the web's own origin is accepted: only the origin differed.
    const own = await replay(rig.web.url);
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
    const signedUp = await api(rig.stack.gatewayUrl, '/api/auth/sign-up', {
      method: 'POST',
      body: { email: person.email, displayName: 'Bopha', password: person.password },
    });
    expect(signedUp.status).toBe(201);

    const [context, page] = await newPage(rig.browser);
    await page.goto(`${rig.web.url}/en/account/password`);
    await signInOnPage(page, person);
    await page.waitForURL(/\/en\/account\/password$/);

    await page.fill('#current', 'not my password');
    await page.fill('#password', person.next);
    await page.fill('#confirm', person.next);
    await page.click(SUBMIT);
    await page.getByText('Your current password is not right.').waitFor();

    // A common new password is named on the new password's field, translated.
    await page.fill('#current', person.password);
    await page.fill('#password', 'password1');
    await page.fill('#confirm', 'password1');
    await page.click(SUBMIT);
    await page.getByText('This password is too common or too easy to guess. Choose another one.').waitFor();
    expect(await page.getAttribute('#password', 'aria-invalid')).toBe('true');

    await page.fill('#password', person.next);
    await page.fill('#confirm', 'something else entirely');
    await page.click(SUBMIT);
    await page.getByText('The two passwords are not the same.').waitFor();

    await page.fill('#confirm', person.next);
    await page.click(SUBMIT);
    await page.getByText('Your password was changed.', { exact: false }).waitFor();

    const old = await api(rig.stack.gatewayUrl, '/api/auth/sign-in', {
      method: 'POST',
      body: { email: person.email, password: person.password },
    });
    expect(old.status).toBe(401);
    await page.click('[data-sign-out]');
    // The sign-out is a server action: wait until it has ended the session before moving on.
    await page.locator('[data-sign-out]').waitFor({ state: 'detached' });
    await page.goto(`${rig.web.url}/en/cbos`);
    await signInOnPage(page, { email: person.email, password: person.next });
    expect(new URL(page.url()).pathname).toBe('/en/cbos');
    await context.close();
  });
});
