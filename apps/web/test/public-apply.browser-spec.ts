import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { STAFF } from '../../gateway/test/stack';
import { api, newPage, signInOnPage, SUBMIT, useWebRig } from './browser';

describe('the public side: the directory, applying to join, and a group following its progress', () => {
  const rig = useWebRig('web-public');
  let coordinator: string;
  let assessor: string;
  let approver: string;

  beforeAll(async () => {
    coordinator = await rig.stack.tokenFor(STAFF.coordinator);
    assessor = await rig.stack.tokenFor(STAFF.assessor);
    approver = await rig.stack.tokenFor(STAFF.approver);
  });

  const gateway = <T = any>(path: string, init: Parameters<typeof api>[2] = {}) =>
    api<T>(rig.stack.gatewayUrl, path, init);

  const total = async () =>
    (await gateway<{ total: number }>('/api/cbos?limit=1', { token: coordinator })).body.total;

  async function recordCbo(draft: Record<string, unknown>): Promise<string> {
    const created = await gateway<{ cbo: { id: string } }>('/api/cbos', {
      token: coordinator,
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: { focusIssues: ['fisheries'], foundVia: 'field_visit', ...draft },
    });
    expect(created.status).toBe(201);
    return created.body.cbo.id;
  }

  /** The pipeline moves on by itself after a CBO is recorded; a step must wait for its stage. */
  async function waitForStage(cboId: string, stage: string) {
    const until = Date.now() + 20_000;
    for (;;) {
      const { body } = await gateway<{ stage?: string }>(`/api/cbos/${cboId}/pipeline`, {
        token: coordinator,
      });
      if (body?.stage === stage) return;
      if (Date.now() > until) throw new Error(`CBO ${cboId} is at ${body?.stage}, not ${stage}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** The assessor records a needs assessment with full marks on the rubric in force. */
  async function assess(cboId: string) {
    await waitForStage(cboId, 'assessment');
    const { body } = await gateway<{ settings: { rubric: Array<{ key: string; maxScore: number }> } }>(
      '/api/settings/network',
      { token: assessor },
    );
    const scores = Object.fromEntries(body.settings.rubric.map((c) => [c.key, c.maxScore]));
    const assessed = await gateway(`/api/cbos/${cboId}/assessment`, {
      token: assessor,
      method: 'POST',
      body: {
        membersWomen: 14,
        membersMen: 9,
        // The assessor counted 23 where the group said otherwise, and confirms the new count.
        updateMembersCount: true,
        ongoingActivities: 'Patrols of the fishing grounds',
        plannedActivities: 'A meeting with the commune council',
        ambitions: 'A fishing community recognised by the province',
        leadership: 'An elected committee of five',
        meetingsHeld: 6,
        recordsKept: true,
        registration: 'not_registered',
        risks: 'Threats from illegal fishing operators',
        scores,
      },
    });
    expect(assessed.status).toBe(200);
  }

  async function decide(cboId: string, decision: { outcome: 'selected' | 'declined'; reason?: string }) {
    const decided = await gateway(`/api/cbos/${cboId}/decision`, {
      token: approver,
      method: 'POST',
      body: decision,
    });
    expect(decided.status).toBe(200);
  }

  async function fillApplication(page: Page, { province }: { province: string }) {
    await page.fill('#nameKm', 'សហគមន៍ដីធ្លីអូរតាគី');
    await page.fill('#name', 'Ou Ta Ki Land Community');
    await page.check('input[name=purpose][value=human_rights]');
    await page.fill('#membersCount', '45');
    await page.selectOption('#provinceCode', { label: province });
    await page.fill('#district', 'ថ្មគោល');
    await page.fill('#commune', 'តាពូង');
    await page.fill('#village', 'អូរតាគី');
  }

  it('takes an application in Khmer from a group in Battambang, which a coordinator then sees', async () => {
    const before = await total();
    const [context, page] = await newPage(rig.browser, { locale: 'km-KH' });
    await page.goto(`${rig.web.url}/km/apply`);
    await page.getByRole('heading', { name: 'ដាក់ពាក្យចូលរួមបណ្ដាញ' }).waitFor();
    await fillApplication(page, { province: 'បាត់ដំបង' });
    // Numbers as a Khmer keyboard types them: Khmer digits, read as the same number.
    await page.fill('#membersCount', '៤៥');
    await page.getByLabel('ដីធ្លី', { exact: true }).check();
    await page.getByLabel('ការងារ', { exact: true }).check();
    // The second row (its legend in Khmer digits): a row left blank is no contact.
    await page.getByText('អ្នកទំនាក់ទំនងទី ២', { exact: true }).waitFor();
    await page.fill('#contacts-1-name', 'ផាន សុខា');
    await page.fill('#contacts-1-phone', '០១២ ៣៤៥ ៦៧៨');
    await page.fill('#contacts-1-role', 'ប្រធានសហគមន៍');
    await page.check('input[name=publishContacts]');
    await page.click(SUBMIT);

    await page.waitForURL(/\/km\/apply\/thanks\?reference=BDH-/);
    await page.getByText('ពាក្យរបស់អ្នកត្រូវបានទទួលហើយ។').waitFor();
    expect(await page.locator('main a[href="/km/sign-up"]').count()).toBe(1);
    expect(await page.locator('main a[href="/km/my-cbo"]').count()).toBe(1);
    await context.close();
    expect(await total()).toBe(before + 1);

    const [staffContext, staffPage] = await newPage(rig.browser);
    await staffPage.goto(`${rig.web.url}/en/cbos`);
    await signInOnPage(staffPage, STAFF.coordinator);
    await staffPage.waitForURL(/\/en\/cbos$/);
    const item = staffPage.locator('li[data-cbo-id]', { hasText: 'Ou Ta Ki Land Community' });
    await expect(item.textContent()).resolves.toContain('Self-application');
    const id = await item.getAttribute('data-cbo-id');
    const { body } = await gateway(`/api/cbos/${id}`, { token: coordinator });
    expect(body.cbo).toMatchObject({
      nameKm: 'សហគមន៍ដីធ្លីអូរតាគី',
      provinceCode: 'KH-2',
      village: 'អូរតាគី',
      focusIssues: ['land', 'labour'],
      membersCount: 45,
      contacts: [{ name: 'ផាន សុខា', phone: '012 345 678', role: 'ប្រធានសហគមន៍' }],
      publishContacts: true,
      foundVia: 'self_application',
    });

    // The group's own page is for applicants; staff are told so.
    await staffPage.goto(`${rig.web.url}/en/my-cbo`);
    await staffPage.locator('[data-not-allowed]').waitFor();
    await staffContext.close();
  });

  it('refuses an application without an issue or a contact, stores nothing, and works without JavaScript', async () => {
    const before = await total();
    const [context, page] = await newPage(rig.browser, { javaScriptEnabled: false });
    await page.goto(`${rig.web.url}/en/apply`);
    await fillApplication(page, { province: 'Battambang' });
    await page.click(SUBMIT);

    await page.getByText('Please correct the fields marked below. Nothing was sent.').waitFor();
    await page.getByText('Choose at least one issue.').waitFor();
    await page.getByText('Give at least one contact person.').waitFor();
    expect(await page.inputValue('#name')).toBe('Ou Ta Ki Land Community');
    expect(await page.inputValue('#provinceCode')).toBe('KH-2');
    expect(await page.isChecked('input[name=purpose][value=human_rights]')).toBe(true);
    expect(await total()).toBe(before);

    // A contact without a name is refused next to its own row.
    await page.check('input[name=focusIssues][value=fisheries]');
    await page.fill('#contacts-2-phone', '097 123 4567');
    await page.click(SUBMIT);
    await page.getByText("Enter this person's name.").waitFor();
    expect(await page.getAttribute('#contacts-2-name', 'aria-invalid')).toBe('true');
    expect(await total()).toBe(before);

    await page.fill('#contacts-2-name', 'Chan Sophea');
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST'),
      page.click(SUBMIT),
    ]);
    await page.waitForURL(/\/en\/apply\/thanks\?reference=BDH-/);
    await page.getByText('Your application was received.').waitFor();
    expect(await total()).toBe(before + 1);

    // The same form sent again (a double tap on a slow network) adds nothing.
    const again = await context.request.post(request.url(), {
      headers: { 'content-type': (await request.headerValue('content-type')) ?? '' },
      data: request.postDataBuffer() ?? undefined,
    });
    expect(again.url()).toContain('replayed=1');
    await expect(again.text()).resolves.toContain('Your application was already received');
    expect(await total()).toBe(before + 1);
    await context.close();
  });

  it("shows a member their group's stage in Khmer, then the decline and its reason", async () => {
    const cboId = await recordCbo({
      name: 'Stung Sen Fishers',
      nameKm: 'សហគមន៍នេសាទស្ទឹងសែន',
      provinceCode: 'KH-6',
    });

    const [context, page] = await newPage(rig.browser, { locale: 'km-KH' });
    await page.goto(`${rig.web.url}/km/sign-up`);
    await page.fill('#email', 'dara@stungsen.test');
    await page.fill('#displayName', 'ជា ដារា');
    await page.fill('#password', 'the river rises in october');
    await page.fill('#confirm', 'the river rises in october');
    await page.click(SUBMIT);
    // A member with no group yet lands where they link one.
    await page.waitForURL(/\/km\/account\/link-cbo$/);

    await page.goto(`${rig.web.url}/km/my-cbo`);
    await page.locator('[data-not-linked] a[href="/km/account/link-cbo"]').waitFor();

    const issued = await gateway<{ code: string }>(`/api/cbos/${cboId}/link-codes`, {
      token: coordinator,
      method: 'POST',
    });
    expect(issued.status).toBe(201);
    await page.goto(`${rig.web.url}/km/account/link-cbo`);
    await page.fill('#linkCode', issued.body.code);
    await page.click(SUBMIT);
    await page.waitForURL(/\/km\/my-cbo\?linked=1/);

    await waitForStage(cboId, 'assessment');
    await page.goto(`${rig.web.url}/km/my-cbo`);
    await page.getByRole('heading', { name: 'សហគមន៍នេសាទស្ទឹងសែន', level: 1 }).waitFor();
    expect(await page.getAttribute('[data-stage-now]', 'data-stage-now')).toBe('assessment');
    expect(await page.getAttribute('[aria-current=step]', 'data-step')).toBe('assessment');
    await page.getByText('អ្នកវាយតម្លៃនឹងទាក់ទង', { exact: false }).waitFor();
    expect(await page.locator('[data-decision]').count()).toBe(0);

    const reason = 'The group has not met for more than a year. Please apply again once it meets regularly.';
    await assess(cboId);
    await decide(cboId, { outcome: 'declined', reason });

    await page.reload();
    expect(await page.getAttribute('[data-stage-now]', 'data-stage-now')).toBe('declined');
    expect(await page.getAttribute('[data-step=selection]', 'data-state')).toBe('stopped');
    await expect(page.textContent('[data-decision=declined] [data-reason]')).resolves.toBe(reason);
    await expect(page.textContent('[data-decision=declined]')).resolves.toContain('មិនត្រូវបានទទួលយក');
    const { body } = await gateway(`/api/cbos/${cboId}/pipeline`, { token: coordinator });
    if (body.reassessableFrom) {
      await expect(page.getAttribute('[data-reassessable-from]', 'data-reassessable-from')).resolves.toBe(
        body.reassessableFrom.slice(0, 10),
      );
    }
    expect(await page.locator('[data-history-stage=declined]').count()).toBe(1);
    await context.close();
  });

  it('lists a selected group in the directory, found by part of either name and filtered by province', async () => {
    const cboId = await recordCbo({
      name: 'Prek Toal Fishing Community',
      nameKm: 'សហគមន៍នេសាទព្រែកទាល់',
      provinceCode: 'KH-2',
      village: 'ព្រែកទាល់',
      membersCount: 120,
      contacts: [{ name: 'Chea Dara', phone: '097 111 2222', role: 'Leader' }],
      publishContacts: true,
      about: 'Patrols the flooded forest against illegal fishing.',
    });
    await assess(cboId);
    await decide(cboId, { outcome: 'selected' });
    await waitForStage(cboId, 'participant');

    // In Khmer, through the search form, without JavaScript.
    const [context, page] = await newPage(rig.browser, { locale: 'km-KH', javaScriptEnabled: false });
    await page.goto(`${rig.web.url}/km/directory`);
    await page.fill('#q', 'ព្រែកទាល់');
    await page.click(SUBMIT);
    await page.waitForURL(/\/km\/directory\?q=/);
    expect(await page.textContent('[data-directory-total]')).toBe('ក្រុមចំនួន ១');
    const entry = page.locator(`[data-directory-entry="${cboId}"]`);
    await expect(entry.locator('h2').textContent()).resolves.toBe('សហគមន៍នេសាទព្រែកទាល់');
    const text = await entry.textContent();
    for (const shown of ['Prek Toal Fishing Community', 'បាត់ដំបង', 'នេសាទ', 'Chea Dara', '097 111 2222']) {
      expect(text).toContain(shown);
    }

    // Only Network Participants are listed: not the groups that applied or were declined.
    await page.goto(`${rig.web.url}/en/directory`);
    expect(await page.locator('[data-directory-entry]').count()).toBe(1);

    await page.goto(`${rig.web.url}/en/directory?q=toal`);
    expect(await page.locator(`[data-directory-entry="${cboId}"]`).count()).toBe(1);

    await page.goto(`${rig.web.url}/en/directory?q=toal&province=KH-17`);
    expect(await page.locator('[data-directory-entry]').count()).toBe(0);
    await page.locator('[data-directory-empty]').waitFor();
    expect(await page.getAttribute('[data-pdf-province]', 'href')).toBe('/en/directory/pdf?province=KH-17');

    await page.goto(`${rig.web.url}/en/directory?province=KH-2&issue=fisheries`);
    expect(await page.locator(`[data-directory-entry="${cboId}"]`).count()).toBe(1);
    expect(await page.getAttribute('[data-pdf-all]', 'href')).toBe('/en/directory/pdf');
    await context.close();
  });
});
