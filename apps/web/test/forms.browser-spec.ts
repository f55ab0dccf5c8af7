import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { waitFor } from '@bandanh/platform/testing';
import { STAFF, type TestAccount } from '../../gateway/test/stack';
import { api, newPage, signInOnPage, SUBMIT, useWebRig } from './browser';

const SHOTS = process.env.SCREENSHOT_DIR;

/** What the reader sees (the viewport, not the whole page), when SCREENSHOT_DIR asks for it. */
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `forms-${name}.png`) });
}

/** A phone, as the first users had. */
const PHONE = { width: 360, height: 740 };

const ASSESSMENT = {
  membersWomen: 8,
  membersMen: 6,
  ongoingActivities: 'Land dispute documentation',
  plannedActivities: 'Training on land law',
  ambitions: 'Titles for the community',
  leadership: 'A village committee',
  meetingsHeld: 4,
  recordsKept: false,
  registration: 'not_registered',
  risks: 'Eviction',
  scores: { organisation: 3, activities: 3, commitment: 3, reach: 3 },
};

/** Whether React has taken over the form `selector`: before that, a click posts it natively. */
const hydrated = (page: Page, selector: string) =>
  page.waitForFunction((form) => {
    const element = (globalThis as any).document.querySelector(form) as object | null;
    return Boolean(element && Object.keys(element).some((key) => key.startsWith('__reactProps')));
  }, selector);

/** A refusal on the page: a step's error, a form's error summary, or any alert. */
const REFUSED = 'main [data-step-error], main [data-focus-after-submit], main [role=alert]';

/** What has focus, and whether it lies wholly within the viewport. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const { document, innerHeight } = globalThis as any;
    const active = document.activeElement;
    const box = active?.getBoundingClientRect();
    return {
      id: active?.id ?? '',
      tag: active?.tagName.toLowerCase() ?? '',
      summary: active?.hasAttribute('data-focus-after-submit') ?? false,
      text: active?.textContent ?? '',
      inView: Boolean(box && box.top >= 0 && box.bottom <= innerHeight && box.height > 0),
    };
  });

describe('the forms of the web: errors in view, required fields marked, decisions confirmed', () => {
  const rig = useWebRig('web-forms');

  const gateway = <T = any>(path: string, init: Parameters<typeof api>[2] = {}) =>
    api<T>(rig.stack.gatewayUrl, path, init);

  async function openSignedIn(page: Page, url: string, account: TestAccount) {
    await page.goto(`${rig.web.url}${url}`);
    await signInOnPage(page, account);
  }

  /** A CBO recorded and assessed through the API, waiting for an approver's decision. */
  async function cboAtSelection(name: string): Promise<string> {
    const { id } = await rig.stack.recordCbo({
      name,
      provinceCode: 'KH-2',
      focusIssues: ['land'],
      foundVia: 'referral',
    });
    const coordinator = await rig.stack.tokenFor(STAFF.coordinator);
    const stage = () =>
      gateway<{ stage: string }>(`/api/cbos/${id}/pipeline`, { token: coordinator }).then(
        (r) => r.body?.stage,
      );
    await waitFor(async () => ((await stage()) === 'assessment' ? true : undefined), {
      timeoutMs: 15_000,
      what: 'the CBO to reach assessment',
    });
    const assessed = await gateway(`/api/cbos/${id}/assessment`, {
      token: await rig.stack.tokenFor(STAFF.assessor),
      method: 'POST',
      body: ASSESSMENT,
    });
    expect(assessed.status).toBe(200);
    return id;
  }

  const pipelineOf = async (id: string) =>
    (
      await gateway<{ stage: string; history: Array<{ stage: string }> }>(`/api/cbos/${id}/pipeline`, {
        token: await rig.stack.tokenFor(STAFF.coordinator),
      })
    ).body;

  describe('a refused form takes the reader to its error summary', () => {
    it('on a phone in Khmer, with JavaScript: an empty application', async () => {
      const [context, page] = await newPage(rig.browser, { locale: 'km-KH', viewport: PHONE });
      await page.goto(`${rig.web.url}/km/apply`);
      await hydrated(page, 'form[data-apply-form]');
      await page.click(SUBMIT);
      await page.locator('#form-error').waitFor();
      await page.waitForFunction(() => (globalThis as any).document.activeElement?.id === 'form-error');
      const active = await focused(page);
      expect(active).toMatchObject({ id: 'form-error', summary: true, inView: true });
      await shot(page, 'apply-km-360-js');
      expect(active.text).toBe('សូមកែតម្រូវចន្លោះដែលបានសម្គាល់ខាងក្រោម។ គ្មានអ្វីត្រូវបានផ្ញើទេ។');
      await context.close();
    });

    it('on a phone in Khmer, without JavaScript: the page the server answers focuses the summary', async () => {
      const [context, page] = await newPage(rig.browser, {
        locale: 'km-KH',
        viewport: PHONE,
        javaScriptEnabled: false,
      });
      await page.goto(`${rig.web.url}/km/apply`);
      // Something typed, so it is clear the answer is the server's and keeps it.
      await page.fill('#district', 'Ratanak Mondul');
      await page.click(SUBMIT);
      await page.waitForLoadState('load');
      await page.locator('#form-error').waitFor();
      expect(await page.inputValue('#district')).toBe('Ratanak Mondul');
      // The browser focuses the `autofocus` summary as the page is shown.
      await page.waitForFunction(() => (globalThis as any).document.activeElement?.id === 'form-error');
      expect(await focused(page)).toMatchObject({ id: 'form-error', summary: true, inView: true });
      expect(await page.getAttribute('#form-error', 'autofocus')).not.toBeNull();
      await shot(page, 'apply-km-360-nojs');
      await context.close();
    });

    it('on a staff form (recording a CBO), with JavaScript, after the button far below', async () => {
      const [context, page] = await newPage(rig.browser, { locale: 'en-GB' });
      await openSignedIn(page, '/en/cbos/new', STAFF.coordinator);
      await page.waitForURL(/\/en\/cbos\/new$/);
      await hydrated(page, 'form#cbo-form');
      await page.fill('#name', '');
      await page.locator('form#cbo-form > button[type=submit]').click();
      await page.locator('#form-error').waitFor();
      await page.waitForFunction(() => (globalThis as any).document.activeElement?.id === 'form-error');
      expect(await focused(page)).toMatchObject({ id: 'form-error', summary: true, inView: true });
      await context.close();
    });
  });

  describe('required fields are marked, and said to be required', () => {
    /** The label or legend of a field shows the mark; its control says it is required. */
    async function expectRequired(page: Page, id: string) {
      expect(await page.locator(`label[for="${id}"] [data-required-mark]`).count()).toBe(1);
      expect(await page.getAttribute(`#${id}`, 'aria-required')).toBe('true');
      // The server checks the form and words what is wrong: the browser's own check stays out.
      expect(await page.getAttribute(`#${id}`, 'required')).toBeNull();
    }
    async function expectOptional(page: Page, id: string) {
      expect(await page.locator(`label[for="${id}"] [data-required-mark]`).count()).toBe(0);
      expect(await page.getAttribute(`#${id}`, 'aria-required')).toBeNull();
    }
    const legendMarked = (page: Page, name: string) =>
      page.locator(`fieldset:has(input[name="${name}"]) > legend [data-required-mark]`).count();

    it('on the application form, in Khmer on a phone', async () => {
      const [context, page] = await newPage(rig.browser, { locale: 'km-KH', viewport: PHONE });
      await page.goto(`${rig.web.url}/km/apply`);
      const form = page.locator('form[data-apply-form]');
      await expect(form.locator('[data-required-note]').textContent()).resolves.toBe('* ចាំបាច់');
      expect(await form.getAttribute('novalidate')).not.toBeNull();
      await expectRequired(page, 'name');
      await expectRequired(page, 'provinceCode');
      await expectOptional(page, 'nameKm');
      await expectOptional(page, 'district');
      expect(await legendMarked(page, 'focusIssues')).toBe(1);
      expect(await legendMarked(page, 'purpose')).toBe(1);
      // A group of checkboxes says it in its name; the radio group has its own `aria-required`.
      await page.getByRole('group', { name: /បញ្ហាដែលក្រុមរបស់អ្នកធ្វើការ.*ចាំបាច់/ }).waitFor();
      await page.getByRole('radiogroup', { name: /តើក្រុមរបស់អ្នកធ្វើការងារអ្វីជាចម្បង/ }).waitFor();
      expect(await page.getAttribute('fieldset:has(input[name="purpose"])', 'aria-required')).toBe('true');
      await context.close();
    });

    it('on the form that records a CBO, in English', async () => {
      const [context, page] = await newPage(rig.browser, { locale: 'en-GB' });
      await openSignedIn(page, '/en/cbos/new', STAFF.coordinator);
      await page.waitForURL(/\/en\/cbos\/new$/);
      await expect(page.locator('form#cbo-form [data-required-note]').textContent()).resolves.toBe(
        '* required',
      );
      await expectRequired(page, 'name');
      await expectRequired(page, 'provinceCode');
      await expectRequired(page, 'foundVia');
      await expectOptional(page, 'nameKm');
      await expectOptional(page, 'membersCount');
      expect(await legendMarked(page, 'focusIssues')).toBe(1);
      expect(await legendMarked(page, 'purpose')).toBe(0);
      await context.close();
    });
  });

  describe('an approver confirms a decision before it is recorded', () => {
    let context: BrowserContext;
    afterEach(async () => context?.close());

    it('asks first, names the CBO, the outcome and the reason; Cancel changes nothing; a double click on Confirm decides once', async () => {
      const name = 'Preah Net Preah Land Keepers';
      const id = await cboAtSelection(name);
      let page: Page;
      [context, page] = await newPage(rig.browser, { locale: 'en-GB' });
      await openSignedIn(page, `/en/cbos/${id}`, STAFF.approver);
      await page.waitForURL(new RegExp(`/en/cbos/${id}$`));
      const form = page.locator('[data-decision-form]');
      await hydrated(page, '[data-decision-form]');

      // Declining asks first, with the CBO, the outcome and the reason.
      await page.fill('#decision-reason', 'Too few meetings so far');
      await form.getByRole('button', { name: 'Decline', exact: true }).click();
      const declining = form.locator('[data-confirm-decision=declined]');
      await declining.waitFor();
      await expect(declining.locator('[data-confirm-cbo]').textContent()).resolves.toBe(name);
      await declining.getByText('Decline this CBO?').waitFor();
      await expect(declining.locator('[data-confirm-reason]').textContent()).resolves.toBe(
        'Too few meetings so far',
      );
      await page.waitForFunction(() =>
        (globalThis as any).document.activeElement?.hasAttribute('data-confirm-decision'),
      );
      expect((await focused(page)).inView).toBe(true);
      expect((await pipelineOf(id)).stage).toBe('selection');
      await shot(page, 'decline-confirm-en');

      // Cancel goes back to the form, keeping the reason, and records nothing.
      await declining.getByRole('button', { name: 'Cancel' }).click();
      await page.locator('#decision-reason').waitFor();
      expect(await page.inputValue('#decision-reason')).toBe('Too few meetings so far');
      expect((await pipelineOf(id)).stage).toBe('selection');

      // Selecting asks too; a double click on Confirm records one decision, with no error.
      await page.fill('#decision-reason', '');
      await form.getByRole('button', { name: 'Select as a Network Participant' }).click();
      const selecting = form.locator('[data-confirm-decision=selected]');
      await selecting.getByText('Select this CBO as a Network Participant?').waitFor();
      await expect(selecting.locator('[data-confirm-cbo]').textContent()).resolves.toBe(name);
      expect((await pipelineOf(id)).stage).toBe('selection');
      await selecting.getByRole('button', { name: 'Confirm' }).dblclick();
      await page.waitForURL(/done=decided/);
      await page.locator('[data-decision=selected]').waitFor();
      expect(await page.locator('[data-history] [data-history-stage=participant]').count()).toBe(1);
      expect(await page.locator(REFUSED).allTextContents()).toEqual([]);
      const pipeline = await pipelineOf(id);
      expect(pipeline.stage).toBe('participant');
      expect(pipeline.history.filter((e) => ['participant', 'declined'].includes(e.stage))).toHaveLength(1);
    });

    it('without JavaScript too: the confirmation sent twice (two tabs, or a double click) decides once', async () => {
      const name = 'Kampong Pradam Forest Guards';
      const id = await cboAtSelection(name);
      let page: Page;
      [context, page] = await newPage(rig.browser, { locale: 'km-KH', javaScriptEnabled: false });
      await openSignedIn(page, `/km/cbos/${id}`, STAFF.approver);
      await page.waitForURL(new RegExp(`/km/cbos/${id}$`));
      const second = await context.newPage();
      await second.goto(`${rig.web.url}/km/cbos/${id}`);

      for (const tab of [page, second]) {
        await tab.fill('#decision-reason', 'សកម្មភាពតិចពេក');
        await tab.locator('[data-decision-form]').getByRole('button', { name: 'បដិសេធ', exact: true }).click();
        const panel = tab.locator('[data-confirm-decision=declined]');
        await panel.getByText('បដិសេធអង្គការសហគមន៍នេះមែនទេ?').waitFor();
        await expect(panel.locator('[data-confirm-cbo]').textContent()).resolves.toBe(name);
        // The server's page puts the question in view, with focus on it.
        await tab.waitForFunction(() =>
          (globalThis as any).document.activeElement?.hasAttribute('data-confirm-decision'),
        );
        expect((await focused(tab)).inView).toBe(true);
      }
      await shot(page, 'decline-confirm-km-nojs');
      expect((await pipelineOf(id)).stage).toBe('selection');

      for (const tab of [page, second]) {
        await tab.locator('[data-confirm-decision]').getByRole('button', { name: 'បញ្ជាក់' }).click();
        await tab.waitForURL(/done=decided/);
        await tab.locator('[data-decision=declined]').waitFor();
        expect(await tab.locator(REFUSED).allTextContents()).toEqual([]);
      }
      const pipeline = await pipelineOf(id);
      expect(pipeline.stage).toBe('declined');
      expect(pipeline.history.filter((e) => ['participant', 'declined'].includes(e.stage))).toHaveLength(1);
    });
  });
});
