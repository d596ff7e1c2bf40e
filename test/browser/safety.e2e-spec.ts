/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { EXIT_URL, startBrowser, type BrowserHarness } from './harness';

/** Exit this page, crisis signposting, the sign-in page on a slow connection and a narrow phone. */
jest.setTimeout(180_000);

/** Slow 3G as issue #21 measures it: 400 ms latency, 400 kbit/s. */
const SLOW_3G = { latencyMs: 400, bytesPerSecond: (400 * 1024) / 8 };

/**
 * What a signed-out visitor's first page may need before the sign-in form shows, so that it shows
 * within 3 s on slow 3G: one request (one latency), and the bytes that arrive in what is left of
 * the 3 s once that latency and 1 s for a slow phone to parse and paint are taken off (81,920 B).
 * Counted rather than timed, so a busy machine cannot make it fail.
 */
const FORM_BUDGET = {
  requests: 1,
  bytes: ((3_000 - 1_000 - SLOW_3G.latencyMs) / 1_000) * SLOW_3G.bytesPerSecond,
};

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

  /** What is on screen, read in one go: a page that has left shows the weather, or nothing. */
  const onScreen = (page: Page) =>
    page.evaluate(() => ({
      title: document.title,
      email: document.querySelector<HTMLInputElement>('#email')?.value,
    }));
  const SIGN_IN_TITLE = 'Sign in – Volunteer Wellbeing Service';

  it('leaves when Shift is pressed three times, and Back does not return to the page', async () => {
    const { page } = await h.newPage();
    await page.goto('data:text/html,<title>Before</title>');
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill('someone@example.org');
    const before = await historyLength(page);
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    // Two presses change nothing (the page leaves inside the third press's key handler).
    await expect(onScreen(page)).resolves.toEqual({
      title: SIGN_IN_TITLE,
      email: 'someone@example.org',
    });
    await page.keyboard.press('Shift');
    await page.waitForURL(EXIT_URL);
    await expect(page.title()).resolves.toBe('Weather');
    // The service's entry was replaced, not added to: Back skips it.
    expect(await historyLength(page)).toBe(before);
    await page.goBack();
    await expect(page.title()).resolves.toBe('Before');
  });

  it('does not leave on Shift held for capitals, and still leaves on three presses after', async () => {
    const { page } = await h.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').focus();
    // Three capitals, each typed with Shift held: three Shift presses, none of them alone.
    for (const key of ['Shift+KeyA', 'Shift+KeyB', 'Shift+KeyC']) await page.keyboard.press(key);
    await expect(onScreen(page)).resolves.toEqual({ title: SIGN_IN_TITLE, email: 'ABC' });
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    // The exit keys were listening all along.
    await page.keyboard.press('Tab');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await page.waitForURL(EXIT_URL);
  });

  // Both ways in for a signed-out visitor: the start page and the sign-in page (issue #21).
  const SIGN_IN_PAGES = ['/', '/sign-in'];

  it.each(SIGN_IN_PAGES)(
    'shows the sign-in form at %s from its first response alone, within the slow-3G byte budget',
    async (path) => {
      const { page, context } = await h.newPage({ width: 360, height: 740 });
      // Every request but the page itself is held, so what renders is what that response carries.
      await context.route('**/*', (route) =>
        route.request().isNavigationRequest() ? route.fallback() : undefined,
      );
      const responses: { url: string; status: number; bytes: Promise<number> }[] = [];
      page.on('response', (response) =>
        responses.push({
          url: response.url(),
          status: response.status(),
          bytes: response
            .request()
            .sizes()
            .then((s) => s.responseHeadersSize + s.responseBodySize),
        }),
      );
      await page.goto(path, { waitUntil: 'commit' });
      // Parsed to the end and painted, with everything else held back. A page that needs another
      // response first (a stylesheet, a script that draws the form) never paints here.
      const painted = await page
        .waitForFunction(
          () =>
            document.readyState !== 'loading' &&
            performance.getEntriesByName('first-contentful-paint').length > 0,
        )
        .then(
          () => true,
          () => false,
        );
      expect(painted).toBe(true);
      const shown = await Promise.all(
        [
          page.getByRole('heading', { level: 1, name: 'Sign in' }),
          page.getByLabel('Email address'),
          page.getByLabel('Password'),
          page.getByRole('button', { name: 'Sign in' }),
        ].map((element) => element.isVisible()),
      );
      expect(shown).toEqual([true, true, true, true]);
      await expect(page.getByLabel('Email address').isEditable()).resolves.toBe(true);

      const received = await Promise.all(
        responses.map(async (r) => ({ url: r.url, status: r.status, bytes: await r.bytes })),
      );
      const bytes = received.reduce((sum, r) => sum + r.bytes, 0);
      console.log(
        `${path}: the sign-in form renders from ${received.length} response(s), ${bytes} B (budget ${FORM_BUDGET.requests}, ${FORM_BUDGET.bytes} B)`,
      );
      expect(received.map(({ url, status }) => ({ url, status }))).toEqual([
        { url: `${h.baseUrl}${path}`, status: 200 },
      ]);
      expect(received.length).toBeLessThanOrEqual(FORM_BUDGET.requests);
      expect(bytes).toBeLessThanOrEqual(FORM_BUDGET.bytes);
    },
  );

  it.each(SIGN_IN_PAGES)(
    'renders the sign-in form at %s on a slow 3G connection (timed, printed)',
    async (path) => {
      const { page, context } = await h.newPage({ width: 360, height: 740 });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: SLOW_3G.latencyMs,
        downloadThroughput: SLOW_3G.bytesPerSecond,
        uploadThroughput: SLOW_3G.bytesPerSecond,
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
      await page.goto(path, { waitUntil: 'commit' });
      await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 30_000 });
      const ms = Date.now() - started;
      // The form comes with the HTML; the button works once the script has run.
      await page
        .locator('form button:enabled', { hasText: 'Sign in' })
        .waitFor({ timeout: 30_000 });
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
      // Printed, never asserted: a shared machine makes any time flaky; the budget above is in bytes.
      console.log(
        `slow 3G (400 ms latency, 400 kbit/s), ${path}: sign-in form rendered in ${ms} ms (first paint ${paintMs} ms), usable (button enabled) in ${usableMs} ms\n${waterfall.join('\n')}`,
      );
    },
  );

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
