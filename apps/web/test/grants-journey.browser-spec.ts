import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { GrantsWorld, completeDraft } from '../../gateway/test/grants-world';
import { Mailbox } from '../../gateway/test/mail';
import { STAFF, type TestAccount } from '../../gateway/test/stack';
import { addDays, todayInPhnomPenh } from '../src/components/training/time';
import { contentWidth, launchChromium, newPage, signInOnPage } from './browser';
import { startWeb } from './web-server';

/** A day `days` from today, YYYY-MM-DD: activities are planned ahead of the day the test runs. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const SHOTS = process.env.SCREENSHOT_DIR;
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 360, height: 740 }, locale: 'km-KH' };
const KHMER_DIGIT = /[០-៩]/;
const PASSWORD = 'our nets by the flooded forest';
const ROUND_NAME_KM = 'ជំនួយតូចៗ សាកល្បង';

/** A full-page picture of the page when SCREENSHOT_DIR is set (for a person to look at). */
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `grants-${name}.png`), fullPage: true });
}

type Json = any;

/** A JPEG by its magic bytes, of `size` bytes (the gateway tells the type by the content). */
function jpeg(size: number): Buffer {
  const body = randomBytes(size);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]).copy(body);
  return body;
}

/** Someone who holds both roles of the first two steps: they may decide one, never both (four eyes). */
const DOUBLE: TestAccount = {
  email: 'pm-and-committee@test.bandanh',
  password: 'a long test passphrase',
  roles: ['programme_manager', 'grant_committee'],
  totpSecret: STAFF.programme_manager.totpSecret,
};

/**
 * One small grant through the web on the real stack, from the round to the approval. An admin
 * opens a round (a closing before the opening is refused beside the field). A CBO member applies
 * on a 360 px phone in Khmer: starts from the open round, fills the plan with autosave, loses the
 * network while typing and sees the draft reach the server when it is back; goes on from a second
 * phone (the first phone's stale copy then loses to the newer one, said in the page, until the
 * member chooses their changes); fills the budget with live totals; saves a step and attaches a
 * letter without JavaScript; uploads a photo resumably, cut off mid-way; and submits once, with a
 * reference, a status page and a receipt by email. A coordinator finds it eligible, the reviewer
 * declares no conflict and scores it on a phone in Khmer, and the approvers decide in chain order
 * (the same person deciding a second step is refused in words). Last, an application returned for
 * changes is shown to the member with its reason, changed and submitted again.
 */
describe('a small grant in the web, from the round to the approval', () => {
  let world: GrantsWorld;
  let web: { url: string; stop(): Promise<void> };
  let browser: Browser;
  const mailbox = new Mailbox();
  const email = `${uniqueName('grant-member')}@member.test.bandanh.org`;
  const cboName = uniqueName('Ek Phnom Fishers');
  let memberToken: string;

  const api = (path: string, init: Parameters<GrantsWorld['call']>[2] = {}) =>
    world.call(memberToken, path, init);

  beforeAll(async () => {
    world = await GrantsWorld.start('web-grants', {
      GRANT_REVIEWER_RETRY: '2 seconds',
      SMTP_URL: process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025',
    });
    await world.stack.ensureAccount(DOUBLE);
    web = await startWeb(world.url);
    browser = await launchChromium();
    const cboId = await world.eligibleCbo(cboName);
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
  }, 240_000);

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

  async function openAs(page: Page, account: TestAccount, path: string) {
    await page.goto(`${web.url}${path}`);
    await signInOnPage(page, account);
    await page.waitForURL((url) => url.pathname === path.split('?')[0]);
  }

  /** The application's run as grant staff see it, once `ready` says it has got there. */
  async function runWhen(applicationId: string, ready: (run: any) => boolean, what: string) {
    return waitFor(
      async () => {
        const { status, body } = await world.as(
          'coordinator',
          `/api/grants/applications/${applicationId}/run`,
        );
        return status === 200 && ready(body) ? body : undefined;
      },
      { what, timeoutMs: 30_000 },
    );
  }

  let roundId: string;
  /** The member's application, from the draft to the approval. */
  let applicationId: string;
  let submittedReference: string;

  it('an admin opens a round: a closing before the opening is refused beside the field', async () => {
    const [context, page] = await newPage(browser, DESKTOP);
    await openAs(page, STAFF.admin, '/en/grants/rounds');
    await page.getByRole('link', { name: 'Open a round' }).click();
    await page.waitForURL(/\/en\/grants\/rounds\/new$/);

    const form = page.locator('[data-round-form]');
    const today = todayInPhnomPenh();
    await form.locator('[name=nameKm]').fill(ROUND_NAME_KM);
    await form.locator('[name=nameEn]').fill('Small grants, web test');
    await form.locator('[name=budget]').fill('20,000.00');
    await form.locator('[name=minAmount]').fill('100');
    await form.locator('[name=maxAmount]').fill('6000.50');
    await form.locator('[name=opensDate]').fill(addDays(today, -1));
    await form.locator('[name=opensTime]').fill('08:00');
    // Closing the day before it opens.
    await form.locator('[name=closesDate]').fill(addDays(today, -2));
    await form.locator('[name=closesTime]').fill('17:00');
    await form.locator('[name=reviewersPerApplication]').fill('1');
    // The usual chain is filled in: programme manager, then the committee above $1,000, the director above $5,000.
    await expect(form.locator('[name="approvalChain.1.role"]').inputValue()).resolves.toBe('grant_committee');
    await expect(form.locator('[name="approvalChain.2.aboveAmount"]').inputValue()).resolves.toBe('5000.00');
    // A fourth criterion added and removed again, without losing what was typed.
    await form.locator('[data-add-criterion]').click();
    await form.locator('[data-rubric-row="3"]').waitFor();
    await form.locator('[name="rubric.3.key"]').fill('reach');
    await form.locator('[data-remove-criterion="0"]').click();
    await form.locator('[data-rubric-row="3"]').waitFor({ state: 'detached' });
    await expect(form.locator('[name="rubric.0.key"]').inputValue()).resolves.toBe('feasibility');
    await expect(form.locator('[name="rubric.2.key"]').inputValue()).resolves.toBe('reach');
    await form.locator('[name="rubric.2.labelKm"]').fill('ការឈានដល់');
    await form.locator('[name="rubric.2.labelEn"]').fill('Reach');
    await form.locator('[data-save-round]').click();

    await page.locator('#closesDate-error').waitFor();
    await expect(page.locator('#closesDate-error').textContent()).resolves.toBe(
      'The round must close after it opens: choose a later closing date or time.',
    );
    await expect(page.locator('[role=alert]').first().textContent()).resolves.toContain(
      'Some settings need correcting',
    );
    // What was typed is still there.
    await expect(form.locator('[name=budget]').inputValue()).resolves.toBe('20,000.00');
    await shot(page, 'round-refused');

    await form.locator('[name=closesDate]').fill(addDays(today, 30));
    await form.locator('[data-save-round]').click();
    await page.waitForURL(/\/en\/grants\/rounds\/[0-9a-f-]{36}\?saved=opened/);
    roundId = /rounds\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.locator('[data-round-saved]').waitFor();
    await expect(page.locator('[data-envelope] [data-budget]').textContent()).resolves.toBe('$20,000.00');

    // As the API has it: minor units, Phnom Penh time, the rubric and chain as typed.
    // (The coordinator reads it: the admin's code of this half-minute went to the browser.)
    const { body } = await world.as('coordinator', `/api/grants/rounds/${roundId}`);
    expect(body.round).toMatchObject({
      budget: 2_000_000,
      minAmount: 10_000,
      maxAmount: 600_050,
      state: 'open',
      reviewersPerApplication: 1,
      approvalChain: [
        { role: 'programme_manager', aboveAmount: 0 },
        { role: 'grant_committee', aboveAmount: 100_000 },
        { role: 'director', aboveAmount: 500_000 },
      ],
    });
    expect(body.round.rubric.map((c: any) => c.key)).toEqual(['feasibility', 'value', 'reach']);
    expect(Date.parse(body.round.opensAt)).toBe(Date.parse(`${addDays(today, -1)}T01:00:00Z`));

    // Its settings page gives them back as typed: two decimals, Phnom Penh time.
    await page.getByRole('link', { name: "Change the round's settings" }).click();
    await page.waitForURL(/\/edit$/);
    await expect(form.locator('[name=budget]').inputValue()).resolves.toBe('20000.00');
    await expect(form.locator('[name=maxAmount]').inputValue()).resolves.toBe('6000.50');
    await expect(form.locator('[name=opensTime]').inputValue()).resolves.toBe('08:00');
    await expect(form.locator('[name="rubric.2.key"]').inputValue()).resolves.toBe('reach');
    await context.close();
  }, 120_000);

  it('a member applies on a phone in Khmer across two phones, offline for a while, with a photo, and submits once', async () => {
    // 1. The first phone: the open round, in Khmer, with its days left in Khmer digits.
    const [first, a] = await phone();
    await a.goto(`${web.url}/km/grants`);
    await signInOnPage(a, { email, password: PASSWORD });
    await a.waitForURL(/\/km\/grants$/);
    await shot(a, 'rounds');
    const card = a.locator(`[data-round="${roundId}"]`);
    await expect(card.locator('h3').textContent()).resolves.toBe(ROUND_NAME_KM);
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
    await b.fill('#budget-0-unitCost', '125.00');
    await b.fill('#budget-0-quantity', '១២');
    await b.fill('#budget-0-contribution', '50');
    // With JavaScript the totals follow the typing: 12 × $125 = $1,500, the group pays $50.
    await b.waitForSelector('[data-budget-totals] [data-total="150000"]');
    expect(await b.getAttribute('[data-budget-totals] [data-requested]', 'data-requested')).toBe('145000');
    // Money in Khmer digits, written the same in the browser as on the server's pages.
    expect(await b.textContent('[data-budget-totals] [data-requested]')).toBe('$១,៤៥០.០០');
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
      [12_500, 12, 5000],
      [275, 40, 0],
    ]);
    // $1,560 asked for: above $1,000, so the programme manager and then the grant committee decide.
    expect(saved.totals).toEqual({ total: 161_000, contribution: 5000, requested: 156_000 });
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
    await shows(c, '[data-budget-totals] [data-total="161000"]');
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
    expect(await b.textContent('[data-review-totals] [data-requested]')).toBe('$១,៥៦០.០០');
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

    applicationId = id;
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
  it('a coordinator finds the application eligible, and the reviewer declares no conflict and scores it', async () => {
    expect(applicationId).toBeDefined();
    await runWhen(
      applicationId,
      (run) => run.stage === 'eligibility' && run.eligibility.taskId,
      'the eligibility task',
    );

    // The round page lists it with the count per stage.
    const [context, page] = await newPage(browser, DESKTOP);
    await openAs(page, STAFF.coordinator, `/en/grants/rounds/${roundId}`);
    await expect(page.locator('[data-stage-count=eligibility]').getAttribute('data-count')).resolves.toBe(
      '1',
    );
    await page.locator(`[data-application-id="${applicationId}"] a`).first().click();
    await page.waitForURL(new RegExp(`/en/grants/applications/${applicationId}$`));
    await expect(page.locator('[data-requested]').textContent()).resolves.toBe('$1,560.00');
    // The member's letter downloads through the web, as the coordinator, byte for byte.
    await expect(page.locator('[data-attachments] a').count()).resolves.toBe(2);
    const link = page.locator('[data-attachments] a', { hasText: 'លិខិតគាំទ្រ.jpg' });
    const file = await page.evaluate(
      async (href) => {
        const response = await fetch(href);
        return {
          status: response.status,
          type: response.headers.get('content-type'),
          disposition: response.headers.get('content-disposition'),
          size: (await response.arrayBuffer()).byteLength,
        };
      },
      (await link.getAttribute('href'))!,
    );
    expect(file).toMatchObject({ status: 200, type: 'image/jpeg', size: 20_000 });
    expect(file.disposition).toMatch(/^attachment;/);
    const check = page.locator('[data-eligibility-form]');
    await check.getByLabel('Eligible: it goes to review').check();
    await check.getByRole('button', { name: 'Record the check' }).click();
    await page.locator('[data-step-done=eligibility]').waitFor();
    await context.close();

    await runWhen(
      applicationId,
      (run) => run.stage === 'review' && run.reviews.length === 1,
      'a reviewer assigned',
    );

    // The reviewer, on a phone in Khmer: first the declaration, then the application and the scores.
    const [phone, reviewerPage] = await newPage(browser, PHONE);
    await openAs(reviewerPage, STAFF.reviewer, '/km/grants/reviews');
    await reviewerPage.locator(`[data-review-for="${applicationId}"] a`).click();
    await reviewerPage.waitForURL(new RegExp(`/km/grants/reviews/${applicationId}$`));
    await expect(reviewerPage.locator('[data-plan]').count()).resolves.toBe(0);
    const declaration = reviewerPage.locator('[data-declaration-form]');
    await declaration.getByLabel('ខ្ញុំគ្មានជម្លោះផលប្រយោជន៍ជាមួយអ្នកដាក់ពាក្យនេះទេ').check();
    await declaration.locator('button[type=submit]').click();
    await reviewerPage.locator('[data-declared=none]').waitFor();
    await reviewerPage.locator('[data-plan]').waitFor();
    expect(await contentWidth(reviewerPage)).toBeLessThanOrEqual(360);

    const scores = reviewerPage.locator('[data-score-form]');
    // Khmer digits on the score buttons.
    await expect(scores.locator('[data-criterion=feasibility] label').nth(4).textContent()).resolves.toMatch(
      KHMER_DIGIT,
    );
    // Sending with a criterion left out is said beside it, nothing sent.
    await scores.locator('[name="score.feasibility"][value="4"]').check();
    await scores.locator('[name="score.value"][value="3"]').check();
    await scores.locator('button[type=submit]').click();
    await scores.locator('#reach-error').waitFor();
    await scores.locator('[name="score.reach"][value="5"]').check();
    await scores.locator('[name="comment.reach"]').fill('ឈានដល់គ្រួសារជាច្រើន');
    await scores.locator('[name=comment]').fill('គម្រោងល្អ');
    await shot(reviewerPage, 'score-km');
    await scores.locator('button[type=submit]').click();
    await reviewerPage.waitForURL(/\/km\/grants\/reviews\?scored=/);
    await reviewerPage.locator('[data-scored]').waitFor();
    await phone.close();

    await runWhen(
      applicationId,
      (run) => run.stage === 'approval' && run.approvalTaskId,
      'the approval task',
    );
  }, 180_000);

  it('the approvers decide in chain order: a second step by the same person is refused in words', async () => {
    const path = `/en/grants/applications/${applicationId}`;
    const [context, page] = await newPage(browser, DESKTOP);
    await openAs(page, DOUBLE, path);
    // The review board shows the reviewer's scores side by side, and the total.
    await expect(
      page.locator('[data-board-criterion=reach] [data-score]').getAttribute('data-score'),
    ).resolves.toBe('5');
    await page.locator('[data-review-total]').first().waitFor();
    let decide = page.locator('[data-decision-form]');
    await decide.getByLabel('Approve', { exact: true }).check();
    await decide.getByRole('button', { name: 'Record the decision' }).click();
    await page.locator('[data-step-done=decision]').waitFor();
    await runWhen(applicationId, (run) => run.currentStep === 1 && run.approvalTaskId, 'the committee step');

    // The same person, as the grant committee now: four eyes.
    await page.goto(`${web.url}${path}`);
    decide = page.locator('[data-decision-form]');
    await decide.getByLabel('Approve', { exact: true }).check();
    await decide.getByRole('button', { name: 'Record the decision' }).click();
    const refusal = decide.locator('[role=alert]');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain('You may not decide on this application');
    await expect(refusal.textContent()).resolves.toContain('four eyes');
    await shot(page, 'four-eyes');
    await context.close();

    // The grant committee's own member approves: the last step, the envelope committed.
    const [other, committee] = await newPage(browser, DESKTOP);
    await openAs(committee, STAFF.grant_committee, path);
    const last = committee.locator('[data-decision-form]');
    await last.getByLabel('Approve', { exact: true }).check();
    await last.getByRole('button', { name: 'Record the decision' }).click();
    await committee.locator('[data-step-done=decision]').waitFor();
    const run = await runWhen(applicationId, (r) => r.stage === 'agreement', 'the approval');
    expect(run.steps.map((step: any) => step.outcome)).toEqual(['approve', 'approve']);
    await committee.reload();
    await expect(committee.locator('[data-chain-steps] li[data-outcome=approve]').count()).resolves.toBe(2);
    await expect(committee.locator('[data-remaining]').first().textContent()).resolves.toBe('$18,440.00');
    await shot(committee, 'approved');

    // The round page's export carries it, with a byte order mark for Excel.
    const csv = await committee.evaluate(async (url) => {
      const response = await fetch(url);
      return {
        type: response.headers.get('content-type'),
        bytes: Array.from(new Uint8Array(await response.arrayBuffer())),
      };
    }, `${web.url}/en/grants/rounds/${roundId}/export.csv`);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    const text = Buffer.from(csv.bytes).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(cboName);
    expect(text).toContain(submittedReference);
    expect(text).toContain('1560.00');
    await other.close();
  }, 180_000);

  it('works without JavaScript, and in Khmer on a phone: relationships declared and withdrawn, the round in Khmer digits', async () => {
    const [context, page] = await newPage(browser, { ...PHONE, javaScriptEnabled: false });
    await openAs(page, STAFF.coordinator, '/km/account/relationships');
    await page.locator('#cbo-search').fill('Ek Phnom');
    await page.locator('[data-cbo-search] button[type=submit]').click();
    const found = page.locator('[data-found-cbo]').first();
    await found.waitFor();
    await found.locator('[name=note]').fill('បងស្រីខ្ញុំជាហេរញ្ញិក');
    await found.locator('button[type=submit]').click();
    await page.locator('[data-relationship-declared]').waitFor();
    await expect(page.locator('[data-relationships] li').count()).resolves.toBe(1);
    await expect(page.locator('[data-relationships]').textContent()).resolves.toContain(cboName);
    await page.locator('[data-remove-relationship] button[type=submit]').click();
    await page.locator('[data-relationship-removed]').waitFor();
    await page.locator('[data-no-relationships]').waitFor();

    // The round's page in Khmer: counts and money in Khmer digits, nothing wider than the phone.
    await page.goto(`${web.url}/km/grants/rounds/${roundId}`);
    await expect(page.locator('[data-envelope] [data-remaining]').textContent()).resolves.toMatch(
      KHMER_DIGIT,
    );
    await expect(page.locator('[data-stage-count=agreement]').textContent()).resolves.toMatch(/១/);
    expect(await contentWidth(page)).toBeLessThanOrEqual(360);
    await shot(page, 'round-km-phone');
    await page.goto(`${web.url}/km/grants/applications/${applicationId}`);
    await page.locator('[data-review-board]').waitFor();
    await shot(page, 'application-km-phone');
    await context.close();
  }, 120_000);

  it('shows a returned application with its reason, and takes it back for changes and a new submission', async () => {
    // A second round's application, through the API as the member's pages send it, submitted.
    const round = await world.openRound({
      nameKm: 'ជំនួយតូចៗ សម្រាប់សហគមន៍នេសាទ',
      nameEn: 'Fisheries small grants',
    });
    const draft = await world.startApplication(memberToken, round.id);
    const id = draft.id as string;
    const saved = await api(`/api/grants/applications/${id}`, {
      method: 'PUT',
      json: { baseVersion: draft.version, draft: completeDraft() },
    });
    expect(saved.status).toBe(200);
    const submitted = await api(`/api/grants/applications/${id}/submit`, {
      method: 'POST',
      json: { baseVersion: saved.body.application.version },
    });
    expect(submitted.status).toBe(200);
    const reference = submitted.body.application.reference as string;
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
    expect(await page.textContent('[data-reference]')).toBe(reference);
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
    expect(await page.textContent('[data-reference]')).toBe(reference);
    const again = await application(id);
    expect(again.plan.title).toContain('(កែប្រែ)');
    expect(again.stage).not.toBe('returned');
    await context.close();
  });
});
