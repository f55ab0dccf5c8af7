import { randomUUID } from 'node:crypto';
import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { Mailbox } from '../../gateway/test/mail';
import { STAFF } from '../../gateway/test/stack';
import { api, newPage, signInOnPage, useWebRig } from './browser';

const SHOTS = process.env.SCREENSHOT_DIR;

describe('the notifications in the web', () => {
  const rig = useWebRig('web-notify');
  const mailbox = new Mailbox();
  const email = `${uniqueName('member')}@notify.test.bandanh.org`;
  const password = 'our nets by the flooded forest';

  afterAll(async () => {
    await mailbox.remove([email]).catch(() => undefined);
  });

  it("shows a decision's message to admins on a desktop and to the group's member on a phone, in Khmer", async () => {
    const { gatewayUrl } = rig.stack;
    // The admin signs in on the page only: a second factor's code is taken once per time step.
    const [coordinator, assessor, approver] = await Promise.all(
      (['coordinator', 'assessor', 'approver'] as const).map((role) => rig.stack.tokenFor(STAFF[role])),
    );
    const created = await api<{ cbo: { id: string } }>(gatewayUrl, '/api/cbos', {
      token: coordinator,
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        name: 'Kampong Phluk Fishers',
        provinceCode: 'KH-17',
        focusIssues: ['fisheries'],
        foundVia: 'field_visit',
        acknowledgeDuplicates: true,
      },
    });
    const id = created.body.cbo.id;
    const signedUp = await api<{ session: { token: string } }>(gatewayUrl, '/api/auth/sign-up', {
      method: 'POST',
      body: { email, displayName: 'Sokha Phan', password },
    });
    const { body: issued } = await api<{ code: string }>(gatewayUrl, `/api/cbos/${id}/link-codes`, {
      token: coordinator,
      method: 'POST',
    });
    await api(gatewayUrl, '/api/me/cbo-link', {
      token: signedUp.body.session.token,
      method: 'POST',
      body: { code: issued.code },
    });
    await waitFor(async () =>
      (await api(gatewayUrl, `/api/cbos/${id}/pipeline`, { token: coordinator })).body?.stage === 'assessment'
        ? true
        : undefined,
    );
    const { body: settings } = await api(gatewayUrl, '/api/settings/network', { token: coordinator });
    const scores = Object.fromEntries(settings.settings.rubric.map((c: { key: string }) => [c.key, 3]));
    await api(gatewayUrl, `/api/cbos/${id}/assessment`, {
      token: assessor,
      method: 'POST',
      body: {
        membersWomen: 9,
        membersMen: 7,
        ongoingActivities: 'Patrols of the flooded forest',
        plannedActivities: 'A fish sanctuary',
        ambitions: 'Fishing rights for the village',
        leadership: 'A committee of five',
        meetingsHeld: 6,
        recordsKept: true,
        registration: 'in_progress',
        risks: 'Illegal fishing lots',
        scores,
      },
    });
    await api(gatewayUrl, `/api/cbos/${id}/decision`, {
      token: approver,
      method: 'POST',
      body: { outcome: 'declined', reason: 'Too few meetings so far' },
    });
    await mailbox.only(email);

    // An admin on a desktop, in Khmer: the message, its status and recipient.
    const [staffContext, page] = await newPage(rig.browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${rig.web.url}/km/admin/notifications`);
    await signInOnPage(page, STAFF.admin);
    await page.waitForURL(/\/km\/admin\/notifications$/);
    const row = page.locator('tr[data-notification]', { hasText: email });
    await row.waitFor();
    expect(await row.locator('[data-notification-status]').textContent()).toBe('បានផ្ញើ');
    expect(await row.locator('[data-attempts]').textContent()).toBe('១');
    expect(await page.locator('h1').textContent()).toBe('ការជូនដំណឹង');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/admin-notifications-km.png`, fullPage: true });
    // The filter, in English: no message failed.
    await page.goto(`${rig.web.url}/en/admin/notifications`);
    await page.selectOption('#status', 'failed');
    await page.click('[data-notification-filters] button');
    await page.waitForURL(/status=failed/);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/admin-notifications-en-failed.png`, fullPage: true });
    await page.getByText('No message yet.').waitFor();
    expect(await page.locator('tr[data-notification]').count()).toBe(0);
    await staffContext.close();

    // The member on a 360 px phone, in Khmer: their group's messages on its page.
    const [memberContext, phone] = await newPage(rig.browser, { viewport: { width: 360, height: 740 } });
    await phone.goto(`${rig.web.url}/km/my-cbo`);
    await signInOnPage(phone, { email, password });
    await phone.goto(`${rig.web.url}/km/my-cbo`);
    const section = phone.locator('[data-cbo-notifications]');
    await section.waitFor();
    expect(await section.locator('h2').textContent()).toBe('សារផ្ញើទៅក្រុមរបស់អ្នក');
    expect(await section.locator('li[data-notification-kind="cbo_decision"]').count()).toBe(1);
    await section.getByText('សេចក្ដីសម្រេចលើពាក្យស្នើសុំរបស់ Kampong Phluk Fishers').waitFor();
    // Nothing sticks out sideways on the phone.
    const overflow = await phone.evaluate(() => {
      const page = globalThis as unknown as {
        document: { documentElement: { scrollWidth: number } };
        innerWidth: number;
      };
      return page.document.documentElement.scrollWidth - page.innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    if (SHOTS) await phone.screenshot({ path: `${SHOTS}/my-cbo-notifications-km.png`, fullPage: true });
    await memberContext.close();
  }, 120_000);
});
