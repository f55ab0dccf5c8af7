import type { BrowserContext, Page } from 'playwright-core';
import { loadMessages } from '../src/i18n/catalog';
import { newPage, scriptsWithNextIntl, useWebRig } from './browser';

/** A phone: 360 px wide, in Khmer, as members and the public read the site. */
const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'km-KH',
};

const km = loadMessages('km') as { notFound: Record<string, string> };
const en = loadMessages('en') as { notFound: Record<string, string> };

describe('the web shell: unknown paths, the icon, the security policy, the JavaScript and the layout', () => {
  const rig = useWebRig('web-shell');
  const contexts: BrowserContext[] = [];

  async function phone(options: Parameters<typeof newPage>[1] = {}): Promise<Page> {
    const [context, page] = await newPage(rig.browser, { ...PHONE, ...options });
    contexts.push(context);
    return page;
  }

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  it.each([
    ['/km/no-such-page', '/km/no-such-page', 'km', km],
    ['/en/no-such-page', '/en/no-such-page', 'en', en],
    ['/no-such-page', '/km/no-such-page', 'km', km],
    ['/km/cbos/x/y/z', '/km/cbos/x/y/z', 'km', km],
    ['/grants.txt', '/km/grants.txt', 'km', km],
  ])(
    'answers %s with a 404 page in its language, with the site header, even without JavaScript',
    async (path, landsOn, lang, messages) => {
      const page = await phone({ javaScriptEnabled: false });
      const response = await page.goto(`${rig.web.url}${path}`);
      expect(response?.status()).toBe(404);
      expect(new URL(page.url()).pathname).toBe(landsOn);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.textContent('main h1')).toBe(messages.notFound.title);
      expect(await page.textContent('main')).toContain(messages.notFound.message);
      expect(await page.getAttribute(`main a[href="/${lang}"]`, 'href')).toBe(`/${lang}`);
      expect(await page.locator('header [data-site-nav] a').count()).toBeGreaterThan(0);
      // The language link leads to the same path in the other language.
      const other = lang === 'km' ? 'en' : 'km';
      expect(await page.getAttribute(`header a[hreflang=${other}]`, 'href')).toBe(
        landsOn.replace(`/${lang}`, `/${other}`),
      );
    },
  );

  it('answers /favicon.ico with an icon, and pages point at it', async () => {
    const icon = await fetch(`${rig.web.url}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/x-icon');
    const bytes = Buffer.from(await icon.arrayBuffer());
    expect(bytes.readUInt16LE(2)).toBe(1); // an icon file
    const page = await phone();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${rig.web.url}/km/directory`, { waitUntil: 'load' });
    expect(await page.getAttribute('link[rel=icon]', 'href')).toMatch(/^\/favicon\.ico/);
    expect(failed).toEqual([]);
  });

  it('applies to join without anything breaching the security policy or erring in the console', async () => {
    const page = await phone();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
    await page.addInitScript(() => {
      // Runs in the page: the browser's globals, which this file's types do not know.
      const page = globalThis as any;
      page.document.addEventListener('securitypolicyviolation', (event: any) =>
        console.error(`CSP ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`),
      );
    });
    await page.goto(`${rig.web.url}/km/apply`, { waitUntil: 'load' });
    // A refused form: the action's answer is read by React in the browser.
    await page.click('main button[type=submit]');
    await page.waitForSelector('#form-error');
    expect(problems).toEqual([]);
  });

  it.each(['/km/apply', '/km/directory', '/km'])(
    'sends %s without next-intl’s browser code',
    async (path) => {
      const html = await (await fetch(`${rig.web.url}${path}`)).text();
      const scripts = await scriptsWithNextIntl(rig.web.url, html);
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter(({ nextIntl }) => nextIntl)).toEqual([]);
    },
  );

  it('links each page to itself in the other language, query and all, without JavaScript', async () => {
    const page = await phone({ javaScriptEnabled: false });
    await page.goto(`${rig.web.url}/km/directory?issue=land`);
    await page.click('header a[hreflang=en]');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/en/directory?issue=land');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  it.each(['/km/directory', '/km/apply'])(
    'lays %s out once on a slow phone: the layout shifts by less than 0.1',
    async (path) => {
      const page = await phone();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      // A slow mobile network: 150 ms away, 1.6 Mbit/s down.
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: 200 * 1024,
        uploadThroughput: 100 * 1024,
      });
      await page.addInitScript(() => {
        // Runs in the page: the browser's globals, which this file's types do not know.
        const w = globalThis as any;
        w.shift = 0;
        new w.PerformanceObserver((list: any) => {
          for (const entry of list.getEntries() as Array<{ value: number; hadRecentInput: boolean }>)
            if (!entry.hadRecentInput) w.shift += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${rig.web.url}${path}`, { waitUntil: 'load' });
      await page.waitForTimeout(2_000);
      const shift = await page.evaluate(() => (globalThis as unknown as { shift: number }).shift);
      expect(shift).toBeLessThan(0.1);
    },
  );
});
