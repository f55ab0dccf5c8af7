import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { STAFF } from '../../gateway/test/stack';
import { api, newPage, sessionCookie, signInOnPage, SUBMIT, useWebRig } from './browser';

describe('claiming a CBO without a link code', () => {
  const rig = useWebRig('web-claims');
  let coordinator: string;

  beforeAll(async () => {
    coordinator = await rig.stack.tokenFor(STAFF.coordinator);
  });

  async function recordCbo(name: string, provinceCode: string): Promise<string> {
    const created = await api<{ cbo: { id: string } }>(rig.stack.gatewayUrl, '/api/cbos', {
      token: coordinator,
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: { name, provinceCode, focusIssues: ['fisheries'], foundVia: 'self_application' },
    });
    expect(created.status).toBe(201);
    return created.body.cbo.id;
  }

  /** The coordinator's claims page, signed in through the web. */
  async function openClaimsAsCoordinator(page: Page) {
    await page.goto(`${rig.web.url}/en/cbos/claims`);
    await signInOnPage(page, STAFF.coordinator);
    await page.waitForURL(/\/en\/cbos\/claims$/);
  }

  it('an applicant claims their CBO in Siem Reap; a coordinator confirms it against the recorded CBO, and the applicant then sees that CBO alone', async () => {
    const elsewhere = await recordCbo('Ou Ta Ki Land Community', 'KH-2');
    const neighbour = await recordCbo('Kampong Khleang Fishers', 'KH-17');
    const theirs = await recordCbo('Chong Kneas Fishing Community', 'KH-17');

    // The applicant signs up and, without a code, claims their CBO.
    const [mine, page] = await newPage(rig.browser);
    await page.goto(`${rig.web.url}/en/sign-up`);
    await page.fill('#email', 'dara@cbo.test');
    await page.fill('#displayName', 'Dara Sok');
    await page.fill('#password', 'the lake rises every september');
    await page.fill('#confirm', 'the lake rises every september');
    await page.click(SUBMIT);
    // Not linked yet: they land on the page that links their group.
    await page.waitForURL(/\/en\/account\/link-cbo$/);

    const claimForm = page.locator('[data-claim-form]');
    await claimForm.locator('button[type=submit]').click();
    await page.getByText('Enter the name of your CBO.').waitFor();
    await page.getByText('Choose a province from the list.').waitFor();

    await page.fill('#cboName', 'Chong Kneas Fishing Community');
    await page.selectOption('#provinceCode', { label: 'Siem Reap' });
    await page.fill(
      '#note',
      'We fish on the lake south of Siem Reap town; we met Srey at the commune office.',
    );
    await claimForm.locator('button[type=submit]').click();
    await page.waitForURL(/\/en\/account\/link-cbo\?claimed=1$/);
    await page
      .getByText('Your claim to belong to Chong Kneas Fishing Community was sent.', { exact: false })
      .waitFor();
    const mineListed = page.locator('[data-my-claims] li');
    expect(await mineListed.count()).toBe(1);
    await expect(mineListed.getAttribute('data-status')).resolves.toBe('pending');
    await expect(mineListed.textContent()).resolves.toContain('Waiting for a coordinator');
    expect(await page.locator('[data-claim-form]').count()).toBe(0);

    // The coordinator sees it, with the count in the header, and the CBOs of Siem Reap first.
    const [coordinatorContext, their] = await newPage(rig.browser);
    await openClaimsAsCoordinator(their);
    await expect(
      their
        .locator('[data-site-nav] a[href="/en/cbos/claims"] [data-pending-count]')
        .getAttribute('data-pending-count'),
    ).resolves.toBe('1');
    const claim = their.locator('[data-pending-claims] li', { hasText: 'Dara Sok' });
    await expect(claim.locator('[data-applicant-email]').textContent()).resolves.toBe('dara@cbo.test');
    await expect(claim.locator('[data-claimed-name]').textContent()).resolves.toBe(
      'Chong Kneas Fishing Community',
    );
    await expect(claim.locator('[data-claim-province]').textContent()).resolves.toBe('Siem Reap');
    await expect(claim.locator('[data-claim-note]').textContent()).resolves.toContain('commune office');
    const choices = await claim
      .locator('select[name=cboId] option')
      .evaluateAll((options) =>
        options.map((option) => (option as unknown as { value: string }).value).filter(Boolean),
      );
    expect(choices).toHaveLength(3);
    expect(choices.slice(0, 2).sort()).toEqual([neighbour, theirs].sort());
    expect(choices[2]).toBe(elsewhere);

    // Confirming needs a choice; then it links the applicant's account.
    await claim.locator('[data-confirm-form] button[type=submit]').click();
    await claim.getByText('Choose the CBO from the list.').waitFor();
    await claim.locator('select[name=cboId]').selectOption(theirs);
    await claim.locator('[data-confirm-form] button[type=submit]').click();
    await their.waitForURL(/\/en\/cbos\/claims\?decided=/);
    await their
      .getByText(
        'The claim of Dara Sok was confirmed: their account is now linked to Chong Kneas Fishing Community.',
      )
      .waitFor();
    await their.getByText('No claim is waiting.').waitFor();
    await expect(
      their.locator('[data-decided-claims] li', { hasText: 'Dara Sok' }).getAttribute('data-status'),
    ).resolves.toBe('confirmed');
    expect(await their.locator('[data-pending-count]').count()).toBe(0);
    await coordinatorContext.close();

    // The applicant now sees that CBO, and no other, on their group's page and in the API.
    await page.goto(`${rig.web.url}/en/cbos`);
    await page.waitForURL(/\/en\/my-cbo$/);
    await page.getByRole('heading', { name: 'Chong Kneas Fishing Community' }).waitFor();
    const text = (await page.textContent('main')) ?? '';
    expect(text).not.toContain('Kampong Khleang Fishers');
    expect(text).not.toContain('Ou Ta Ki Land Community');
    const token = (await sessionCookie(mine))?.value;
    const page1 = await api<{ items: Array<{ id: string }> }>(rig.stack.gatewayUrl, '/api/cbos', { token });
    expect(page1.body.items.map((cbo) => cbo.id)).toEqual([theirs]);
    await mine.close();
  });

  it('a coordinator declines a claim with a reason, which the applicant reads on the link page (in Khmer, without JavaScript)', async () => {
    const person = { email: 'chanthy@cbo.test', password: 'nets drying on the bamboo poles' };
    const signedUp = await api(rig.stack.gatewayUrl, '/api/auth/sign-up', {
      method: 'POST',
      body: { email: person.email, displayName: 'Chanthy Mao', password: person.password },
    });
    expect(signedUp.status).toBe(201);

    // The applicant claims in Khmer, without JavaScript.
    const [mine, page] = await newPage(rig.browser, { javaScriptEnabled: false, locale: 'km-KH' });
    await page.goto(`${rig.web.url}/km/account/link-cbo`);
    await signInOnPage(page, person);
    await page.waitForURL(/\/km\/account\/link-cbo$/);
    await page.getByRole('heading', { name: 'គ្មានលេខកូដ? ស្នើសុំភ្ជាប់ទៅអង្គការសហគមន៍របស់អ្នក' }).waitFor();
    await page.fill('#cboName', 'សហគមន៍នេសាទព្រែកទាល់');
    await page.selectOption('#provinceCode', { label: 'សៀមរាប' });
    await page.locator('[data-claim-form] button[type=submit]').click();
    await page.waitForURL(/\/km\/account\/link-cbo\?claimed=1$/);
    await page.locator('[data-claim-sent]').waitFor();
    await expect(page.textContent('[data-my-claims] li')).resolves.toContain('កំពុងរង់ចាំអ្នកសម្របសម្រួល');

    // The coordinator declines, without JavaScript: a reason is needed.
    const [coordinatorContext, their] = await newPage(rig.browser, { javaScriptEnabled: false });
    await openClaimsAsCoordinator(their);
    const claim = their.locator('[data-pending-claims] li', { hasText: 'Chanthy Mao' });
    await expect(claim.locator('[data-claim-province]').textContent()).resolves.toBe('Siem Reap');
    await claim.locator('[data-decline-form] button[type=submit]').click();
    await claim.getByText('Give the reason, for the member to read.').waitFor();
    const reason =
      'No CBO of that name is recorded in Siem Reap yet: ask your coordinator to visit you first.';
    await claim.locator('textarea[name=reason]').fill(reason);
    await claim.locator('[data-decline-form] button[type=submit]').click();
    await their.waitForURL(/\/en\/cbos\/claims\?decided=/);
    await their.getByText('The claim of Chanthy Mao was declined. They will see your reason.').waitFor();
    await expect(
      their.locator('[data-decided-claims] li', { hasText: 'Chanthy Mao' }).textContent(),
    ).resolves.toContain(reason);
    await coordinatorContext.close();

    // The applicant reads the reason, is still not linked, and may claim again.
    await page.goto(`${rig.web.url}/km/account/link-cbo`);
    const declined = page.locator('[data-my-claims] li[data-status=declined]');
    await expect(declined.textContent()).resolves.toContain('ត្រូវបានបដិសេធ');
    await expect(declined.locator('[data-decline-reason]').textContent()).resolves.toBe(reason);
    expect(await page.locator('[data-claim-form]').count()).toBe(1);
    const token = (await sessionCookie(mine))?.value;
    const me = await api<{ account: { cboId: string | null } }>(rig.stack.gatewayUrl, '/api/auth/me', {
      token,
    });
    expect(me.body.account.cboId).toBeNull();
    await mine.close();
  });
});
