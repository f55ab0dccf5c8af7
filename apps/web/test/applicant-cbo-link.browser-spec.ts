import { randomUUID } from 'node:crypto';
import { STAFF } from '../../gateway/test/stack';
import { api, newPage, sessionCookie, SUBMIT, useWebRig } from './browser';

describe('a CBO member', () => {
  const rig = useWebRig('web-applicant');

  async function recordCbo(token: string, name: string, provinceCode: string): Promise<string> {
    const created = await api<{ cbo: { id: string } }>(rig.stack.gatewayUrl, '/api/cbos', {
      token,
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: { name, provinceCode, focusIssues: ['fisheries'], foundVia: 'field_visit' },
    });
    expect(created.status).toBe(201);
    return created.body.cbo.id;
  }

  it("signs up, links their account with a code from the coordinator, and sees only their own CBO, on their group's page", async () => {
    const coordinator = await rig.stack.tokenFor(STAFF.coordinator);
    const cboA = await recordCbo(coordinator, 'Kampong Phluk Fishing Community', 'KH-17');
    const cboB = await recordCbo(coordinator, 'Stung Treng Fishers Union', 'KH-19');

    const [context, page] = await newPage(rig.browser);
    await page.goto(`${rig.web.url}/en/sign-up`);
    await page.fill('#email', 'sokha@cbo.test');
    await page.fill('#displayName', 'Sokha Phan');

    // A common password is refused with the translated reason, and nothing else is lost.
    await page.fill('#password', 'password1');
    await page.fill('#confirm', 'password1');
    await page.click(SUBMIT);
    await page.getByText('This password is too common or too easy to guess. Choose another one.').waitFor();
    expect(await page.inputValue('#email')).toBe('sokha@cbo.test');

    await page.fill('#password', 'our nets by the flooded forest');
    await page.fill('#confirm', 'our nets by the flooded forest');
    await page.click(SUBMIT);
    // Not linked yet: they land on the page that links their group, not on the staff's list.
    await page.waitForURL(/\/en\/account\/link-cbo$/);
    expect(await page.locator('li[data-cbo-id]').count()).toBe(0);
    expect(await page.locator('a[href="/en/cbos/new"]').count()).toBe(0);

    // The coordinator gives a code for CBO A; the member enters it.
    const issued = await api<{ code: string }>(rig.stack.gatewayUrl, `/api/cbos/${cboA}/link-codes`, {
      token: coordinator,
      method: 'POST',
    });
    expect(issued.status).toBe(201);
    await page.fill('#linkCode', 'WRONG-CODE2');
    await page.click(SUBMIT);
    await page
      .getByText('This code is not valid, was already used, or has expired.', { exact: false })
      .waitFor();
    await page.fill('#linkCode', issued.body.code.toLowerCase());
    await page.click(SUBMIT);
    await page.waitForURL(/\/en\/my-cbo\?linked=1/);
    await page.getByText('Your account is now linked to your group.').waitFor();
    await page.getByRole('heading', { name: 'Kampong Phluk Fishing Community' }).waitFor();
    await expect(page.textContent('main')).resolves.not.toContain('Stung Treng Fishers Union');
    expect(await page.locator('[data-link-code-form]').count()).toBe(0);

    // The staff's page of their own CBO sends them to their group's page; the other one is not
    // found, in the web and in the API.
    await page.goto(`${rig.web.url}/en/cbos/${cboA}`);
    await page.waitForURL(/\/en\/my-cbo$/);
    await page.getByRole('heading', { name: 'Kampong Phluk Fishing Community' }).waitFor();

    const other = await page.goto(`${rig.web.url}/en/cbos/${cboB}`);
    expect(other?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();

    const token = (await sessionCookie(context))?.value;
    expect(token).toBeTruthy();
    expect((await api(rig.stack.gatewayUrl, `/api/cbos/${cboB}`, { token })).status).toBe(404);
    expect((await api(rig.stack.gatewayUrl, `/api/cbos/${cboA}`, { token })).status).toBe(200);
    await context.close();
  });
});
