import { STAFF } from '../../gateway/test/stack';
import { newPage, signInOnPage, SUBMIT, useWebRig } from './browser';

describe('an admin and the pending invitations', () => {
  const rig = useWebRig('web-invitations');

  it('warns of four eyes, refuses an existing address in admin words, lists and revokes with a confirmation, without JavaScript', async () => {
    const [context, page] = await newPage(rig.browser, { javaScriptEnabled: false });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${rig.web.url}/en/admin/users`);
    await signInOnPage(page, STAFF.admin);
    await page.waitForURL(/\/en\/admin\/users$/);
    await page.locator('[data-four-eyes-hint]').waitFor();

    await page.fill('#email', 'both@test.bandanh');
    await page.check('#invite-assessor');
    await page.check('#invite-approver');
    await page.click(SUBMIT);
    const link = (await page.locator('[data-invitation-link]').textContent()) ?? '';
    await expect(page.locator('[data-invitation] [data-role-warning]').textContent()).resolves.toContain(
      'will not be able to approve or decline a CBO they assessed',
    );

    await page.fill('#email', STAFF.admin.email);
    await page.check('#invite-trainer');
    await page.click(SUBMIT);
    await page.getByText('This address already has an account.', { exact: false }).waitFor();

    await page.goto(`${rig.web.url}/en/admin/users`);
    const pending = page.locator('li[data-pending-invitation="both@test.bandanh"]');
    await expect(pending.textContent()).resolves.toContain('Assessor, Approver');
    await pending.locator('[data-revoke]').click();
    await page.locator('[data-confirm-revoke="both@test.bandanh"]').waitFor();
    await page.screenshot({ path: '/tmp/admin-invitations-confirm.png', fullPage: true });
    await page.getByRole('button', { name: 'Confirm: revoke' }).click();
    await page.locator('[data-revoked]').waitFor();
    expect(await page.locator('li[data-pending-invitation="both@test.bandanh"]').count()).toBe(0);

    // The revoked link answers like an expired one: not found, and no form to accept it.
    expect((await page.goto(link))?.status()).toBe(404);
    expect(await page.locator('#password').count()).toBe(0);

    // In Khmer: the section and its confirmation are worded in Khmer.
    await page.goto(`${rig.web.url}/km/admin/users`);
    await page.getByText('ការអញ្ជើញដែលកំពុងរង់ចាំ').waitFor();
    await context.close();
  });
});
