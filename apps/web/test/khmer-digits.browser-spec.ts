import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { uniqueName } from '@bandanh/platform/testing';
import { STAFF } from '../../gateway/test/stack';
import { api, newPage, signInOnPage, useWebRig } from './browser';

const SHOTS = process.env.SCREENSHOT_DIR;
const PHONE = { viewport: { width: 360, height: 740 }, locale: 'km-KH' };
const LATIN_DIGIT = /[0-9]/;
const KHMER_DIGIT = /[០-៩]/;

/** The text and the title (the full date behind a relative time) of every <time> in `section`. */
async function timesIn(page: Page, section: string): Promise<string[]> {
  const times = page.locator(`${section} time`);
  await times.first().waitFor();
  return times.evaluateAll((elements) =>
    elements.flatMap((element) => [element.textContent ?? '', element.getAttribute('title') ?? '']),
  );
}

describe('Khmer digits in Khmer: the dates of the staff pages', () => {
  const rig = useWebRig('web-khmer-digits');

  it('shows a coordinator the tasks, a CBO’s history and the referrals with Khmer digits and the 24-hour clock', async () => {
    const { gatewayUrl } = rig.stack;
    const token = await rig.stack.tokenFor(STAFF.coordinator);
    const created = await api<{ cbo: { id: string } }>(gatewayUrl, '/api/cbos', {
      token,
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        name: uniqueName('Stung Sangke Land Network'),
        provinceCode: 'KH-2',
        focusIssues: ['land'],
        foundVia: 'field_visit',
        acknowledgeDuplicates: true,
      },
    });
    expect(created.status).toBe(201);
    const cboId = created.body.cbo.id;
    const partner = await api<{ partner: { id: string } }>(gatewayUrl, '/api/partners', {
      token,
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: { name: uniqueName('Cambodian Legal Aid'), expertise: ['land'], phone: '+855 12 345 678' },
    });
    expect(partner.status).toBe(201);
    // A call with a referral: the referral is listed and its follow-up is a coordinator's task.
    const logged = await api(gatewayUrl, `/api/cbos/${cboId}/hotline`, {
      token,
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        channel: 'call',
        callerName: 'សុខ ជា',
        issue: 'land',
        summary: 'ក្រុមហ៊ុនមួយបានហ៊ុមរបងដីស្មៅរបស់សហគមន៍',
        guidance: 'ថតរូបរបងដោយមានកាលបរិច្ឆេទ',
        referral: { partnerId: partner.body.partner.id, reason: 'ត្រូវការមេធាវីសម្រាប់ករណីដីធ្លី' },
      },
    });
    expect(logged.status).toBe(201);

    const [context, page] = await newPage(rig.browser, PHONE);
    await page.goto(`${rig.web.url}/km/tasks`);
    await signInOnPage(page, STAFF.coordinator);
    await page.waitForURL((url) => url.pathname === '/km/tasks');
    const shown: string[] = [];
    shown.push(...(await timesIn(page, '[data-tasks]')));
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/khmer-digits-tasks.png`, fullPage: true });

    await page.goto(`${rig.web.url}/km/cbos/${cboId}`);
    shown.push(...(await timesIn(page, '[data-history]')));
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/khmer-digits-cbo.png`, fullPage: true });

    await page.goto(`${rig.web.url}/km/referrals`);
    shown.push(...(await timesIn(page, '[data-referrals]')));
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/khmer-digits-referrals.png`, fullPage: true });
    await context.close();

    const dates = shown.filter((text) => text.trim() !== '');
    // Dates with times of day on each of the three pages, all in Khmer digits.
    expect(dates.filter((text) => KHMER_DIGIT.test(text)).length).toBeGreaterThanOrEqual(3);
    for (const text of dates) {
      expect(text).not.toMatch(LATIN_DIGIT);
      expect(text).not.toMatch(/AM|PM/);
    }
  });
});
