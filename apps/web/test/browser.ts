import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { TestStack, totp, type TestAccount } from '../../gateway/test/stack';
import { startWeb } from './web-server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export async function newPage(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<[BrowserContext, Page]> {
  const context = await browser.newContext(options);
  return [context, await context.newPage()];
}

/** How wide the page's content is, in CSS pixels: no wider than the screen means no sideways scroll. */
export function contentWidth(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);
}

/** The page's main submit button (the header holds the sign-out button, another submit button). */
export const SUBMIT = 'main button[type=submit]';

/** Markers of next-intl's browser code (its provider and its message formatter). */
const NEXT_INTL = /NextIntlClientProvider|IntlProvider|FORMATTING_ERROR|INSUFFICIENT_PATH|MALFORMED_ARGUMENT/;

/**
 * The scripts `html` loads (from `base`), each with whether it holds next-intl's browser code:
 * an applicant's page should hold none (its words come from the server).
 */
export async function scriptsWithNextIntl(
  base: string,
  html: string,
): Promise<Array<{ src: string; nextIntl: boolean }>> {
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
  return Promise.all(
    sources.map(async (src) => ({
      src,
      nextIntl: NEXT_INTL.test(await (await fetch(new URL(src, base))).text()),
    })),
  );
}

const STEP_MS = 30_000;
const usedSteps = new Map<string, number>();

/**
 * A code from the authenticator app that this test process has not used yet for this account:
 * the gateway takes each time step's code once per account, and accepts the next step's code too
 * (for clocks a little apart). Accounts that share a secret are counted apart when `account` is given.
 */
export async function freshCode(secret: string, account = ''): Promise<string> {
  const key = `${account}\n${secret}`;
  const last = usedSteps.get(key) ?? -1;
  const step = Math.max(Math.floor(Date.now() / STEP_MS), last + 1);
  while (step > Math.floor(Date.now() / STEP_MS) + 1)
    await new Promise((resolve) => setTimeout(resolve, 500));
  usedSteps.set(key, step);
  return totp(secret, step * STEP_MS);
}

/**
 * Signs in on the sign-in page the browser is on (or was sent to), with the second factor when
 * the account has one, and waits to leave the page.
 */
export async function signInOnPage(
  page: Page,
  account: Pick<TestAccount, 'email' | 'password' | 'totpSecret'>,
) {
  await page.waitForURL(/\/(en|km)\/sign-in/);
  await page.fill('#email', account.email);
  await page.fill('#password', account.password);
  await page.click(SUBMIT);
  if (account.totpSecret) {
    await page.waitForSelector('#code');
    await page.fill('#code', await freshCode(account.totpSecret, account.email));
    await page.click(SUBMIT);
  }
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
}

/** A call to the gateway's API, as the holder of `token`. */
export async function api<T = any>(
  gatewayUrl: string,
  path: string,
  {
    token,
    method = 'GET',
    body,
    headers = {},
  }: { token?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${gatewayUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => undefined)) as T };
}

/** The web's session cookie in this browser context, if there is one. */
export async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === 'bandanh_session');
}

export interface WebRig {
  stack: TestStack;
  web: { url: string; stop(): Promise<void> };
  browser: Browser;
}

/**
 * The whole back end, the built web and Chromium for one test file: started before its tests,
 * stopped after them. The fields are filled in by the time the tests run.
 */
export function useWebRig(label: string): WebRig {
  const rig = {} as WebRig;
  beforeAll(async () => {
    rig.stack = await TestStack.start(label);
    rig.web = await startWeb(rig.stack.gatewayUrl);
    rig.browser = await launchChromium();
  });
  afterAll(async () => {
    await rig.browser?.close();
    await rig.web?.stop();
    await rig.stack?.stop();
  });
  return rig;
}
