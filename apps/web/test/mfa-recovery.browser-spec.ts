import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { uniqueName } from '@bandanh/platform/testing';
import { Mailbox } from '../../gateway/test/mail';
import { STAFF, type TestAccount } from '../../gateway/test/stack';
import { freshCode, newPage, signInOnPage, SUBMIT, useWebRig } from './browser';

const DESKTOP = { viewport: { width: 1280, height: 900 } };
const SHOTS = process.env.SCREENSHOT_DIR;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe('recovery codes and a lost second factor, for staff on a desktop', () => {
  const rig = useWebRig('web-mfa-recovery');
  const mailbox = new Mailbox();
  const approver: TestAccount = {
    email: `${uniqueName('approver')}@mfa.test.bandanh.org`,
    password: 'an approver passphrase',
    roles: ['approver'],
    totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  };

  beforeAll(async () => {
    await rig.stack.ensureAccount(approver);
  });

  afterAll(async () => {
    await mailbox.remove([approver.email]).catch(() => undefined);
  });

  it('shows a staff member how many recovery codes are left, and new ones once for a code', async () => {
    const [context, page] = await newPage(rig.browser, DESKTOP);
    await page.goto(`${rig.web.url}/en/account/mfa`);
    await signInOnPage(page, approver);
    await page.goto(`${rig.web.url}/en/account/mfa`);
    await page.locator('[data-recovery-left="0"]').getByText('You have no recovery codes left.').waitFor();

    // A wrong code is said beside the field; a right one makes ten codes, shown once.
    await page.fill('#code', '000000');
    await page.click(`form[data-regenerate-form] button[type=submit]`);
    await page.locator('#code-error').waitFor();
    await page.fill('#code', await freshCode(approver.totpSecret!, approver.email));
    await page.click(`form[data-regenerate-form] button[type=submit]`);
    const codes = page.locator('[data-new-recovery-codes] ol.codes li');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await shot(page, 'mfa-new-codes-en-desktop');
    const first = (await codes.first().textContent())!.trim();

    // Shown this once: the page then counts them, and one of them signs in.
    await page.goto(`${rig.web.url}/en/account/mfa`);
    await page.locator('[data-recovery-left="10"]').getByText('You have 10 recovery codes left.').waitFor();
    expect(await page.locator('[data-new-recovery-codes]').count()).toBe(0);
    await context.close();

    const [other, again] = await newPage(rig.browser, DESKTOP);
    await again.goto(`${rig.web.url}/en/sign-in`);
    await again.fill('#email', approver.email);
    await again.fill('#password', approver.password);
    await again.click(SUBMIT);
    await again.waitForSelector('#code');
    await again.fill('#code', first);
    await again.click(SUBMIT);
    await again.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
    await again.goto(`${rig.web.url}/km/account/mfa`);
    await again.locator('[data-recovery-left="9"]').getByText('អ្នកនៅសល់លេខកូដសង្គ្រោះចំនួន ៩។').waitFor();
    await other.close();
  });

  it('lets an admin reset that staff member’s second factor from the users page, without JavaScript', async () => {
    const [context, page] = await newPage(rig.browser, { ...DESKTOP, javaScriptEnabled: false });
    await page.goto(`${rig.web.url}/en/admin/users`);
    await signInOnPage(page, STAFF.admin);
    await page.goto(`${rig.web.url}/en/admin/users`);

    // Not for their own account: that one says who can.
    const own = page.locator(`[data-reset-mfa="${STAFF.admin.email}"]`);
    await own
      .getByText('Another admin can reset your two-factor authentication.', { exact: false })
      .waitFor();
    expect(await own.locator('button').count()).toBe(0);

    await page.click(`[data-reset-mfa-button="${approver.email}"]`);
    const confirm = page.locator(`form[data-confirm-reset-mfa="${approver.email}"]`);
    await confirm.getByText('Reset the two-factor authentication of', { exact: false }).waitFor();
    await shot(page, 'admin-reset-mfa-confirm-en-desktop');
    await confirm.locator('button[type=submit]').click();
    await page
      .locator(`[data-reset-mfa="${approver.email}"] [data-mfa-reset-outcome="done"]`)
      .getByText('was reset', { exact: false })
      .waitFor();
    const item = page.locator(`li[data-account="${approver.email}"]`);
    expect(await item.locator('[data-mfa]').getAttribute('data-mfa')).toBe('missing');
    expect(await item.locator('[data-reset-mfa-button]').count()).toBe(0);
    await shot(page, 'admin-reset-mfa-done-en-desktop');

    // They are told by email, and their next sign-in goes to the enrolment.
    const mail = await mailbox.only(approver.email);
    expect(mail.Subject).toBe('ការផ្ទៀងផ្ទាត់ពីរជំហាននៃគណនី Bandanh របស់អ្នកត្រូវបានកំណត់ឡើងវិញ');
    await context.close();
    const [theirs, their] = await newPage(rig.browser, DESKTOP);
    await their.goto(`${rig.web.url}/en/sign-in`);
    await signInOnPage(their, { ...approver, totpSecret: undefined });
    await their.waitForURL(/\/en\/account\/mfa$/);
    await their.getByText('Your role needs two-factor authentication.', { exact: false }).waitFor();
    await theirs.close();
  });
});
