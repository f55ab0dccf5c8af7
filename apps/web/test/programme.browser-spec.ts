import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { waitFor } from '@bandanh/platform/testing';
import { STAFF } from '../../gateway/test/stack';
import { api, newPage, signInOnPage, useWebRig } from './browser';

interface Task {
  kind: string;
  subjectId: string;
  status: string;
}

describe('the programme in the web: hotline, referrals, partners, field visits, expansion and settings', () => {
  const rig = useWebRig('web-programme');
  let token: string;
  let cboId: string;

  const get = async <T>(path: string) => (await api<T>(rig.stack.gatewayUrl, path, { token })).body;

  beforeAll(async () => {
    token = await rig.stack.tokenFor(STAFF.coordinator);
    const created = await api<{ cbo: { id: string } }>(rig.stack.gatewayUrl, '/api/cbos', {
      token,
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        name: 'Prek Chik Land Community',
        nameKm: 'សហគមន៍ដីធ្លីព្រែកជីក',
        provinceCode: 'KH-2',
        commune: 'Prek Chik',
        focusIssues: ['land'],
        foundVia: 'field_visit',
      },
    });
    expect(created.status).toBe(201);
    cboId = created.body.cbo.id;
  });

  /** Opens a page as `account`: the web sends the browser to sign in first, then back. */
  async function openAs(page: Page, account: (typeof STAFF)[keyof typeof STAFF], path: string) {
    await page.goto(`${rig.web.url}${path}`);
    await signInOnPage(page, account);
    await page.waitForURL((url) => url.pathname === path);
  }

  const followUps = async (status: 'open' | 'done', referralId: string) =>
    (await get<{ items: Task[] }>(`/api/tasks?all=true&status=${status}`)).items.filter(
      (task) => task.kind === 'follow_up_referral' && task.subjectId === referralId,
    );

  it('a coordinator adds a partner, logs a call in Khmer with a referral, follows it up and records a field visit', async () => {
    const [context, page] = await newPage(rig.browser);
    await openAs(page, STAFF.coordinator, '/en/partners');

    // A partner without expertise is refused, field by field; then added.
    const add = page.locator('[data-partner-form=new]');
    await add.getByLabel('Name of the NGO').fill('Land Rights Legal Aid');
    await add.getByRole('button', { name: 'Add the partner' }).click();
    await add.getByText('Choose at least one area of expertise.').waitFor();
    await add.getByLabel('Land').check();
    await add.getByLabel('Contact person').fill('Chan Sophea');
    await add.getByLabel('Phone').fill('+855 12 345 678');
    await add.getByRole('button', { name: 'Add the partner' }).click();
    await page.getByText('Land Rights Legal Aid was added to the partner NGOs.').waitFor();
    const partner = page.locator('li[data-partner-id]', { hasText: 'Land Rights Legal Aid' });
    await expect(partner.locator('[data-expertise]').textContent()).resolves.toBe('Land');
    const partnerId = (await partner.getAttribute('data-partner-id')) ?? '';

    // The call, logged in Khmer, refers the group to the partner.
    await page.goto(`${rig.web.url}/km/cbos/${cboId}/hotline`);
    await page.getByRole('heading', { name: 'ខ្សែទូរស័ព្ទជំនួយ៖ សហគមន៍ដីធ្លីព្រែកជីក' }).waitFor();
    const form = page.locator('[data-hotline-form]');
    await form.getByLabel('អ្នកហៅ').fill('សុខ ដារា');
    await form.getByLabel('បញ្ហា').selectOption({ label: 'ដីធ្លី' });
    await form.getByLabel('អ្វីដែលពួកគេបានសួរ').fill('ក្រុមហ៊ុនមួយកំពុងហ៊ុំព័ទ្ធព្រៃសហគមន៍។');
    await form.getByLabel('ការណែនាំដែលបានផ្តល់').fill('កត់ត្រាព្រំដែន ហើយទាក់ទងមេឃុំ។');
    await form.getByLabel('បញ្ជូនក្រុមទៅអង្គការដៃគូ').check();
    await form.getByLabel('អង្គការដៃគូ', { exact: true }).selectOption(partnerId);
    await form.getByLabel('មូលហេតុនៃការបញ្ជូន').fill('ត្រូវការមេធាវីសម្រាប់វិវាទដីធ្លី។');
    await form.getByRole('button', { name: 'កត់ត្រាការហៅទូរស័ព្ទ' }).click();
    await page.locator('[data-logged]').getByText('ការហៅទូរស័ព្ទត្រូវបានកត់ត្រាហើយ។', { exact: false }).waitFor();

    const call = page.locator('li[data-call-id]', { hasText: 'សុខ ដារា' });
    await call.getByText('ក្រុមហ៊ុនមួយកំពុងហ៊ុំព័ទ្ធព្រៃសហគមន៍។').waitFor();
    await call.getByText('បានបញ្ជូនទៅ Land Rights Legal Aid').waitFor();
    await expect(call.locator('[data-referral-status]').textContent()).resolves.toBe('កំពុងបើក');
    const referralId = (await call.locator('[data-referral-id]').getAttribute('data-referral-id')) ?? '';

    // The referral's follow-up task is in the coordinators' inbox.
    await waitFor(async () => ((await followUps('open', referralId)).length === 1 ? true : undefined), {
      timeoutMs: 20_000,
      what: 'the follow-up task',
    });

    // On the referrals page, open first; recording "resolved" closes the referral and its task.
    await page.goto(`${rig.web.url}/en/referrals`);
    const referral = page.locator(`li[data-referral-id="${referralId}"]`);
    await referral.getByText('Land Rights Legal Aid').waitFor();
    await referral.getByText('ត្រូវការមេធាវីសម្រាប់វិវាទដីធ្លី។').waitFor();
    expect(await referral.getByRole('link', { name: 'Prek Chik Land Community' }).getAttribute('href')).toBe(
      `/en/cbos/${cboId}/hotline`,
    );
    // A second tab, opened before the outcome is recorded, goes out of date.
    const stale = await context.newPage();
    await stale.goto(`${rig.web.url}/en/referrals`);
    await referral.getByLabel('Resolved: the partner helped the group').check();
    await referral.getByRole('button', { name: 'Record the outcome' }).click();
    await page
      .getByText('The outcome was recorded. The referral and its follow-up task are closed.')
      .waitFor();
    await expect(referral.getAttribute('data-status')).resolves.toBe('closed');
    await expect(referral.locator('[data-referral-status]').textContent()).resolves.toBe('Resolved');
    expect(await referral.locator('[data-outcome-form]').count()).toBe(0);
    expect(await followUps('open', referralId)).toEqual([]);
    expect(await followUps('done', referralId)).toHaveLength(1);
    const staleReferral = stale.locator(`li[data-referral-id="${referralId}"]`);
    await staleReferral.getByLabel('Not taken up by the group').check();
    await staleReferral.getByRole('button', { name: 'Record the outcome' }).click();
    await staleReferral
      .getByText('This referral is already closed. Reload the page to see it as it is now.')
      .waitFor();
    await page.goto(`${rig.web.url}/en/referrals?status=open`);
    await page.getByText('No referral is open.').waitFor();

    // A field visit, recorded in Khmer, offers to record the CBOs met on it.
    await page.goto(`${rig.web.url}/km/field-visits`);
    const visit = page.locator('[data-visit-form]');
    await visit.getByLabel('ខេត្ត').selectOption({ label: 'បាត់ដំបង' });
    await visit.getByLabel('ឃុំ').fill('ព្រែកជីក');
    await visit.getByRole('button', { name: 'កត់ត្រាការចុះមូលដ្ឋាន' }).click();
    await page.getByText('ការចុះមូលដ្ឋាននៅបាត់ដំបង ត្រូវបានកត់ត្រាហើយ។').waitFor();
    const recorded = page.locator('li[data-visit-id]', { hasText: 'ព្រែកជីក' });
    const visitId = await recorded.getAttribute('data-visit-id');
    expect(await recorded.locator('[data-record-cbo]').getAttribute('href')).toBe(
      `/km/cbos/new?fieldVisitId=${visitId}`,
    );
    await context.close();
  });

  it('an admin changes a target, turns the pilot rule off, and a rubric with a zero weight is refused', async () => {
    const [context, page] = await newPage(rig.browser);
    await openAs(page, STAFF.admin, '/en/admin/programme');
    const settings = async () =>
      (
        await get<{ settings: { pilotDeclinesDevelopment: boolean; rubric: Array<{ weight: number }> } }>(
          '/api/settings/network',
        )
      ).settings;

    // A new goal for the first target shows on the dashboard, with the CBO counted in Battambang.
    const targets = page.locator('[data-targets-form]');
    await targets.locator('#target-0-count').fill('42');
    await targets.getByRole('button', { name: 'Save the targets' }).click();
    await page.getByText('The targets were saved.').waitFor();

    // Kampot moves to the second phase; Battambang's phase is open, so it is shown, not offered.
    const plan = page.locator('[data-plan-form]');
    expect(await plan.locator('[data-province-locked="KH-2"]').count()).toBe(1);
    await plan.getByLabel('Kampot').selectOption({ label: 'Phase 2' });
    await plan.getByRole('button', { name: 'Save the plan' }).click();
    await page.getByText('The expansion plan was saved.').waitFor();
    await expect(plan.getByLabel('Kampot').inputValue()).resolves.toBe('1');

    await page.goto(`${rig.web.url}/en/expansion`);
    await page.locator('li[data-phase="2"]', { hasText: 'Kampot' }).waitFor();
    const target = page.locator('li[data-target-id]').first();
    await expect(target.getAttribute('data-goal')).resolves.toBe('42');
    await target.getByText('0 of 42').waitFor();
    const battambang = page.locator('tr[data-province="KH-2"]');
    await expect(battambang.locator('td[data-total]').textContent()).resolves.toBe('1');
    await page.locator('[data-stage-chart] [data-chart-province="KH-2"]').waitFor();

    // The pilot rule, off, stays off.
    await page.goto(`${rig.web.url}/en/admin/programme`);
    const form = page.locator('[data-settings-form]');
    expect(
      await form.getByLabel('During the pilot, decline CBOs whose main purpose is development').isChecked(),
    ).toBe(true);
    await form.getByLabel('During the pilot, decline CBOs whose main purpose is development').uncheck();
    await form.getByRole('button', { name: 'Save the selection rules' }).click();
    await page.getByText('The selection rules were saved. New assessments use them.').waitFor();
    await page.reload();
    expect(
      await form.getByLabel('During the pilot, decline CBOs whose main purpose is development').isChecked(),
    ).toBe(false);
    expect((await settings()).pilotDeclinesDevelopment).toBe(false);

    // A weight of 0 is refused by its field, and nothing changes.
    const before = await settings();
    await form.locator('#rubric-0-weight').fill('0');
    await form.getByRole('button', { name: 'Save the selection rules' }).click();
    await form.getByText('A weight is a whole number from 1 to 100.').waitFor();
    expect(await form.locator('#rubric-0-weight').getAttribute('aria-invalid')).toBe('true');
    expect(await settings()).toEqual(before);

    // The dashboard in Khmer names the provinces in Khmer.
    await page.goto(`${rig.web.url}/km/expansion`);
    await expect(page.locator('tr[data-province="KH-2"] th').textContent()).resolves.toBe('បាត់ដំបង');
    await context.close();
  });
});
