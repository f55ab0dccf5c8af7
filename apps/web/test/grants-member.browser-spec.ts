import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { GrantsWorld } from '../../gateway/test/grants-world';
import { Mailbox } from '../../gateway/test/mail';
import { contentWidth, launchChromium, signInOnPage } from './browser';
import { startWeb } from './web-server';

/** A day `days` from today, YYYY-MM-DD: activities are planned ahead of the day the test runs. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const PHONE = { viewport: { width: 360, height: 740 }, locale: 'km-KH' };
const PASSWORD = 'our nets by the flooded forest';
const KHMER_DIGIT = /[០-៩]/;
const SHOTS = process.env.SCREENSHOT_DIR;

/** A full-page picture of the page when SCREENSHOT_DIR is set (for a person to look at). */
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/grants-member-${name}.png`, fullPage: true });
}

type Json = any;

/** A JPEG by its magic bytes, of `size` bytes (the gateway tells the type by the content). */
function jpeg(size: number): Buffer {
  const body = randomBytes(size);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]).copy(body);
  return body;
}

/**
 * A CBO member applies for a small grant on a 360 px phone in Khmer: starts the application from
 * the open round, fills the plan with autosave, loses the network while typing and sees the
 * draft reach the server when it is back; goes on from a second phone (the first phone's stale
 * copy then loses to the newer one, said in the page, until the member chooses their changes);
 * fills the budget with live totals; saves a step and attaches a file without JavaScript;
 * uploads a photo resumably, cut off mid-way; and submits once, with a reference, a status page
 * and a receipt by email.
 */
describe("a member's grant application in the web", () => {
  let world: GrantsWorld;
  let web: { url: string; stop(): Promise<void> };
  let browser: Browser;
  const mailbox = new Mailbox();
  const email = `${uniqueName('grant-member')}@member.test.bandanh.org`;
  let memberToken: string;
  let round: Json;
  /** The application the first test submits, which the second one gets back for changes. */
  let submittedId: string;
  let submittedReference: string;

  const api = (path: string, init: Parameters<GrantsWorld['call']>[2] = {}) =>
    world.call(memberToken, path, init);

  beforeAll(async () => {
    world = await GrantsWorld.start('web-grants-member', {
      SMTP_URL: process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025',
    });
    web = await startWeb(world.url);
    browser = await launchChromium();
    const cboId = await world.eligibleCbo(uniqueName('Ek Phnom Fishers'));
    const signedUp = await world.call(undefined, '/api/auth/sign-up', {
      method: 'POST',
      json: { email, password: PASSWORD, displayName: 'សុខ ស្រីពៅ', locale: 'km' },
    });
    expect(signedUp.status).toBe(201);
    memberToken = signedUp.body.session.token;
    const issued = await world.as('coordinator', `/api/cbos/${cboId}/link-codes`, {
      method: 'POST',
      json: {},
    });
    const linked = await api('/api/me/cbo-link', { method: 'POST', json: { code: issued.body.code } });
    expect(linked.body?.account?.cboId).toBe(cboId);
    round = await world.openRound({ nameKm: 'ជំនួយតូចៗ សម្រាប់សហគមន៍នេសាទ', nameEn: 'Fisheries small grants' });
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await world?.stop();
    await mailbox.remove([email]).catch(() => undefined);
  });

  async function phone(options: Parameters<Browser['newContext']>[0] = {}): Promise<[BrowserContext, Page]> {
    const context = await browser.newContext({ ...PHONE, ...options });
    const page = await context.newPage();
    return [context, page];
  }

  /** Waits for `selector`, saying what the page shows when it does not come. */
  const shows = (page: Page, selector: string, timeout = 30_000) =>
    page.waitForSelector(selector, { timeout }).catch(async (error) => {
      console.log(page.url(), await page.innerText('main').catch(() => ''));
      throw error;
    });
  const application = async (id: string) => (await api(`/api/grants/applications/${id}`)).body.application;
  const saveStatus = (page: Page, status: string) =>
    page.waitForSelector(`[data-save-status="${status}"]`, { timeout: 20_000 });

  it('takes the application from start to submission across two phones, offline for a while', async () => {
    // 1. The first phone: the open round, in Khmer, with its days left in Khmer digits.
    const [first, a] = await phone();
    await a.goto(`${web.url}/km/grants`);
    await signInOnPage(a, { email, password: PASSWORD });
    await a.waitForURL(/\/km\/grants$/);
    await shot(a, 'rounds');
    const card = a.locator(`[data-round="${round.id}"]`);
    await expect(card.locator('h3').textContent()).resolves.toBe(round.nameKm);
    expect(await card.locator('[data-days-left]').textContent()).toMatch(KHMER_DIGIT);
    expect(await card.locator('[data-round-ceiling]').textContent()).toMatch(KHMER_DIGIT);
    expect(await contentWidth(a)).toBeLessThanOrEqual(360);
    expect(await a.locator('[data-site-nav] a[href="/km/grants"]').count()).toBe(1);
    await card.locator('button[type=submit]').click();
    await a.waitForURL(/\/km\/my-cbo\/grants\/[0-9a-f-]{36}$/);
    const id = /grants\/([0-9a-f-]{36})/.exec(a.url())![1];
    expect(await a.getAttribute('[data-step-form]', 'data-step-form')).toBe('plan');

    // 2. Autosave as the member types: the title reaches the server without a button.
    await a.fill('#title', 'ការល្បាតព្រៃលិចទឹក');
    await a.fill('#objectives', 'ការពារជម្រកត្រី');
    await saveStatus(a, 'saved');
    expect(await a.textContent('[data-save-status]')).toMatch(KHMER_DIGIT);
    await waitFor(
      async () => ((await application(id)).plan.objectives === 'ការពារជម្រកត្រី' ? true : undefined),
      {
        what: 'the autosaved objectives',
      },
    );

    // 3. The network drops while typing: kept on the phone, sent when it is back.
    await first.setOffline(true);
    await a.fill('#description', 'ល្បាតរៀងរាល់សប្ដាហ៍ ជាមួយមន្ត្រីជលផល');
    await saveStatus(a, 'offline');
    const kept = await a.evaluate(() =>
      Object.keys((globalThis as any).localStorage as Record<string, string>).filter((key) =>
        key.startsWith('bandanh.grantDraft.'),
      ),
    );
    expect(kept).toHaveLength(1);
    expect((await application(id)).plan.description).toBe('');
    await first.setOffline(false);
    await saveStatus(a, 'saved');
    await waitFor(
      async () => ((await application(id)).plan.description.startsWith('ល្បាតរៀងរាល់') ? true : undefined),
      { what: 'the offline description on the server' },
    );
    expect(
      await a.evaluate(() =>
        Object.keys((globalThis as any).localStorage as Record<string, string>).filter((key) =>
          key.startsWith('bandanh.grantDraft.'),
        ),
      ),
    ).toHaveLength(0);
    await a.fill('#expectedResults', 'ត្រីកើនឡើងក្នុងតំបន់អភិរក្ស');
    await waitFor(
      async () => ((await application(id)).plan.expectedResults === 'ត្រីកើនឡើងក្នុងតំបន់អភិរក្ស' ? true : undefined),
      { what: 'the autosaved expected results' },
    );
    await saveStatus(a, 'saved');

    // 4. A second phone goes on with the place, the people and the budget.
    const [second, b] = await phone();
    await b.goto(`${web.url}/km/my-cbo/grants/${id}?step=place`);
    await signInOnPage(b, { email, password: PASSWORD });
    await shows(b, '[data-step-form="place"]');
    await b.selectOption('#provinceCode', 'KH-2');
    await b.fill('#place', 'ភូមិឯកភ្នំ ឃុំព្រែកលួង');
    await b.fill('#startsOn', inDays(90));
    await b.fill('#endsOn', inDays(120));
    await b.click('[data-save-next]');
    await shows(b, '[data-step-form="people"]');
    await b.fill('#beneficiariesWomen', '២៥');
    await b.fill('#beneficiariesMen', '20');
    await b.click('[data-save-next]');
    await shows(b, '[data-step-form="budget"]');
    expect(await contentWidth(b)).toBeLessThanOrEqual(360);
    await b.selectOption('#budget-0-category', 'transport');
    await b.fill('#budget-0-description', 'សាំងទូក');
    await b.fill('#budget-0-unitCost', '12.50');
    await b.fill('#budget-0-quantity', '១២');
    await b.fill('#budget-0-contribution', '50');
    // With JavaScript the totals follow the typing: 12 × $12.50 = $150, the group pays $50.
    await b.waitForSelector('[data-budget-totals] [data-total="15000"]');
    expect(await b.getAttribute('[data-budget-totals] [data-requested]', 'data-requested')).toBe('10000');
    await b.click('[data-add-line]');
    await b.waitForSelector('#budget-1-description');
    await b.selectOption('#budget-1-category', 'materials');
    await b.fill('#budget-1-description', 'ពិលនិងអាវភ្លឺ');
    await b.fill('#budget-1-unitCost', '2.75');
    await b.fill('#budget-1-quantity', '40');
    // A wrong amount is said beside its field.
    await b.fill('#budget-1-contribution', '1.505');
    await b.click('[data-save-next]');
    await b.waitForSelector('#budget-1-contribution-error');
    await b.fill('#budget-1-contribution', '');
    await b.click('[data-save-next]');
    await b.waitForURL(/step=files/);
    await shot(b, 'files');
    const saved = await application(id);
    expect(saved.budget.map((line: Json) => [line.unitCost, line.quantity, line.contribution])).toEqual([
      [1250, 12, 5000],
      [275, 40, 0],
    ]);
    expect(saved.totals).toEqual({ total: 26000, contribution: 5000, requested: 21000 });
    expect(saved.plan).toMatchObject({ beneficiariesWomen: 25, beneficiariesMen: 20, provinceCode: 'KH-2' });

    // 5. The first phone, still on the plan from before: its change loses to the newer copy
    //    until the member chooses it, and then it goes over it without losing the budget.
    await a.fill('#title', 'ការល្បាតព្រៃលិចទឹក ឆ្នាំ២០២៧');
    await a.waitForSelector('[data-newer-copy]', { timeout: 20_000 });
    // Only what differs from the newer copy is listed: the title.
    expect(await a.locator('[data-kept-changes] dt').count()).toBe(1);
    await shot(a, 'newer-copy');
    expect(await a.textContent('[data-kept-changes]')).toContain('ឆ្នាំ២០២៧');
    expect((await application(id)).plan.title).toBe('ការល្បាតព្រៃលិចទឹក');
    await Promise.all([a.waitForEvent('load'), a.click('[data-use-mine]')]);
    const chosen = await application(id);
    expect(chosen.plan.title).toBe('ការល្បាតព្រៃលិចទឹក ឆ្នាំ២០២៧');
    expect(chosen.budget).toHaveLength(2);
    await first.close();

    // 6. Without JavaScript: a step still saves and goes on, and a letter attaches in one request.
    const [plain, c] = await phone({ javaScriptEnabled: false });
    await c.goto(`${web.url}/km/my-cbo/grants/${id}?step=people`);
    await signInOnPage(c, { email, password: PASSWORD });
    await c.goto(`${web.url}/km/my-cbo/grants/${id}?step=people`);
    await c.fill('#beneficiariesMen', '22');
    await c.click('[data-save-next]');
    await c.waitForURL(/step=budget/);
    expect((await application(id)).plan.beneficiariesMen).toBe(22);
    // Without JavaScript the totals are the saved budget's.
    await shows(c, '[data-budget-totals] [data-total="26000"]');
    await shot(c, 'budget-no-js');
    await c.goto(`${web.url}/km/my-cbo/grants/${id}?step=files`);
    await c.selectOption('#upload-kind', 'letter');
    await c.setInputFiles('#upload-file', {
      name: 'not-a-picture.txt',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('plain text'),
    });
    await c.click('[data-upload-submit]');
    await c.waitForSelector('[data-upload-error="fileType"]');
    await c.selectOption('#upload-kind', 'letter');
    await c.setInputFiles('#upload-file', {
      name: 'លិខិតគាំទ្រ.jpg',
      mimeType: 'image/jpeg',
      buffer: jpeg(20_000),
    });
    await c.click('[data-upload-submit]');
    await c.waitForSelector('[data-uploaded]');
    expect(await c.locator('[data-attachment]').count()).toBe(1);
    await plain.close();

    // 7. A photo, resumably, on a slow line cut off part-way: it goes on from where it was.
    await b.goto(`${web.url}/km/my-cbo/grants/${id}?step=files`);
    const cdp = await second.newCDPSession(b);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: 2_000_000,
      uploadThroughput: 400_000,
    });
    const sent: Array<{ method: string; offset: number; at: number }> = [];
    let cutFailures = 0;
    b.on('request', (request) => {
      if (request.url().includes('/api/uploads')) {
        sent.push({
          method: request.method(),
          offset: Number(request.headers()['upload-offset'] ?? 0),
          at: Date.now(),
        });
      }
    });
    b.on('requestfailed', (request) => {
      if (request.method() === 'PATCH' && request.url().includes('/api/uploads/')) cutFailures += 1;
    });
    const photo = jpeg(1_600_000);
    await b.selectOption('#upload-kind', 'photo');
    await b.setInputFiles('#upload-file', { name: 'ទូកល្បាត.jpg', mimeType: 'image/jpeg', buffer: photo });
    await b.click('[data-upload-submit]');
    await waitFor(
      async () => {
        const percent = Number(
          await b.getAttribute('[data-upload-progress]', 'data-upload-progress').catch(() => '0'),
        );
        return percent >= 30 ? percent : undefined;
      },
      { what: 'the photo a third sent', timeoutMs: 30_000, intervalMs: 100 },
    );
    await cdp.send('Network.emulateNetworkConditions', {
      offline: true,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await b.waitForTimeout(1500);
    const reconnectedAt = Date.now();
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await b.waitForURL(/uploaded=1/, { timeout: 60_000 });
    const files = (await application(id)).attachments;
    expect(files.map((file: Json) => [file.kind, file.size, file.contentType])).toEqual(
      expect.arrayContaining([['photo', photo.length, 'image/jpeg']]),
    );
    // The cut broke a piece on its way, and the upload went on from where it was: one upload
    // created, and every piece after the network came back started past the pieces already
    // received (256 KiB each), never from the start.
    expect(cutFailures).toBeGreaterThan(0);
    expect(sent.filter((request) => request.method === 'POST')).toHaveLength(1);
    const after = sent.filter((request) => request.method === 'PATCH' && request.at >= reconnectedAt);
    expect(after.length).toBeGreaterThan(0);
    expect(Math.min(...after.map((request) => request.offset))).toBeGreaterThanOrEqual(256 * 1024);
    expect(await b.locator('[data-attachment]').count()).toBe(2);

    // 8. The review, and one submission however often the button is pressed.
    await b.goto(`${web.url}/km/my-cbo/grants/${id}?step=review`);
    await b.waitForSelector('[data-submit-form]');
    expect(await b.textContent('[data-review-totals] [data-requested]')).toMatch(KHMER_DIGIT);
    await b.locator('[data-submit-form] button[type=submit]').dblclick();
    await b.waitForSelector('[data-receipt]');
    const reference = (await b.textContent('[data-reference]'))!.trim();
    expect(reference).toMatch(/^GRT-[0-9A-Z]{8}$/);
    await shot(b, 'status');
    expect(await b.textContent('[data-submitted-at]')).toMatch(KHMER_DIGIT);
    expect(await contentWidth(b)).toBeLessThanOrEqual(360);
    const mine = (await api('/api/grants/applications/mine')).body.items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id, reference });
    expect(mine[0].stage).not.toBe('draft');

    submittedId = id;
    submittedReference = reference;

    // 9. The receipt by email, with the reference.
    const receipt = await waitFor(
      async () => {
        for (const summary of await mailbox.to(email)) {
          const message = await mailbox.message(summary.ID);
          if (`${message.Subject}\n${message.Text}`.includes(reference)) return message;
        }
        return undefined;
      },
      { what: `the receipt of ${reference}`, timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(receipt.Text).toContain(reference);
    await second.close();
  });
  it('shows a returned application with its reason, and takes it back for changes and a new submission', async () => {
    expect(submittedId).toBeDefined();
    const id = submittedId;
    const step = (role: Parameters<GrantsWorld['as']>[0], path: string, json: unknown) =>
      waitFor(
        async () => {
          const answer = await world.as(role, `/api/grants/applications/${id}/${path}`, {
            method: 'POST',
            json,
          });
          return answer.status === 200 ? answer : undefined;
        },
        { what: `${role} ${path}`, timeoutMs: 60_000, intervalMs: 500 },
      );
    await step('coordinator', 'eligibility', { outcome: 'eligible', reason: '' });
    await step('reviewer', 'declaration', { conflict: false });
    await step('reviewer', 'review', { scores: [{ key: 'relevance', score: 4 }], comment: 'Clear plan' });
    const reason = 'សូមបន្ថែមសម្រង់តម្លៃសាំង';
    await step('programme_manager', 'decision', { outcome: 'return', reason });
    await waitFor(async () => ((await application(id)).stage === 'returned' ? true : undefined), {
      what: 'the application returned',
      timeoutMs: 30_000,
    });

    const [context, page] = await phone();
    await page.goto(`${web.url}/km/my-cbo/grants/${id}`);
    await signInOnPage(page, { email, password: PASSWORD });
    await shows(page, '[data-decision="returned"]');
    expect(await page.textContent('[data-decision-reason]')).toContain(reason);
    expect(await page.textContent('[data-reference]')).toBe(submittedReference);
    await shot(page, 'returned');
    await page.click('[data-change-again]');
    await shows(page, '[data-step-form="plan"]');
    expect(await page.textContent('[data-returned-reason]')).toContain(reason);
    await page.fill('#title', 'ការល្បាតព្រៃលិចទឹក ឆ្នាំ២០២៧ (កែប្រែ)');
    await page.click('[data-save-next]');
    await shows(page, '[data-step-form="place"]');
    await page.goto(`${web.url}/km/my-cbo/grants/${id}?step=review`);
    await page.click('[data-submit-form] button[type=submit]');
    await shows(page, '[data-receipt]');
    expect(await page.textContent('[data-reference]')).toBe(submittedReference);
    const again = await application(id);
    expect(again.plan.title).toContain('(កែប្រែ)');
    expect(again.stage).not.toBe('returned');
    await context.close();
  });
});
