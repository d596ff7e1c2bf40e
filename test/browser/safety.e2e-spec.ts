/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { EXIT_URL, startBrowser, type BrowserHarness } from './harness';

/** Exit this page, crisis signposting, the sign-in page on a slow connection and a narrow phone. */
jest.setTimeout(180_000);

describe('web app: safety and reach (browser)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowser();
  });
  afterAll(async () => {
    console.log(`axe: 0 violations in ${h.steps.length} checked steps (${h.steps.join(', ')})`);
    await h.close();
  });

  const historyLength = (page: Page) => page.evaluate(() => window.history.length);

  it('shows the exit control and crisis numbers on every page, even before the app loads', async () => {
    const { page, context } = await h.newPage();
    await context.route('**/assets/*.js', (route) => route.abort());
    await page.goto('/sign-in');
    await expect(page.getByRole('link', { name: /Exit this page/ }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByText('116 123').isVisible()).resolves.toBe(true);
    await expect(page.getByText('findahelpline.com').isVisible()).resolves.toBe(true);
    const before = await historyLength(page);
    await page.getByRole('link', { name: /Exit this page/ }).click();
    await page.waitForURL(EXIT_URL);
    expect(await historyLength(page)).toBe(before);
  });

  it('leaves at once with the Exit this page button, replacing the history entry', async () => {
    const { page } = await h.newPage();
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await h.checkA11y(page, 'sign in');
    await page.getByRole('link', { name: 'Create an account' }).first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    const before = await historyLength(page);
    await page.getByRole('link', { name: /Exit this page/ }).click();
    await page.waitForURL(EXIT_URL);
    expect(await historyLength(page)).toBe(before);
    expect(await page.title()).toBe('Weather');
  });

  it('leaves when Shift is pressed three times', async () => {
    const { page } = await h.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill('someone@example.org');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    expect(page.url()).toContain('/sign-in');
    await page.keyboard.press('Shift');
    await page.waitForURL(EXIT_URL);
  });

  it('does not leave on Shift pressed while typing capitals', async () => {
    const { page } = await h.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').pressSequentially('ABC');
    expect(page.url()).toContain('/sign-in');
  });

  it('renders sign-in on a slow 3G connection (measured, printed)', async () => {
    const { page, context } = await h.newPage({ width: 360, height: 740 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: (400 * 1024) / 8,
      uploadThroughput: (400 * 1024) / 8,
    });
    // The waterfall, so a slower result says which request grew or started to wait on another.
    const requests = new Map<
      string,
      { url: string; start: number; end?: number; bytes?: number }
    >();
    cdp.on('Network.requestWillBeSent', (e) =>
      requests.set(e.requestId, { url: e.request.url, start: e.timestamp }),
    );
    cdp.on('Network.loadingFinished', (e) => {
      const request = requests.get(e.requestId);
      if (request) Object.assign(request, { end: e.timestamp, bytes: e.encodedDataLength });
    });
    const started = Date.now();
    await page.goto('/sign-in', { waitUntil: 'commit' });
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 30_000 });
    const ms = Date.now() - started;
    // The form comes with the HTML (sign-in.html); the button works once the script has run.
    await page.locator('form button:enabled', { hasText: 'Sign in' }).waitFor({ timeout: 30_000 });
    const usableMs = Date.now() - started;
    // The browser's own clock, from the start of the navigation, without Playwright's polling.
    const paintMs = await page.evaluate(() =>
      Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1),
    );
    const t0 = Math.min(...[...requests.values()].map((r) => r.start));
    const at = (t?: number) => (t === undefined ? '…' : `${Math.round((t - t0) * 1000)}`);
    const waterfall = [...requests.values()].map(
      (r) =>
        `  ${r.url.replace(h.baseUrl, '')} ${r.bytes ?? '…'} B, ${at(r.start)}–${at(r.end)} ms`,
    );
    console.log(
      `slow 3G (400 ms latency, 400 kbit/s): sign-in form rendered in ${ms} ms (first paint ${paintMs} ms), usable (button enabled) in ${usableMs} ms\n${waterfall.join('\n')}`,
    );
  });

  it('fits a 360 px wide screen without sideways scrolling', async () => {
    const { page } = await h.newPage({ width: 360, height: 740 });
    for (const path of ['/sign-in', '/sign-up']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
      await h.checkA11y(page, `${path} at 360 px`);
    }
  });
});
