import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { STAFF } from '../../gateway/test/stack';
import { api, freshCode, newPage, signInOnPage, useWebRig } from './browser';

const SHOTS = process.env.SCREENSHOT_DIR;
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PARTNERS = 55;

describe('the audit log page, as an admin on a desktop', () => {
  const rig = useWebRig('web-audit');
  let cboId = '';

  beforeAll(async () => {
    const gateway = rig.stack.gatewayUrl;
    const coordinator = await rig.stack.tokenFor(STAFF.coordinator);
    // The admin's API session takes a code of its own, so the pages' sign-ins get fresh ones.
    const signIn = await api(gateway, '/api/auth/sign-in', {
      method: 'POST',
      body: {
        email: STAFF.admin.email,
        password: STAFF.admin.password,
        code: await freshCode(STAFF.admin.totpSecret!, STAFF.admin.email),
      },
    });
    const admin: string = signIn.body.session.token;
    ({ id: cboId } = await rig.stack.recordCbo({
      name: 'Audit Page Forest Network',
      nameKm: 'បណ្ដាញព្រៃសវនកម្ម',
      provinceCode: 'KH-2',
      focusIssues: ['land'],
      foundVia: 'field_visit',
    }));
    const call = await api(gateway, `/api/cbos/${cboId}/hotline`, {
      token: coordinator,
      method: 'POST',
      headers: { 'idempotency-key': uniqueName('key') },
      body: {
        channel: 'call',
        callerName: 'Sok Chea',
        issue: 'land',
        summary: 'A fence on the grazing land',
        guidance: 'Document it',
      },
    });
    expect(call.status).toBe(201);
    // More partners than a page holds, so that there is an older page.
    for (let i = 1; i <= PARTNERS; i++) {
      const saved = await api(gateway, '/api/partners', {
        token: coordinator,
        method: 'POST',
        headers: { 'idempotency-key': uniqueName('key') },
        body: { name: `Audit Partner ${i}`, expertise: ['land'] },
      });
      expect(saved.status).toBe(201);
    }
    // The entries come through the network's outbox: wait until they are all in.
    await waitFor(
      async () => {
        const created = await api(gateway, '/api/admin/audit?action=network.partner.create&limit=200', {
          token: admin,
        });
        const about = await api(gateway, `/api/admin/audit?targetType=cbo&targetId=${cboId}`, {
          token: admin,
        });
        const actions = about.body.items.map((entry: any) => entry.action);
        return created.body.items.length === PARTNERS && actions.includes('network.hotline.log')
          ? true
          : undefined;
      },
      { what: 'the audit entries of the set-up' },
    );
  });

  it('filters by action and pages to older entries, with names instead of ids, without JavaScript', async () => {
    const [context, page] = await newPage(rig.browser, { ...DESKTOP, javaScriptEnabled: false });
    await page.goto(`${rig.web.url}/en/admin/audit`);
    await signInOnPage(page, STAFF.admin);
    await page.waitForURL(/\/en\/admin\/audit$/);
    await page.locator('[data-audit-chain="valid"]').waitFor();

    await page.selectOption('#audit-action', 'network.partner.create');
    await page.locator('[data-audit-filters] button[type=submit]').click();
    await page.waitForURL(/action=network\.partner\.create/);
    const rows = page.locator('[data-audit-entries] tbody tr');
    expect(await rows.count()).toBe(50);
    expect(
      new Set(await page.locator('td[data-action]').evaluateAll((cells) => cells.map((c) => c.textContent))),
    ).toEqual(new Set(['Partner added']));
    // The newest partner first, by its name, and who added it by theirs.
    await expect(rows.first().locator('a[data-record]').textContent()).resolves.toBe(
      `Audit Partner ${PARTNERS}`,
    );
    await expect(rows.first().locator('td[data-actor]').textContent()).resolves.toBe('Test coordinator');
    expect(await page.locator('[data-audit-newer]').count()).toBe(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/audit-en-partners.png` });
    const firstSeqs = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-seq'))));

    await page.locator('[data-audit-older]').first().click();
    await page.waitForURL(/before=\d+/);
    expect(page.url()).toContain('action=network.partner.create');
    const olderSeqs = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-seq'))));
    expect(olderSeqs).toHaveLength(PARTNERS - 50);
    expect(Math.max(...olderSeqs)).toBeLessThan(Math.min(...firstSeqs));
    await expect(rows.last().locator('a[data-record]').textContent()).resolves.toBe('Audit Partner 1');
    expect(await page.locator('[data-audit-older]').count()).toBe(0);

    await page.locator('[data-audit-newer]').first().click();
    await page.waitForURL(/after=\d+/);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-seq'))))).toEqual(
      firstSeqs,
    );
    await context.close();
  });

  it('shows everything about a CBO by its name, and says what is wrong with a bad filter', async () => {
    const [context, page] = await newPage(rig.browser, DESKTOP);
    await page.goto(`${rig.web.url}/en/admin/audit`);
    await signInOnPage(page, STAFF.admin);
    await page.waitForURL(/\/en\/admin\/audit$/);

    await page.selectOption('#audit-target-type', 'cbo');
    await page.fill('#audit-target-id', cboId);
    await page.locator('[data-audit-filters] button[type=submit]').click();
    await page.waitForURL(new RegExp(`targetId=${cboId}`));
    const actions = await page
      .locator('td[data-action]')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-action')));
    expect(actions).toEqual(expect.arrayContaining(['network.cbo.create', 'network.hotline.log']));
    await expect(page.locator('td[data-action="network.cbo.create"]').first().textContent()).resolves.toBe(
      'CBO recorded',
    );
    // The CBO by its name, on its own entries and on its hotline call's.
    const created = page.locator('tr', { has: page.locator('td[data-action="network.cbo.create"]') });
    await expect(created.locator(`a[data-record="${cboId}"]`).textContent()).resolves.toBe(
      'Audit Page Forest Network',
    );
    const logged = page.locator('tr', { has: page.locator('td[data-action="network.hotline.log"]') });
    await expect(logged.locator(`a[data-record="${cboId}"]`).textContent()).resolves.toBe(
      'Audit Page Forest Network',
    );
    await expect(logged.textContent()).resolves.toContain('Hotline call');

    if (SHOTS) await page.screenshot({ path: `${SHOTS}/audit-en-cbo.png`, fullPage: true });
    // A name is a link to everything about that record.
    await logged.locator(`a[data-record="${cboId}"]`).click();
    await page.waitForURL(new RegExp(`targetType=cbo&targetId=${cboId}$`));
    expect(await page.locator('td[data-action="network.hotline.log"]').count()).toBe(1);

    await page.goto(`${rig.web.url}/en/admin/audit?from=2025-02-01&to=2025-01-01`);
    await expect(page.locator('[data-audit-error]').textContent()).resolves.toContain(
      'The start date is after the end date',
    );
    expect(await page.locator('[data-audit-entries]').count()).toBe(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/audit-en-bad-dates.png` });
    await expect(page.locator('#audit-to').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.goto(`${rig.web.url}/en/admin/audit?from=yesterday`);
    await expect(page.locator('[data-audit-error]').textContent()).resolves.toContain(
      'Enter the start date as a date',
    );

    // In Khmer: the action and the CBO's Khmer name, the numbers in Khmer digits.
    await page.goto(`${rig.web.url}/km/admin/audit?action=network.cbo.create`);
    const row = page.locator('[data-audit-entries] tbody tr').first();
    await expect(row.locator('td[data-action]').textContent()).resolves.toBe('បានកត់ត្រាអង្គការសហគមន៍');
    await expect(row.locator(`a[data-record="${cboId}"]`).textContent()).resolves.toBe('បណ្ដាញព្រៃសវនកម្ម');
    await expect(row.locator('td').first().textContent()).resolves.toMatch(/^[០-៩]+$/);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/audit-km.png` });
    await context.close();
  });
});
