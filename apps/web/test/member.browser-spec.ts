import { randomUUID } from 'node:crypto';
import { uniqueName } from '@bandanh/platform/testing';
import { STAFF } from '../../gateway/test/stack';
import { api, newPage, signInOnPage, useWebRig } from './browser';

const SHOTS = process.env.SCREENSHOT_DIR;
const PHONE = { viewport: { width: 360, height: 740 }, locale: 'km-KH' };

/** The staff's own record of a CBO, in Khmer: none of it is a member's to read. */
const STAFF_ONLY_KM = [
  'របៀបដែលបានរកឃើញ', // how it was found
  'ការចុះមូលដ្ឋាន', // found on a field visit
  'សហការីម្នាក់', // "a colleague" who found it
  'ថ្ងៃកត់ត្រា', // when it was recorded
];

describe('a CBO member in the web', () => {
  const rig = useWebRig('web-member');
  const password = 'our nets by the flooded forest';

  /** A member's account, signed up through the API; linked to `cboId` when given. */
  async function member(cboId?: string): Promise<{ email: string; password: string }> {
    const { gatewayUrl } = rig.stack;
    const email = `${uniqueName('member')}@member.test.bandanh.org`;
    const signedUp = await api<{ session: { token: string } }>(gatewayUrl, '/api/auth/sign-up', {
      method: 'POST',
      body: { email, displayName: 'Sokha Phan', password },
    });
    expect(signedUp.status).toBe(201);
    if (cboId) {
      const coordinator = await rig.stack.tokenFor(STAFF.coordinator);
      const issued = await api<{ code: string }>(gatewayUrl, `/api/cbos/${cboId}/link-codes`, {
        token: coordinator,
        method: 'POST',
      });
      expect(issued.status).toBe(201);
      const linked = await api(gatewayUrl, '/api/me/cbo-link', {
        token: signedUp.body.session.token,
        method: 'POST',
        body: { code: issued.body.code },
      });
      expect(linked.status).toBeLessThan(300);
    }
    return { email, password };
  }

  async function recordCbo(name: string): Promise<string> {
    const coordinator = await rig.stack.tokenFor(STAFF.coordinator);
    const created = await api<{ cbo: { id: string } }>(rig.stack.gatewayUrl, '/api/cbos', {
      token: coordinator,
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        name,
        provinceCode: 'KH-17',
        focusIssues: ['fisheries'],
        foundVia: 'field_visit',
        acknowledgeDuplicates: true,
      },
    });
    expect(created.status).toBe(201);
    return created.body.cbo.id;
  }

  it("lands on their group's page after signing in on a phone in Khmer, with no staff list and no staff-only facts", async () => {
    const cboId = await recordCbo(uniqueName('Chong Kneas Fishers'));
    const other = await recordCbo(uniqueName('Kampong Khleang Fishers'));
    const account = await member(cboId);

    const [context, page] = await newPage(rig.browser, PHONE);
    await page.goto(`${rig.web.url}/km/sign-in`);
    await signInOnPage(page, account);
    expect(new URL(page.url()).pathname).toBe('/km/my-cbo');
    await page.locator('[data-my-cbo-facts]').waitFor();

    // One entry for their group in the navigation: "My group", not the staff's "CBOs".
    const nav = page.locator('[data-site-nav]');
    expect(await nav.locator('a[href="/km/my-cbo"]').count()).toBe(1);
    expect(await nav.locator('a[href="/km/cbos"]').count()).toBe(0);

    // What the group is, in its own words; nothing of the staff's record of it.
    const text = (await page.textContent('main')) ?? '';
    for (const fact of STAFF_ONLY_KM) expect(text).not.toContain(fact);
    expect(await page.locator('main [data-found-via]').count()).toBe(0);
    expect(await page.locator('main [data-possible-duplicate], main [data-likely-duplicates]').count()).toBe(
      0,
    );
    expect(await page.locator('main [data-assessments], main [data-next-steps]').count()).toBe(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/member-my-cbo-km.png`, fullPage: true });

    // The staff's list and the staff's page of their CBO send them to their group's page; another CBO is not found.
    await page.goto(`${rig.web.url}/km/cbos`);
    expect(new URL(page.url()).pathname).toBe('/km/my-cbo');
    await page.goto(`${rig.web.url}/km/cbos/${cboId}`);
    expect(new URL(page.url()).pathname).toBe('/km/my-cbo');
    const elsewhere = await page.goto(`${rig.web.url}/km/cbos/${other}`);
    expect(elsewhere?.status()).toBe(404);
    await context.close();
  });

  it('sends a member not linked yet to the page that links their group, from sign-in and from the staff list', async () => {
    const account = await member();
    const [context, page] = await newPage(rig.browser, PHONE);
    await page.goto(`${rig.web.url}/km/sign-in`);
    await signInOnPage(page, account);
    expect(new URL(page.url()).pathname).toBe('/km/account/link-cbo');
    expect(await page.locator('[data-site-nav] a[href="/km/cbos"]').count()).toBe(0);

    await page.goto(`${rig.web.url}/km/cbos`);
    expect(new URL(page.url()).pathname).toBe('/km/account/link-cbo');
    expect(await page.locator('main li[data-cbo-id]').count()).toBe(0);
    await context.close();
  });

  it('gives an admin the notifications log in the menu', async () => {
    const [context, page] = await newPage(rig.browser);
    await page.goto(`${rig.web.url}/en/admin/users`);
    await signInOnPage(page, STAFF.admin);
    const link = page.locator('[data-nav-more] a[href="/en/admin/notifications"]');
    expect(await link.count()).toBe(1);
    await page.locator('[data-nav-more] summary').click();
    await link.click();
    await page.waitForURL(/\/en\/admin\/notifications$/);
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await context.close();
  });
});
