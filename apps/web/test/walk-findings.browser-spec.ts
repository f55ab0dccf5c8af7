import { randomUUID } from 'node:crypto';
import { uniqueName } from '@bandanh/platform/testing';
import { STAFF } from '../../gateway/test/stack';
import { api, newPage, signInOnPage, SUBMIT, useWebRig } from './browser';

const SHOTS = process.env.SCREENSHOT_DIR;
const PHONE = { viewport: { width: 360, height: 740 }, locale: 'km-KH' };
const LATIN_DIGIT = /[0-9]/;
const KHMER_DIGIT = /[០-៩]/;

/** What a walk through the product as its users found after issue 10's fixes. */
describe('walk findings after issue 10: one numeral style per locale, and the duplicate warning', () => {
  const rig = useWebRig('web-walk');
  const password = 'the water comes back every rainy season';

  /** A member's account signed up through the API, linked to `cboId` when given; its token. */
  async function member(cboId?: string) {
    const { gatewayUrl } = rig.stack;
    const email = `${uniqueName('walker')}@member.test.bandanh.org`;
    const signedUp = await api<{ session: { token: string } }>(gatewayUrl, '/api/auth/sign-up', {
      method: 'POST',
      body: { email, displayName: 'Sokha Phan', password },
    });
    expect(signedUp.status).toBe(201);
    const token = signedUp.body.session.token;
    if (cboId) {
      const coordinator = await rig.stack.tokenFor(STAFF.coordinator);
      const issued = await api<{ code: string }>(gatewayUrl, `/api/cbos/${cboId}/link-codes`, {
        token: coordinator,
        method: 'POST',
      });
      expect(issued.status).toBe(201);
      const linked = await api(gatewayUrl, '/api/me/cbo-link', {
        token,
        method: 'POST',
        body: { code: issued.body.code },
      });
      expect(linked.status).toBeLessThan(300);
    }
    return { email, password, token };
  }

  it('reads the date of their group’s decision in Khmer digits, like every other date on the page', async () => {
    // A development group: the pilot rule declines it at once, so the page shows a decision.
    const coordinator = await rig.stack.tokenFor(STAFF.coordinator);
    const created = await api<{ cbo: { id: string } }>(rig.stack.gatewayUrl, '/api/cbos', {
      token: coordinator,
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        name: uniqueName('Prek Toal Savings Group'),
        provinceCode: 'KH-17',
        purpose: 'development',
        focusIssues: ['fisheries'],
        foundVia: 'field_visit',
        acknowledgeDuplicates: true,
      },
    });
    expect(created.status).toBe(201);
    const account = await member(created.body.cbo.id);

    const [context, page] = await newPage(rig.browser, PHONE);
    await page.goto(`${rig.web.url}/km/sign-in`);
    await signInOnPage(page, account);
    const decision = page.locator('[data-decision=declined] h2');
    // The pilot rule decides through the pipeline: reload until the decision is on the page.
    while ((await decision.count()) === 0) await page.reload();
    const title = (await decision.textContent()) ?? '';
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/walk-member-decision-km.png`, fullPage: true });
    expect(title).toMatch(KHMER_DIGIT);
    expect(title).not.toMatch(LATIN_DIGIT);
    await context.close();
  });

  it('reads the day their claim was sent in Khmer digits on the link page', async () => {
    const account = await member();
    const claimed = await api(rig.stack.gatewayUrl, '/api/cbo-claims', {
      token: account.token,
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: { cboName: 'សហគមន៍នេសាទកំពង់ឃ្លាំង', provinceCode: 'KH-17', note: 'យើងនេសាទនៅបឹងទន្លេសាប' },
    });
    expect(claimed.status).toBe(201);

    const [context, page] = await newPage(rig.browser, PHONE);
    await page.goto(`${rig.web.url}/km/sign-in`);
    await signInOnPage(page, account);
    await page.waitForURL(/\/km\/account\/link-cbo$/);
    const sent = (await page.locator('[data-my-claims] li dd').nth(1).textContent()) ?? '';
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/walk-claim-km.png`, fullPage: true });
    expect(sent).toMatch(KHMER_DIGIT);
    expect(sent).not.toMatch(LATIN_DIGIT);
    await context.close();
  });

  it('tells a coordinator who left the commune blank that the likely duplicate is in the same province, not "this commune"', async () => {
    const coordinator = await rig.stack.tokenFor(STAFF.coordinator);
    const name = uniqueName('Bavel Workers Association');
    const created = await api(rig.stack.gatewayUrl, '/api/cbos', {
      token: coordinator,
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        name,
        provinceCode: 'KH-2',
        district: 'Bavel',
        commune: 'Bavel',
        focusIssues: ['labour'],
        foundVia: 'field_visit',
        acknowledgeDuplicates: true,
      },
    });
    expect(created.status).toBe(201);

    const [context, page] = await newPage(rig.browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${rig.web.url}/en/cbos/new`);
    await signInOnPage(page, STAFF.coordinator);
    await page.waitForURL((url) => url.pathname === '/en/cbos/new');
    // The same group in capitals, district and commune left blank.
    await page.fill('#name', name.toUpperCase());
    await page.selectOption('#provinceCode', { label: 'Battambang' });
    await page.getByRole('checkbox', { name: 'Labour', exact: true }).check();
    await page.selectOption('#foundVia', { label: 'Field visit' });
    await page.click(SUBMIT);
    const warning = page.locator('[data-duplicates]');
    await warning.waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/walk-duplicate-blank-commune.png`, fullPage: true });
    const text = (await warning.textContent()) ?? '';
    expect(text).toContain(name);
    expect(text).not.toContain('in this commune');
    expect(text).toContain('the same province');
    await context.close();
  });

  it('shows an admin the pending invitations’ dates in Khmer digits in Khmer', async () => {
    // Invited through the page: the admin's second factor is asked once, by the web.
    const email = `${uniqueName('invitee')}@test.bandanh.org`;
    const [context, page] = await newPage(rig.browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${rig.web.url}/km/admin/users`);
    await signInOnPage(page, STAFF.admin);
    await page.waitForURL(/\/km\/admin\/users$/);
    await page.fill('#email', email);
    await page.check('#invite-assessor');
    await page.click(SUBMIT);
    await page.locator('[data-invitation-link]').waitFor();
    await page.goto(`${rig.web.url}/km/admin/users`);
    const pending = page.locator(`li[data-pending-invitation="${email}"]`);
    await pending.waitFor();
    // Sent and expires: dates and times of day, no Latin digit among them.
    const dates = await pending.locator('dd').allTextContents();
    const withDigits = dates.filter((text) => KHMER_DIGIT.test(text) || LATIN_DIGIT.test(text));
    expect(withDigits.length).toBeGreaterThanOrEqual(2);
    for (const text of withDigits) expect(text).not.toMatch(LATIN_DIGIT);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/walk-pending-invitations-km.png` });
    await context.close();
  });

  it('lists a group in the public directory in Khmer with its member count and date in Khmer digits', async () => {
    const { gatewayUrl } = rig.stack;
    const coordinator = await rig.stack.tokenFor(STAFF.coordinator);
    const assessor = await rig.stack.tokenFor(STAFF.assessor);
    const approver = await rig.stack.tokenFor(STAFF.approver);
    const created = await api<{ cbo: { id: string } }>(gatewayUrl, '/api/cbos', {
      token: coordinator,
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        name: uniqueName('Kampong Phluk Fishers'),
        provinceCode: 'KH-17',
        membersCount: 23,
        focusIssues: ['fisheries'],
        foundVia: 'field_visit',
        acknowledgeDuplicates: true,
      },
    });
    expect(created.status).toBe(201);
    const cboId = created.body.cbo.id;
    const stageIs = async (stage: string) => {
      // The pipeline moves the CBO on by itself; each step waits for its stage.
      for (;;) {
        const { body } = await api<{ stage?: string }>(gatewayUrl, `/api/cbos/${cboId}/pipeline`, {
          token: coordinator,
        });
        if (body?.stage === stage) return;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
    await stageIs('assessment');
    const { body } = await api<{ settings: { rubric: Array<{ key: string; maxScore: number }> } }>(
      gatewayUrl,
      '/api/settings/network',
      { token: assessor },
    );
    const assessed = await api(gatewayUrl, `/api/cbos/${cboId}/assessment`, {
      token: assessor,
      method: 'POST',
      body: {
        membersWomen: 14,
        membersMen: 9,
        ongoingActivities: 'Patrols of the fishing grounds',
        plannedActivities: 'A meeting with the commune council',
        ambitions: 'A fishing community recognised by the province',
        leadership: 'An elected committee of five',
        meetingsHeld: 6,
        recordsKept: true,
        registration: 'not_registered',
        risks: 'Threats from illegal fishing operators',
        scores: Object.fromEntries(body.settings.rubric.map((c) => [c.key, c.maxScore])),
      },
    });
    expect(assessed.status).toBe(200);
    await stageIs('selection');
    const decided = await api(gatewayUrl, `/api/cbos/${cboId}/decision`, {
      token: approver,
      method: 'POST',
      body: { outcome: 'selected' },
    });
    expect(decided.status).toBe(200);
    await stageIs('participant');

    const [context, page] = await newPage(rig.browser, PHONE);
    await page.goto(`${rig.web.url}/km/directory`);
    const entry = page.locator(`[data-directory-entry="${cboId}"]`);
    await entry.waitFor();
    const facts = await entry.locator('dd').allTextContents();
    expect(facts).toContain('២៣');
    for (const fact of facts.filter((text) => KHMER_DIGIT.test(text))) expect(fact).not.toMatch(LATIN_DIGIT);
    expect(facts.filter((text) => KHMER_DIGIT.test(text)).length).toBeGreaterThanOrEqual(2);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/walk-directory-km.png`, fullPage: true });
    await context.close();
  });
});
