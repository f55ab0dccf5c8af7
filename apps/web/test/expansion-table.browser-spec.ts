import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { STAFF } from '../../gateway/test/stack';
import { api, newPage, signInOnPage, useWebRig } from './browser';

const SHOTS = process.env.SCREENSHOT_DIR;
const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** How the provinces' table sits in its box: whether it scrolls sideways, and the columns cut off. */
async function tableFit(page: Page) {
  return page.locator('[data-provinces]').evaluate((table) => {
    const box = table.parentElement!;
    const right = box.getBoundingClientRect().right;
    const cut = [...table.querySelectorAll('thead th')]
      .filter((th) => th.getBoundingClientRect().right > right + 0.5)
      .map((th) => th.textContent);
    return {
      scrolls: box.scrollWidth > box.clientWidth,
      columns: table.querySelectorAll('thead th').length,
      cut,
    };
  });
}

describe('the expansion dashboard on a desktop', () => {
  const rig = useWebRig('web-expansion');

  beforeAll(async () => {
    // A CBO in Battambang, so the table and the chart count something.
    const coordinator = await rig.stack.tokenFor(STAFF.coordinator);
    const created = await api(rig.stack.gatewayUrl, '/api/cbos', {
      token: coordinator,
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        name: 'Ek Phnom Land Community',
        provinceCode: 'KH-2',
        focusIssues: ['land'],
        foundVia: 'field_visit',
        acknowledgeDuplicates: true,
      },
    });
    expect(created.status).toBe(201);
  });

  it('shows every column of the provinces table at 1280 px in Khmer, with Khmer digits only', async () => {
    const [context, page] = await newPage(rig.browser, DESKTOP);
    await page.goto(`${rig.web.url}/km/expansion`);
    await signInOnPage(page, STAFF.coordinator);
    await page.waitForURL(/\/km\/expansion$/);
    await page.locator('[data-provinces] tr[data-province="KH-2"]').waitFor();

    const fit = await tableFit(page);
    expect(fit).toEqual({ scrolls: false, columns: 11, cut: [] });
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/expansion-km-1280.png`, fullPage: true });

    // The table, the targets' summary, the chart and the plan: Khmer digits, never Latin ones.
    const texts = await page
      .locator('[data-provinces], [data-targets], [data-stage-chart], [data-phases]')
      .allTextContents();
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const text of texts) expect(text).not.toMatch(/[0-9]/);
    await expect(page.locator('tr[data-province="KH-2"] td[data-total]').textContent()).resolves.toBe('១');
    await expect(page.locator('[data-targets] li').first().textContent()).resolves.toMatch(
      /[០-៩]+ នៃ [០-៩]+/,
    );
    await context.close();
  });

  it('shows every column in English too, with Latin digits', async () => {
    const [context, page] = await newPage(rig.browser, DESKTOP);
    await page.goto(`${rig.web.url}/en/expansion`);
    await signInOnPage(page, STAFF.coordinator);
    await page.waitForURL(/\/en\/expansion$/);
    expect(await tableFit(page)).toEqual({ scrolls: false, columns: 11, cut: [] });
    await expect(page.locator('tr[data-province="KH-2"] td[data-total]').textContent()).resolves.toBe('1');
    expect((await page.locator('[data-provinces]').textContent()) ?? '').not.toMatch(/[០-៩]/);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/expansion-en-1280.png`, fullPage: true });
    await context.close();
  });
});
