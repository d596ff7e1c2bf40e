/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD, signUp, type TestUser } from '../app';
import { startBrowser, type BrowserHarness } from './harness';

/**
 * The web app and Swagger UI work under the Content-Security-Policy the service sends (issue #21):
 * no inline script or style is refused while signing in, rendering pages, leaving with "Exit this
 * page" or reading the API's operations. A refused inline script shows the watch really sees them.
 */
jest.setTimeout(180_000);

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/**
 * Every CSP refusal in `context`'s pages: the `securitypolicyviolation` events, recorded from the
 * first script of every document, and Chromium's console lines, which also outlive a navigation.
 */
async function watchCsp(context: BrowserContext, page: Page): Promise<() => Promise<string[]>> {
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.cspViolations!.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const lines: string[] = [];
  page.on('console', (message) => {
    if (/Refused to|Content Security Policy/i.test(message.text())) lines.push(message.text());
  });
  return async () => [
    ...lines,
    ...(await page.evaluate(() => window.cspViolations ?? []).catch(() => [])),
  ];
}

describe('Content-Security-Policy in Chromium (browser)', () => {
  let h: BrowserHarness;
  let person: TestUser;

  beforeAll(async () => {
    h = await startBrowser();
    person = await signUp(h.t);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the web app signs in and renders with nothing refused', async () => {
    const { page, context } = await h.newPage();
    const violations = await watchCsp(context, page);
    const response = await page.goto('/sign-in');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'sha256-");
    await page.locator('form button:enabled', { hasText: 'Sign in' }).waitFor();
    await page.getByLabel('Email address').fill(person.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/volunteer');
    await page.getByRole('heading', { level: 1, name: /Hello/ }).waitFor();
    await page.getByRole('link', { name: 'Your account' }).click();
    await page.waitForURL('**/account');
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The stylesheet applied (GOV.UK's template background), so style-src let it through.
    const background = await page.evaluate(
      () => getComputedStyle(document.querySelector('.app-header')!).backgroundColor,
    );
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    expect(await violations()).toEqual([]);
  });

  it('an unknown page shows the app’s own "Page not found" with 404, nothing refused', async () => {
    const { page, context } = await h.newPage();
    const violations = await watchCsp(context, page);
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await violations()).toEqual([]);
  });

  it('"Exit this page" blanks the page and leaves with nothing refused (Shift three times)', async () => {
    const { page, context } = await h.newPage();
    const violations = await watchCsp(context, page);
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill('someone@example.org');
    // Seen on the page being left, before the weather page replaces it.
    const blanked = page.waitForFunction(() => document.title === 'Weather');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await blanked.catch(() => undefined);
    await page.waitForURL('https://www.bbc.co.uk/weather');
    expect(await violations()).toEqual([]);
  });

  it('Swagger UI renders its operations with nothing refused', async () => {
    const { page, context } = await h.newPage();
    const violations = await watchCsp(context, page);
    const response = await page.goto('/docs');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self';");
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(50);
    await page.locator('.opblock-summary').first().click();
    await page.locator('.opblock-body').first().waitFor();
    expect(await violations()).toEqual([]);
  });

  it('sees a refusal when there is one: an injected inline script is refused and reported', async () => {
    const { page, context } = await h.newPage();
    const violations = await watchCsp(context, page);
    await page.goto('/sign-in');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true;';
      document.head.append(script);
    });
    await page.waitForFunction(() => (window.cspViolations ?? []).length > 0);
    expect(await page.evaluate(() => 'injected' in window)).toBe(false);
    expect((await violations()).join('\n')).toMatch(/script-src/);
  });
});
