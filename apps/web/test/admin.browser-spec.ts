import { STAFF } from '../../gateway/test/stack';
import { newPage, signInOnPage, SUBMIT, useWebRig } from './browser';

describe('an admin in the web', () => {
  const rig = useWebRig('web-admin');

  it('signs in with a code without JavaScript, invites a finance officer, who must set up two-factor first', async () => {
    const [context, page] = await newPage(rig.browser, { javaScriptEnabled: false });
    await page.goto(`${rig.web.url}/en/admin/users`);
    await signInOnPage(page, STAFF.admin);
    await page.waitForURL(/\/en\/admin\/users$/);

    await page.fill('#email', 'not an email');
    await page.click(SUBMIT);
    await page.getByText('Enter a valid email address, like name@example.org.').waitFor();
    await page.getByText('Choose at least one role.').waitFor();

    await page.fill('#email', 'dara@test.bandanh');
    await page.check('#invite-finance');
    await page.click(SUBMIT);
    const link = (await page.locator('[data-invitation-link]').textContent()) ?? '';
    expect(link).toMatch(new RegExp(`^${rig.web.url}/en/invitations/[^/]+$`));
    await context.close();

    // The finance officer accepts; their role needs two-factor authentication before anything else.
    const [theirs, their] = await newPage(rig.browser);
    await their.goto(link);
    await their.fill('#displayName', 'Dara Kim');
    await their.fill('#password', 'ledger of the lotus pond');
    await their.fill('#confirm', 'ledger of the lotus pond');
    await their.click(SUBMIT);
    await their.waitForURL(/\/en\/account\/mfa/);
    await their.getByText('Your role needs two-factor authentication.', { exact: false }).waitFor();
    await their.goto(`${rig.web.url}/en/cbos`);
    await their.waitForURL(/\/en\/account\/mfa$/);
    expect(await their.locator('[data-site-nav] a').allTextContents()).toEqual(['Two-factor authentication']);
    await theirs.close();
  });

  it("edits a staff member's roles, cannot drop their own admin role, and reads the verified audit log", async () => {
    const [context, page] = await newPage(rig.browser);
    await page.goto(`${rig.web.url}/en/admin/users`);
    await signInOnPage(page, STAFF.admin);
    await page.waitForURL(/\/en\/admin\/users$/);

    const assessor = page.locator(`li[data-account="${STAFF.assessor.email}"]`);
    await assessor.getByLabel('Trainer').check();
    await assessor.getByRole('button', { name: 'Save roles' }).click();
    await assessor.getByText('The roles were saved.').waitFor();
    await page.reload();
    expect(await assessor.getByLabel('Trainer').isChecked()).toBe(true);
    expect(await assessor.getByLabel('Assessor').isChecked()).toBe(true);

    const self = page.locator(`li[data-account="${STAFF.admin.email}"]`);
    await self.getByLabel('Administrator').uncheck();
    await self.getByRole('button', { name: 'Save roles' }).click();
    await self.getByText('You cannot remove your own admin role.', { exact: false }).waitFor();

    // The audit log, in Khmer: the chain verifies, and the entries are named in Khmer.
    await page.goto(`${rig.web.url}/km/admin/audit`);
    await page.locator('[data-audit-chain="valid"]').waitFor();
    await expect(page.textContent('[data-audit-chain]')).resolves.toContain('ខ្សែសង្វាក់សវនកម្មនៅដដែល');
    await expect(page.locator('td[data-action="account.roles_change"]').first().textContent()).resolves.toBe(
      'បានផ្លាស់ប្តូរតួនាទី',
    );
    expect(await page.locator('td[data-action="session.sign_in"]').count()).toBeGreaterThan(0);
    await context.close();
  });
});
