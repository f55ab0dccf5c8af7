import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { uniqueName } from '@bandanh/platform/testing';
import { Mailbox } from '../../gateway/test/mail';
import { newPage, SUBMIT, useWebRig } from './browser';

const PHONE = { viewport: { width: 360, height: 740 }, locale: 'km-KH' };
const SHOTS = process.env.SCREENSHOT_DIR;

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

describe('a member who forgot their password, on a 360 px phone in Khmer', () => {
  const rig = useWebRig('web-reset');
  const mailbox = new Mailbox();
  const email = `${uniqueName('sokha')}@reset.test.bandanh.org`;

  afterAll(async () => {
    await mailbox.remove([email]).catch(() => undefined);
  });

  it('asks for a link from the sign-in page, follows it from the email, and signs in with the new password', async () => {
    // Signed up on the Khmer pages: the account reads Khmer, and so will its emails.
    const [signUpContext, signUp] = await newPage(rig.browser, PHONE);
    await signUp.goto(`${rig.web.url}/km/sign-up`);
    await signUp.fill('#email', email);
    await signUp.fill('#displayName', 'សុខា');
    await signUp.fill('#password', 'our nets by the flooded forest');
    await signUp.fill('#confirm', 'our nets by the flooded forest');
    await signUp.click(SUBMIT);
    await signUp.waitForURL((url) => !url.pathname.endsWith('/sign-up'));
    await signUpContext.close();

    // The phone, with JavaScript: from the sign-in page to "forgot your password?".
    const [context, page] = await newPage(rig.browser, PHONE);
    await page.goto(`${rig.web.url}/km/sign-in`);
    await page.click('a[data-forgot-password]');
    await page.waitForURL(/\/km\/password-reset$/);
    await page.getByRole('heading', { name: 'ភ្លេចពាក្យសម្ងាត់?' }).waitFor();
    await fitsThePhone(page);

    // A wrong address is said beside its field.
    await page.fill('#email', 'not an address');
    await page.click(SUBMIT);
    await page.locator('#email-error').getByText('សូមបញ្ចូលអាសយដ្ឋានអ៊ីមែលត្រឹមត្រូវ', { exact: false }).waitFor();
    expect(await page.getAttribute('#email', 'aria-invalid')).toBe('true');
    await shot(page, 'reset-ask-error-km-360');

    await page.fill('#email', email);
    await page.click(SUBMIT);
    const sent = page.locator('[data-reset-sent]');
    await sent.getByText(`ប្រសិនបើមានគណនីដែលប្រើ ${email}`, { exact: false }).waitFor();
    await fitsThePhone(page);
    await shot(page, 'reset-sent-km-360');

    // The email, in Khmer, carries the link.
    const mail = await mailbox.only(email);
    expect(mail.Subject).toBe('កំណត់ពាក្យសម្ងាត់ Bandanh របស់អ្នកឡើងវិញ');
    const link = /https?:\/\/\S+(\/km\/password-reset\/[A-Za-z0-9_-]+)/.exec(mail.Text);
    expect(link).not.toBeNull();
    await context.close();

    // The link opened on the phone with JavaScript off: the form works without it.
    const [plain, reset] = await newPage(rig.browser, { ...PHONE, javaScriptEnabled: false });
    await reset.goto(`${rig.web.url}${link![1]}`);
    await reset.getByRole('heading', { name: 'ជ្រើសរើសពាក្យសម្ងាត់ថ្មី' }).waitFor();
    await fitsThePhone(reset);
    await reset.fill('#password', 'a new passphrase by the lake');
    await reset.fill('#confirm', 'a different passphrase');
    await reset.click(SUBMIT);
    await reset.locator('#confirm-error').getByText('ពាក្យសម្ងាត់ទាំងពីរមិនដូចគ្នាទេ។').waitFor();
    await reset.fill('#password', 'password123');
    await reset.fill('#confirm', 'password123');
    await reset.click(SUBMIT);
    await reset.locator('#password-error').getByText('ពាក្យសម្ងាត់នេះប្រើញឹកញាប់ពេក', { exact: false }).waitFor();
    await fitsThePhone(reset);
    await shot(reset, 'reset-new-error-km-360');

    await reset.fill('#password', 'a new passphrase by the lake');
    await reset.fill('#confirm', 'a new passphrase by the lake');
    await reset.click(SUBMIT);
    await reset.waitForURL(/\/km\/sign-in\?reset=1$/);
    await reset.locator('[data-password-reset-done]').waitFor();
    await shot(reset, 'reset-done-km-360');

    // The old password no longer signs in; the new one does.
    await reset.fill('#email', email);
    await reset.fill('#password', 'our nets by the flooded forest');
    await reset.click(SUBMIT);
    await reset.getByText('អ៊ីមែល ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវទេ', { exact: false }).waitFor();
    await reset.fill('#email', email);
    await reset.fill('#password', 'a new passphrase by the lake');
    await reset.click(SUBMIT);
    await reset.waitForURL((url) => !url.pathname.endsWith('/sign-in'));

    // The link worked once: opened again, it says so and offers a new one.
    await reset.goto(`${rig.web.url}${link![1]}`);
    await reset.locator('[data-reset-link-invalid]').getByText('តំណនេះមិនត្រឹមត្រូវ', { exact: false }).waitFor();
    expect(await reset.locator('[data-reset-link-invalid] a').getAttribute('href')).toBe(
      '/km/password-reset',
    );
    expect(await reset.locator('#password').count()).toBe(0);
    await fitsThePhone(reset);
    await shot(reset, 'reset-link-used-km-360');
    await plain.close();
  });
});
