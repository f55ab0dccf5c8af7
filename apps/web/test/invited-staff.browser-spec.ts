import { STAFF, totp } from '../../gateway/test/stack';
import { api, newPage, SUBMIT, useWebRig } from './browser';

describe('an invited staff member', () => {
  const rig = useWebRig('web-invite');

  it('joins through the link, turns on two-factor authentication, signs in again with a code and records a CBO', async () => {
    const admin = await rig.stack.tokenFor(STAFF.admin);
    const invited = await api<{ token: string }>(rig.stack.gatewayUrl, '/api/invitations', {
      token: admin,
      method: 'POST',
      body: { email: 'sreymom@test.bandanh', roles: ['coordinator'] },
    });
    expect(invited.status).toBe(201);
    const person = { email: 'sreymom@test.bandanh', password: 'river stones under the bridge' };

    const [context, page] = await newPage(rig.browser);

    // The link says whom it invites, and with which roles, before the form.
    const opened = await page.goto(`${rig.web.url}/en/invitations/${invited.body.token}`);
    expect(opened?.status()).toBe(200);
    await expect(page.textContent('[data-invited-email]')).resolves.toBe('sreymom@test.bandanh');
    await page.getByText('This invitation is for:').waitFor();
    await expect(page.textContent('[data-invitation-for]')).resolves.toContain('Coordinator');
    // A locator lists what it matches in the order of the page.
    const order = await page
      .locator('main [data-invited-email], main form')
      .evaluateAll((elements) => elements.map((element) => element.tagName));
    expect(order).toEqual(['DD', 'FORM']);

    // Name and password (typed twice).
    await page.fill('#displayName', 'Chea Sreymom');
    await page.fill('#password', person.password);
    await page.fill('#confirm', person.password);
    await page.click(SUBMIT);
    await page.waitForURL(/\/en\/account\/mfa\?welcome=1/);
    await page.getByText('Welcome, Chea Sreymom. Your account is ready.').waitFor();
    await expect(page.textContent('[data-signed-in-as]')).resolves.toBe('Signed in as Chea Sreymom');

    // Two-factor authentication: the QR code and the key to type, then a first code.
    await page.click(SUBMIT);
    await page.locator('#mfa-secret').waitFor();
    const secret = ((await page.textContent('#mfa-secret')) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await page.getAttribute('img.qr', 'src')).toMatch(/^data:image\/svg\+xml;base64,/);
    await page.fill('#code', totp(secret));
    await page.click(SUBMIT);

    // The recovery codes, shown once, with the instruction to keep them.
    await page.getByText('Two-factor authentication is now on.').waitFor();
    await page.getByText('These codes are shown only this once.', { exact: false }).waitFor();
    const codes = await page.locator('ol.codes li').allTextContents();
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
    await page.getByRole('link', { name: 'I have kept my codes: continue' }).click();
    await page.waitForURL(/\/en\/cbos$/);

    // Sign out, and back in with the password and a code from the app.
    await page.click('[data-sign-out]');
    await page.waitForURL(/\/en\/sign-in\?signedOut=1/);
    await page.getByText('You have signed out.').waitFor();
    expect(await page.locator('[data-signed-in-as]').count()).toBe(0);

    await page.fill('#email', person.email);
    await page.fill('#password', person.password);
    await page.click(SUBMIT);
    await page.getByText('uses two-factor authentication', { exact: false }).waitFor();
    // The second step carries the API's challenge, not the password (sealed or not).
    expect(await page.inputValue('input[name=challenge]')).not.toBe('');
    expect(await page.locator('main input[name=password]').count()).toBe(0);
    const carried = await page
      .locator('main input[type=hidden]')
      .evaluateAll((inputs) =>
        inputs.map((input) => (input as unknown as { value: string }).value).join(' '),
      );
    expect(carried).not.toContain(person.password);
    // The code of the next 30-second step: the one used to turn it on cannot be used twice.
    await page.fill('#code', totp(secret, Date.now() + 30_000));
    await page.click(SUBMIT);
    await page.waitForURL(/\/en\/cbos$/);

    // And works: records a CBO, which the list shows.
    await page.goto(`${rig.web.url}/en/cbos/new`);
    await page.fill('#name', 'Prey Lang Forest Network');
    await page.selectOption('#provinceCode', { label: 'Kampong Thom' });
    await page.getByRole('checkbox', { name: 'Land', exact: true }).check();
    await page.selectOption('#foundVia', { label: 'Grassroots contact' });
    await page.click(SUBMIT);
    await page.waitForURL(/\/en\/cbos\?created=/);
    await page.locator('li', { hasText: 'Prey Lang Forest Network' }).locator('[data-stage]').waitFor();

    // A recovery code stands in for the app once, and only once.
    await page.click('[data-sign-out]');
    await page.waitForURL(/\/en\/sign-in\?signedOut=1/);
    for (const expected of ['signed in', 'refused'] as const) {
      await page.fill('#email', person.email);
      await page.fill('#password', person.password);
      await page.click(SUBMIT);
      await page.locator('#code').waitFor();
      await page.fill('#code', codes[0]);
      await page.click(SUBMIT);
      if (expected === 'signed in') {
        await page.waitForURL(/\/en\/cbos$/);
        await page.click('[data-sign-out]');
        await page.waitForURL(/\/en\/sign-in\?signedOut=1/);
      } else {
        await page.getByText('That code is not right.', { exact: false }).waitFor();
      }
    }

    // The link worked once.
    const again = await api(rig.stack.gatewayUrl, '/api/invitations/acceptance', {
      method: 'POST',
      body: { token: invited.body.token, displayName: 'Someone else', password: 'another long passphrase' },
    });
    expect(again.status).toBe(404);
    await context.close();
  });

  it('shows a link that is not valid, or was used, as a translated page with status 404 instead of the form', async () => {
    const [context, page] = await newPage(rig.browser);
    const madeUp = await page.goto(`${rig.web.url}/en/invitations/not-a-real-invitation-token`);
    expect(madeUp?.status()).toBe(404);
    await page.getByRole('heading', { name: 'This invitation link cannot be used' }).waitFor();
    await page
      .getByText('This link is not valid, was already used, or has expired.', { exact: false })
      .waitFor();
    expect(await page.locator('#displayName').count()).toBe(0);
    expect(await page.locator('main form').count()).toBe(0);

    // A real link, once accepted, no longer opens the form either; in Khmer too.
    const admin = await rig.stack.tokenFor(STAFF.admin);
    const invited = await api<{ token: string }>(rig.stack.gatewayUrl, '/api/invitations', {
      token: admin,
      method: 'POST',
      body: { email: 'vanna@test.bandanh', roles: ['trainer'] },
    });
    expect(invited.status).toBe(201);
    const accepted = await api(rig.stack.gatewayUrl, '/api/invitations/acceptance', {
      method: 'POST',
      body: { token: invited.body.token, displayName: 'Vanna', password: 'a path through the rice fields' },
    });
    expect(accepted.status).toBe(201);
    const used = await page.goto(`${rig.web.url}/km/invitations/${invited.body.token}`);
    expect(used?.status()).toBe(404);
    await page.locator('[data-invitation-invalid]').waitFor();
    await expect(page.textContent('[data-invitation-invalid]')).resolves.toContain(
      'តំណនេះមិនត្រឹមត្រូវ ត្រូវបានប្រើរួចហើយ ឬផុតកំណត់ហើយ។',
    );
    expect(await page.locator('main form').count()).toBe(0);
    await context.close();
  });
});
