import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { waitFor } from '@bandanh/platform/testing';
import { GrantsWorld, completeDraft } from '../../gateway/test/grants-world';
import { STAFF, type TestAccount } from '../../gateway/test/stack';
import { addDays, todayInPhnomPenh } from '../src/components/training/time';
import { contentWidth, launchChromium, newPage, signInOnPage } from './browser';
import { startWeb } from './web-server';

const SHOTS = process.env.SCREENSHOT_DIR;
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 360, height: 740 }, locale: 'km-KH' };
const KHMER_DIGITS = /[០-៩]/;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `grants-${name}.png`), fullPage: true });
}

/** Someone who holds both roles of the first two steps: they may decide one, never both (four eyes). */
const DOUBLE: TestAccount = {
  email: 'pm-and-committee@test.bandanh',
  password: 'a long test passphrase',
  roles: ['programme_manager', 'grant_committee'],
  totpSecret: STAFF.programme_manager.totpSecret,
};

/**
 * The staff grant console end to end on the real stack: an admin opens a round (a closing
 * before the opening is refused beside the field), a member's application comes in through the
 * API, a coordinator finds it eligible, the reviewer declares no conflict and scores it, and the
 * approvers decide in chain order — the same person deciding a second step is refused in words.
 */
describe('the staff grant console: a round, the review and the approval chain', () => {
  let world: GrantsWorld;
  let web: { url: string; stop(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    world = await GrantsWorld.start('web-grants', { GRANT_REVIEWER_RETRY: '2 seconds' });
    await world.stack.ensureAccount(DOUBLE);
    web = await startWeb(world.url);
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await world?.stop();
  });

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
  let applicationId: string;

  it('an admin opens a round: a closing before the opening is refused beside the field', async () => {
    const [context, page] = await newPage(browser, DESKTOP);
    await openAs(page, STAFF.admin, '/en/grants/rounds');
    await page.getByRole('link', { name: 'Open a round' }).click();
    await page.waitForURL(/\/en\/grants\/rounds\/new$/);

    const form = page.locator('[data-round-form]');
    const today = todayInPhnomPenh();
    await form.locator('[name=nameKm]').fill('ជំនួយតូចៗ សាកល្បង');
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

  it('a coordinator finds a submitted application eligible, and the reviewer declares no conflict and scores it', async () => {
    // A member's application asking for $1,500, through the API as the member's pages send it.
    const cboId = await world.eligibleCbo('Prey Veng Land Group');
    const member = await world.member(cboId, 'web-grants');
    const draft = await world.startApplication(member.token, roundId);
    const lines = completeDraft();
    lines.budget = [{ ...lines.budget[0]!, unitCost: 150_000, quantity: 1, contribution: 0 }];
    const saved = await world.call(member.token, `/api/grants/applications/${draft.id}`, {
      method: 'PUT',
      json: { baseVersion: draft.version, draft: lines },
    });
    expect(saved.status).toBe(200);
    // A quote attached in one request (as the member's form sends it without JavaScript).
    const quote = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 'x')]);
    const meta = { applicationId: draft.id, kind: 'quote', filename: 'ដកស្រង់តម្លៃ.pdf' };
    const uploaded = await fetch(`${world.url}/api/uploads`, {
      method: 'POST',
      headers: {
        'tus-resumable': '1.0.0',
        authorization: `Bearer ${member.token}`,
        'upload-length': String(quote.length),
        'upload-metadata': Object.entries(meta)
          .map(([key, value]) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`)
          .join(','),
        'content-type': 'application/offset+octet-stream',
      },
      body: quote,
    });
    expect(uploaded.status).toBe(201);
    const version = (await world.call(member.token, `/api/grants/applications/${draft.id}`)).body.application
      .version;
    const submitted = await world.call(member.token, `/api/grants/applications/${draft.id}/submit`, {
      method: 'POST',
      json: { baseVersion: version },
    });
    expect(submitted.status).toBe(200);
    applicationId = draft.id;
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
    await expect(page.locator('[data-requested]').textContent()).resolves.toBe('$1,500.00');
    // The quote downloads through the web, as the coordinator, byte for byte.
    const link = page.locator('[data-attachments] a');
    await expect(link.textContent()).resolves.toBe('ដកស្រង់តម្លៃ.pdf');
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
    expect(file).toMatchObject({ status: 200, type: 'application/pdf', size: quote.length });
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
      KHMER_DIGITS,
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
    await expect(committee.locator('[data-remaining]').first().textContent()).resolves.toBe('$18,500.00');
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
    expect(text).toContain('Prey Veng Land Group');
    expect(text).toContain('1500.00');
    await other.close();
  }, 180_000);
  it('works without JavaScript, and in Khmer on a phone: relationships declared and withdrawn, the round in Khmer digits', async () => {
    const [context, page] = await newPage(browser, { ...PHONE, javaScriptEnabled: false });
    await openAs(page, STAFF.coordinator, '/km/account/relationships');
    await page.locator('#cbo-search').fill('Prey Veng');
    await page.locator('[data-cbo-search] button[type=submit]').click();
    const found = page.locator('[data-found-cbo]').first();
    await found.waitFor();
    await found.locator('[name=note]').fill('បងស្រីខ្ញុំជាហេរញ្ញិក');
    await found.locator('button[type=submit]').click();
    await page.locator('[data-relationship-declared]').waitFor();
    await expect(page.locator('[data-relationships] li').count()).resolves.toBe(1);
    await expect(page.locator('[data-relationships]').textContent()).resolves.toContain(
      'Prey Veng Land Group',
    );
    await page.locator('[data-remove-relationship] button[type=submit]').click();
    await page.locator('[data-relationship-removed]').waitFor();
    await page.locator('[data-no-relationships]').waitFor();

    // The round's page in Khmer: counts and money in Khmer digits, nothing wider than the phone.
    await page.goto(`${web.url}/km/grants/rounds/${roundId}`);
    await expect(page.locator('[data-envelope] [data-remaining]').textContent()).resolves.toMatch(
      KHMER_DIGITS,
    );
    await expect(page.locator('[data-stage-count=agreement]').textContent()).resolves.toMatch(/១/);
    expect(await contentWidth(page)).toBeLessThanOrEqual(360);
    await shot(page, 'round-km-phone');
    await page.goto(`${web.url}/km/grants/applications/${applicationId}`);
    await page.locator('[data-review-board]').waitFor();
    await shot(page, 'application-km-phone');
    await context.close();
  }, 120_000);
});
