import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { uniqueName } from '@bandanh/platform/testing';
import { Mailbox } from '../../gateway/test/mail';
import { STAFF, TestStack } from '../../gateway/test/stack';
import { api, launchChromium, newPage, SUBMIT } from './browser';
import { startWeb } from './web-server';

const PHONE = { viewport: { width: 360, height: 740 }, locale: 'km-KH' };
const SHOTS = process.env.SCREENSHOT_DIR;
const REFERENCE = /BDH-[0-9A-HJKMNP-TV-Z]{8}/;
/** Applications (and status reads) this file's visitor, the web's one address, may send per window. */
const LIMIT = 6;

/** Nothing on the page is wider than the phone: no sideways scrolling. */
async function fitsThePhone(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number),
  ).toBeLessThanOrEqual(360);
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Fills the Khmer apply form for a group in Siem Reap (open in the default expansion plan). */
async function fillApplication(
  page: Page,
  { nameKm, purpose, email }: { nameKm: string; purpose: 'human_rights' | 'development'; email?: string },
) {
  await page.fill('#nameKm', nameKm);
  await page.fill('#name', `Group ${uniqueName('g')}`);
  await page.check(`input[name=purpose][value=${purpose}]`);
  await page.check('input[name=focusIssues][value=fisheries]');
  await page.selectOption('#provinceCode', 'KH-17');
  await page.fill('#contacts-0-name', 'ចាន់ ដារា');
  await page.fill('#contacts-0-phone', '012 345 678');
  if (email) await page.fill('#email', email);
}

describe('a group applying without an account, on a 360 px phone in Khmer', () => {
  let stack: TestStack;
  let web: { url: string; stop(): Promise<void> };
  let browser: Browser;
  const mailbox = new Mailbox();
  const used: string[] = [];

  beforeAll(async () => {
    stack = await TestStack.start('web-applicant', {
      SMTP_URL: process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025',
      PUBLIC_WRITE_LIMIT: String(LIMIT),
      PUBLIC_WRITE_WINDOW: '1 minute',
    });
    web = await startWeb(stack.gatewayUrl);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await mailbox.remove(used).catch(() => undefined);
    await browser?.close();
    await web?.stop();
    await stack?.stop();
  });

  it('tells a development group on the thank-you page that it is declined, why, and the reference to check it by', async () => {
    const [context, page] = await newPage(browser, PHONE);
    await page.goto(`${web.url}/km/apply`);
    await fillApplication(page, { nameKm: 'ក្រុមសន្សំប្រាក់ភូមិ', purpose: 'development' });
    await page.click(SUBMIT);

    await page.waitForURL(/\/km\/apply\/thanks\?reference=BDH-/);
    await page
      .getByRole('heading', { name: 'ពាក្យស្នើសុំរបស់អ្នកត្រូវបានទទួល ប៉ុន្តែក្រុមមិនអាចចូលបណ្ដាញនៅពេលនេះបានទេ' })
      .waitFor();
    expect(await page.locator('[data-application-status]').getAttribute('data-application-status')).toBe(
      'declined',
    );
    expect(await page.locator('[data-decline-reason]').innerText()).toContain('ក្នុងដំណាក់កាលសាកល្បង');
    const reference = (await page.locator('[data-reference]').innerText()).trim();
    expect(reference).toMatch(REFERENCE);
    await page.getByText('សូមរក្សាលេខនេះទុក។', { exact: false }).waitFor();
    // Not the steps of an application that goes on.
    expect(await page.locator('[data-application-received]').count()).toBe(0);
    await fitsThePhone(page);
    await shot(page, 'applicant-thanks-declined-km');

    // The status page, by the reference typed as from paper (small letters, no dash), without JavaScript.
    const [plain, statusPage] = await newPage(browser, { ...PHONE, javaScriptEnabled: false });
    await statusPage.goto(`${web.url}/km/apply/status`);
    await statusPage.fill('#reference', reference.toLowerCase().replace('-', ' '));
    await statusPage.click(SUBMIT);
    await statusPage.waitForURL(/\/km\/apply\/status\?reference=/);
    await statusPage.getByRole('heading', { name: `ពាក្យស្នើសុំ ${reference}` }).waitFor();
    await statusPage.getByText('មិនត្រូវបានជ្រើសរើសទេ។').waitFor();
    expect(await statusPage.locator('[data-decline-reason]').innerText()).toContain('ក្នុងដំណាក់កាលសាកល្បង');
    // Dates in Khmer digits, and nothing of a person.
    expect(await statusPage.locator('main').innerText()).toMatch(/[០-៩]{4}/);
    expect(await statusPage.locator('main').innerText()).not.toContain('ចាន់ ដារា');
    await fitsThePhone(statusPage);
    await shot(statusPage, 'applicant-status-declined-km');

    // An unknown reference: one clear message.
    await statusPage.fill('#reference', 'BDH-00000000');
    await statusPage.click(SUBMIT);
    await statusPage.getByText('គ្មានពាក្យស្នើសុំណាមានលេខយោង BDH-00000000 ទេ។', { exact: false }).waitFor();
    await shot(statusPage, 'applicant-status-unknown-km');
    await plain.close();
    await context.close();
  });

  it('mails the decision in Khmer to the address a group left on the form', async () => {
    const email = `${uniqueName('dara')}@applicant.test.bandanh.org`;
    used.push(email);
    const [context, page] = await newPage(browser, PHONE);
    await page.goto(`${web.url}/km/apply`);
    await fillApplication(page, { nameKm: 'សហគមន៍នេសាទកំពង់ភ្លុក', purpose: 'human_rights', email });
    await page.click(SUBMIT);
    await page.waitForURL(/\/km\/apply\/thanks\?reference=BDH-/);
    await page.getByText('ពាក្យរបស់អ្នកត្រូវបានទទួលហើយ។').waitFor();
    const reference = (await page.locator('[data-reference]').innerText()).trim();
    await shot(page, 'applicant-thanks-received-km');
    await context.close();

    // Staff take the group through assessment and select it.
    const coordinator = await stack.tokenFor(STAFF.coordinator);
    const { body: listed } = await api(
      stack.gatewayUrl,
      '/api/cbos?limit=5&q=' + encodeURIComponent('កំពង់ភ្លុក'),
      {
        token: coordinator,
      },
    );
    const cboId = listed.items[0].id as string;
    for (;;) {
      const { body } = await api(stack.gatewayUrl, `/api/cbos/${cboId}/pipeline`, { token: coordinator });
      if (body?.stage === 'assessment') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const assessor = await stack.tokenFor(STAFF.assessor);
    const { body: settings } = await api(stack.gatewayUrl, '/api/settings/network', { token: assessor });
    const scores = Object.fromEntries(
      settings.settings.rubric.map((c: { key: string; maxScore: number }) => [c.key, c.maxScore]),
    );
    const assessed = await api(stack.gatewayUrl, `/api/cbos/${cboId}/assessment`, {
      token: assessor,
      method: 'POST',
      body: {
        membersWomen: 10,
        membersMen: 8,
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
    const decided = await api(stack.gatewayUrl, `/api/cbos/${cboId}/decision`, {
      token: await stack.tokenFor(STAFF.approver),
      method: 'POST',
      body: { outcome: 'selected' },
    });
    expect(decided.status).toBe(200);

    const mail = await mailbox.only(email);
    expect(mail.Subject).toBe('សហគមន៍នេសាទកំពង់ភ្លុក ត្រូវបានជ្រើសរើសចូលបណ្ដាញសិទ្ធិមនុស្ស');
    expect(mail.Text).toContain(reference);
    expect(mail.Text).toContain('ពិនិត្យពាក្យស្នើសុំ');
  });

  it('says in Khmer when too many applications came from one connection, and when to try again', async () => {
    const [context, page] = await newPage(browser, PHONE);
    const message = page.getByText('មានពាក្យស្នើសុំច្រើនពេកត្រូវបានផ្ញើពីការតភ្ជាប់នេះ។', { exact: false });
    // The two applications above counted: the rest of the window's go through, then one is refused.
    let sent = 0;
    for (; sent <= LIMIT; sent++) {
      await page.goto(`${web.url}/km/apply`);
      await fillApplication(page, { nameKm: 'ក្រុមទីបួន', purpose: 'human_rights' });
      await page.click(SUBMIT);
      await Promise.race([page.waitForURL(/\/km\/apply\/thanks\?reference=BDH-/), message.waitFor()]);
      if (!page.url().includes('/apply/thanks')) break;
      // Past the status reads' own limit, the thank-you page still shows the reference.
      expect(await page.locator('[data-reference]').innerText()).toMatch(REFERENCE);
    }
    expect(sent).toBe(LIMIT - 2);
    await message.waitFor();
    expect(await message.innerText()).toMatch(/ប្រហែល [០-៩]+ នាទីទៀត/);
    // What was typed is kept, to send again later.
    expect(await page.inputValue('#nameKm')).toBe('ក្រុមទីបួន');
    await fitsThePhone(page);
    await shot(page, 'applicant-rate-limited-km');
    await context.close();
  });
});
