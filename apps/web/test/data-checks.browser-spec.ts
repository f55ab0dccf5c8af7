import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { waitFor } from '@bandanh/platform/testing';
import { STAFF, type TestAccount } from '../../gateway/test/stack';
import { api, newPage, signInOnPage, useWebRig } from './browser';

const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** What staff see of data that should not get in: future dates, duplicates, numbers, unopened provinces. */
describe('data that should not get in, through the web', () => {
  const rig = useWebRig('web-datachecks');
  let coordinator: string;
  let assessor: string;

  beforeAll(async () => {
    coordinator = await rig.stack.tokenFor(STAFF.coordinator);
    assessor = await rig.stack.tokenFor(STAFF.assessor);
  });

  const gateway = <T = any>(path: string, init: Parameters<typeof api>[2] = {}) =>
    api<T>(rig.stack.gatewayUrl, path, init);

  async function recordByApi(draft: Record<string, unknown>): Promise<string> {
    const created = await gateway<{ cbo: { id: string } }>('/api/cbos', {
      token: coordinator,
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: { provinceCode: 'KH-2', focusIssues: ['labour'], foundVia: 'field_visit', ...draft },
    });
    expect(created.status).toBe(201);
    return created.body.cbo.id;
  }

  const stageReached = (id: string, stage: string) =>
    waitFor(
      async () =>
        (await gateway(`/api/cbos/${id}/pipeline`, { token: coordinator })).body?.stage === stage
          ? true
          : undefined,
      { what: `stage ${stage}` },
    );

  async function openSignedIn(page: Page, url: string, account: Pick<TestAccount, 'email' | 'password'>) {
    await page.goto(`${rig.web.url}${url}`);
    await signInOnPage(page, account);
  }

  it('says beside the field that a call cannot be dated after today, and corrects a call logged wrong', async () => {
    const cboId = await recordByApi({ name: 'Sangkae Garment Workers', commune: 'Anlong Vil' });
    const logged = await gateway(`/api/cbos/${cboId}/hotline`, {
      token: coordinator,
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        channel: 'call',
        callerName: 'Sokhaa',
        occurredAt: '2025-03-01T09:00:00+07:00',
        issue: 'labour',
        summary: 'Wages unpaid',
        guidance: 'Write down the dates',
      },
    });
    expect(logged.status).toBe(201);
    const callId = logged.body.call.id;

    const [context, page] = await newPage(rig.browser, { ...DESKTOP, locale: 'km-KH' });
    await openSignedIn(page, `/km/cbos/${cboId}/hotline`, STAFF.coordinator);
    await page.waitForURL(new RegExp(`/km/cbos/${cboId}/hotline$`));
    await page.locator(`a[data-correct="${callId}"]`).click();
    await page.waitForURL(/correct=/);
    const form = page.locator(`[data-correct-form="${callId}"]`);
    // A date after today, typed past the input's own limit, is refused beside the field.
    await form
      .locator(`#occurredAt-${callId}`)
      .evaluate((input: { removeAttribute(name: string): void; value: string }) => {
        input.removeAttribute('max');
        input.value = '2027-06-01T09:00';
      });
    await form.locator('button[type=submit]').click();
    await form.getByText('កាលបរិច្ឆេទនៃការហៅទូរសព្ទ មិនអាចលើសពីថ្ងៃនេះបានទេ។').waitFor();

    await form.locator(`#occurredAt-${callId}`).fill('2025-03-02T10:00');
    await form.locator(`#callerName-${callId}`).fill('Sokha');
    await form.locator(`#note-${callId}`).fill('ឈ្មោះសរសេរខុស');
    await form.locator('button[type=submit]').click();
    await page.waitForURL(/corrected=/);
    await page.locator('[data-corrected]').waitFor();
    const item = page.locator(`[data-call-id="${callId}"]`);
    await expect(item.locator('.name').textContent()).resolves.toContain('Sokha');
    await item.locator('[data-corrected-at]').waitFor();
    await page.screenshot({ path: '/tmp/datachecks-hotline-km.png', fullPage: true });
    await context.close();

    const calls = await gateway(`/api/cbos/${cboId}/hotline`, { token: coordinator });
    expect(calls.body.items).toEqual([
      expect.objectContaining({ id: callId, callerName: 'Sokha', occurredAt: '2025-03-02T03:00:00.000Z' }),
    ]);
  });

  it('asks the assessor which is right when women and men do not add up to the members recorded', async () => {
    const cboId = await recordByApi({ name: 'Kdol Workers Union', commune: 'Kdol', membersCount: 35 });
    await stageReached(cboId, 'assessment');
    const [context, page] = await newPage(rig.browser, DESKTOP);
    await openSignedIn(page, `/en/cbos/${cboId}`, STAFF.assessor);
    await page.waitForURL(new RegExp(`/en/cbos/${cboId}$`));
    const form = page.locator('[data-assessment-form]');
    await form.getByLabel('Women members', { exact: true }).fill('300');
    await form.getByLabel('Men members', { exact: true }).fill('200');
    for (const field of [
      'Ongoing activities',
      'Planned activities',
      'Ambitions',
      'Leadership',
      'Risks faced',
    ]) {
      await form.getByLabel(field, { exact: true }).fill('Written by the assessor');
    }
    await form.getByLabel('Meetings held in the last year', { exact: true }).fill('4');
    await form.getByLabel('Registration', { exact: true }).selectOption({ index: 1 });
    for (const key of ['organisation', 'activities', 'commitment', 'reach']) {
      await form.locator(`[data-criterion=${key}]`).getByLabel('3', { exact: true }).check();
    }
    await form.locator('button[type=submit]').click();
    await form
      .getByText('Women and men do not add up to the members recorded for this group.', { exact: false })
      .first()
      .waitFor();
    expect(await form.locator('#membersWomen').getAttribute('aria-invalid')).toBe('true');
    const confirm = form.getByLabel('update the member count from 35 to 500', { exact: false });
    await page.screenshot({ path: '/tmp/datachecks-assessment-en.png', fullPage: true });
    await confirm.check();
    await form.locator('button[type=submit]').click();
    await page.waitForURL(/done=assessed/);
    await context.close();
    expect((await gateway(`/api/cbos/${cboId}`, { token: assessor })).body.cbo.membersCount).toBe(500);
  });

  it('flags a public application like a CBO on the inbox and the list, and lets a coordinator merge it', async () => {
    const place = { provinceCode: 'KH-17', district: 'Puok', commune: 'Kouk Chak', village: 'Trapeang Ses' };
    const existing = await recordByApi({
      name: 'Kouk Chak Land Community',
      nameKm: 'សហគមន៍ដីធ្លីគោកចក',
      ...place,
    });
    const applied = await gateway('/api/applications', {
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        name: 'Kouk Chak Land Community',
        nameKm: 'សហគមន៍ដីធ្លីគោកចក',
        ...place,
        focusIssues: ['land'],
        contacts: [{ name: 'Chan Dara', phone: '012 345 678' }],
      },
    });
    expect(applied.status).toBe(201);
    const id = applied.body.cbo.id;
    await stageReached(id, 'assessment');

    const [context, page] = await newPage(rig.browser, DESKTOP);
    await openSignedIn(page, '/en/tasks?all=1', STAFF.coordinator);
    const flag = page.locator(
      `[data-task-kind=assess_cbo] [data-badge=possible-duplicate] a[href="/en/cbos/${existing}"]`,
    );
    await waitFor(async () => {
      if ((await flag.count()) > 0) return true;
      await page.reload();
      return undefined;
    });
    await page.goto(`${rig.web.url}/en/cbos?province=KH-17`);
    await page.locator(`[data-cbo-id="${id}"] [data-possible-duplicate="${existing}"]`).waitFor();
    expect(await page.locator(`[data-cbo-id="${existing}"] [data-possible-duplicate]`).count()).toBe(0);

    await page.goto(`${rig.web.url}/en/cbos/${id}`);
    const decide = page.locator('[data-duplicate-form]');
    await decide.locator(`[data-merge="${existing}"] summary`).click();
    await page.screenshot({ path: '/tmp/datachecks-merge-en.png', fullPage: true });
    await decide.locator(`[data-merge="${existing}"] button[type=submit]`).click();
    await page.waitForURL(/done=merged/);
    await expect(page.locator('[data-cbo-id] [data-stage]').textContent()).resolves.toBe('Withdrawn');
    expect(await page.locator('[data-duplicate-form]').count()).toBe(0);
    await context.close();
  });

  it('lets an admin refuse recording in a province not opened yet, and the CBO form says which are open', async () => {
    const [context, page] = await newPage(rig.browser, DESKTOP);
    await openSignedIn(page, '/en/cbos/new', STAFF.coordinator);
    await page.waitForURL(/\/en\/cbos\/new$/);
    // The province field says where the network has opened; the provinces keep their names.
    await page
      .getByText('Open now: Battambang, Siem Reap. Elsewhere the phase has not opened yet', { exact: false })
      .waitFor();
    await expect(page.locator('#provinceCode option[value="KH-7"]').textContent()).resolves.toBe('Kampot');
    await context.close();

    const [adminContext, admin] = await newPage(rig.browser, DESKTOP);
    await openSignedIn(admin, '/en/admin/programme', STAFF.admin);
    await admin.waitForURL(/\/en\/admin\/programme$/);
    await admin.locator('[data-settings-form] #unopenedProvinces').selectOption('refuse');
    await admin.locator('[data-settings-form] button[type=submit]').click();
    await waitFor(async () =>
      (await gateway('/api/settings/network', { token: coordinator })).body.settings.unopenedProvinces ===
      'refuse'
        ? true
        : undefined,
    );
    await adminContext.close();
  });
});
