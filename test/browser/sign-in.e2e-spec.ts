/// <reference lib="dom" />
import type { BrowserContext, Page, Route } from 'playwright-core';
import { PASSWORD, signUp, type TestUser } from '../app';
import { startBrowser, type BrowserHarness } from './harness';

/**
 * The sign-in page is sent already rendered (dist/web/sign-in.html, issue #14), and so is the start
 * page / (dist/web/start.html, the same form until the session is known, issue #21); the app takes
 * it over when its script arrives: what people type first is kept, nothing is sent before, the
 * query is read without React throwing the page away, reaching sign-in inside the app is unchanged,
 * and a signed-in person opening / still goes home.
 */
jest.setTimeout(180_000);

const WAIT_MESSAGE = /The Sign in button will work in a moment/;

/**
 * Errors in the page's console or thrown, React's hydration errors among them, and any response
 * Chromium logs as failed ("Failed to load resource": a signed-out start-up refresh's 401 was one).
 */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Holds the app's scripts back, so the page is only the HTML, until release(). */
async function holdScripts(context: BrowserContext): Promise<{ release(): Promise<void> }> {
  const held: Route[] = [];
  let released = false;
  await context.route('**/assets/*.js', async (route) => {
    if (released) await route.continue();
    else held.push(route);
  });
  return {
    async release() {
      released = true;
      await Promise.all(held.splice(0).map((route) => route.continue()));
    },
  };
}

describe('web app: the pre-rendered sign-in page (browser)', () => {
  let h: BrowserHarness;
  let person: TestUser;

  beforeAll(async () => {
    h = await startBrowser();
    person = await signUp(h.t);
  });
  afterAll(async () => {
    console.log(`axe (sign-in): 0 violations in ${h?.steps.length} checked steps`);
    await h?.close();
  });

  const signInButton = (page: Page) => page.getByRole('button', { name: 'Sign in' });
  const whenUsable = (page: Page) =>
    page.locator('form button:enabled', { hasText: 'Sign in' }).waitFor();

  it('is served as HTML with the form, the exit control and the crisis lines, cached like index.html', async () => {
    const page = await h.t.http.get('/sign-in?signedOut=1').set('Accept-Encoding', 'br, gzip');
    const app = await h.t.http.get('/sign-up').set('Accept-Encoding', 'br, gzip');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root" data-prerendered="/sign-in">');
    expect(page.text).toContain('<title>Sign in – Volunteer Wellbeing Service</title>');
    expect(page.text).toMatch(/<form[^>]*method="post"/);
    expect(page.text).not.toMatch(/<form[^>]*action=/);
    expect(page.text).toContain('data-exit-this-page');
    expect(page.text).toContain('116 123');
    expect(page.text).not.toContain('You have signed out'); // the query is read in the browser
    expect(app.text).not.toContain('data-prerendered');
    const headers = (res: typeof page) =>
      ['content-type', 'cache-control', 'content-encoding', 'vary'].map((h) => res.headers[h]);
    expect(headers(page)).toEqual(headers(app));
    // The start page is the same form, marked for its own path, and served alike.
    const start = await h.t.http.get('/?utm=x').set('Accept-Encoding', 'br, gzip');
    expect(start.status).toBe(200);
    expect(start.text).toContain('<div id="root" data-prerendered="/">');
    expect(start.text).toContain('<title>Sign in – Volunteer Wellbeing Service</title>');
    expect(start.text).toMatch(/<form[^>]*method="post"/);
    expect(start.text).toMatch(/<input[^>]*id="email"/);
    expect(start.text).toMatch(/<input[^>]*id="password"/);
    expect(headers(start)).toEqual(headers(app));
    // Should the form ever be sent without the script, it is refused, never a 5xx.
    const posted = await h.t.http.post('/sign-in').type('form').send({ email: 'a@b.c' });
    expect(posted.status).toBe(404);
  });

  it.each(['/sign-in', '/'])(
    'at %s, keeps what was typed before the script arrived, sends nothing before, then signs in',
    async (path) => {
      const { page, context } = await h.newPage();
      const errors = watchErrors(page);
      const sent: string[] = [];
      page.on('request', (request) => sent.push(`${request.method()} ${request.url()}`));
      const scripts = await holdScripts(context);

      await page.goto(path, { waitUntil: 'commit' });
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await expect(signInButton(page).isDisabled()).resolves.toBe(true);
      await expect(page.getByText(WAIT_MESSAGE).isVisible()).resolves.toBe(true);
      await h.checkA11y(page, `sign in at ${path} before the script`);
      const emailField = await page.$('#email');

      // Typed before the script, all but the last letter of the password; Enter sends nothing yet
      // (a form whose button is disabled is not submitted by Enter, and that happens at once).
      await page.getByLabel('Email address').pressSequentially(person.email);
      await page.getByLabel('Password').pressSequentially(PASSWORD.slice(0, -1));
      await page.evaluate(() =>
        document.forms[0].addEventListener('submit', () => (document.body.dataset.sent = 'yes')),
      );
      await page.keyboard.press('Enter');
      await expect(page.evaluate(() => document.body.dataset.sent)).resolves.toBeUndefined();
      expect(sent.filter((line) => !line.startsWith('GET '))).toEqual([]);

      await scripts.release();
      await whenUsable(page);
      await expect(page.getByText(WAIT_MESSAGE).count()).resolves.toBe(0);
      // React took over the same elements (it did not draw the page again) and kept the text and focus.
      await expect(emailField!.evaluate((el) => el.isConnected)).resolves.toBe(true);
      await expect(page.inputValue('#email')).resolves.toBe(person.email);
      await expect(page.inputValue('#password')).resolves.toBe(PASSWORD.slice(0, -1));
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('password');
      // Signed out with no login cookie: no start-up refresh (it would answer 401 and log an
      // error); the form is still the same one.
      expect(sent.filter((line) => line.includes('/v1/auth/refresh'))).toEqual([]);
      await expect(page.evaluate(() => document.cookie)).resolves.not.toContain('vws_session');
      await expect(emailField!.evaluate((el) => el.isConnected)).resolves.toBe(true);
      expect(new URL(page.url()).pathname).toBe(path);
      await h.checkA11y(page, `sign in at ${path} once the script runs`);

      await page.keyboard.press(PASSWORD.slice(-1));
      await page.keyboard.press('Enter');
      await page.waitForURL('**/volunteer');
      await page.getByRole('heading', { level: 1, name: /Hello/ }).waitFor();
      expect(sent.filter((line) => line.includes('passphrase'))).toEqual([]);
      expect(sent.filter((line) => line.includes('/v1/auth/refresh'))).toEqual([]);
      expect(errors).toEqual([]);
    },
  );

  it('cannot send the password in a web address even if the form is sent without the script', async () => {
    const { page, context } = await h.newPage();
    await holdScripts(context);
    await page.goto('/sign-in', { waitUntil: 'commit' });
    await page.getByLabel('Password').fill(PASSWORD);
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.isNavigationRequest() && r.url().includes('/sign-in')),
      page.locator('form').evaluate((form: HTMLFormElement) => form.submit()),
    ]);
    expect(request.method()).toBe('POST');
    expect(request.url()).toBe(`${h.baseUrl}/sign-in`);
  });

  it.each([
    ['signedOut=1', 'You have signed out.'],
    ['erased=1', 'Your account has been deleted.'],
  ])('reads ?%s once the app has the page, with no hydration error', async (query, banner) => {
    const { page, context } = await h.newPage();
    const errors = watchErrors(page);
    const scripts = await holdScripts(context);
    await page.goto(`/sign-in?${query}`, { waitUntil: 'commit' });
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    const emailField = await page.$('#email');
    await scripts.release();
    await page.getByText(banner).waitFor();
    await whenUsable(page);
    expect(errors).toEqual([]);
    await expect(emailField!.evaluate((el) => el.isConnected)).resolves.toBe(true);
    await h.checkA11y(page, `sign in ?${query}`);
  });

  it('sends people on to ?next= when loaded directly, and when sent to sign in by the app', async () => {
    const { page } = await h.newPage();
    const errors = watchErrors(page);
    await page.goto('/sign-in?next=%2Faccount');
    await page.getByLabel('Email address').fill(person.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await signInButton(page).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(errors).toEqual([]);

    // A signed-out visitor opening a page: the app (index.html) moves to sign-in in place.
    const other = await h.newPage();
    await other.page.goto('/account/data');
    await other.page.waitForURL('**/sign-in?next=%2Faccount%2Fdata');
    await expect(signInButton(other.page).isEnabled()).resolves.toBe(true);
    await expect(other.page.getByText(WAIT_MESSAGE).count()).resolves.toBe(0);
    await other.page.getByLabel('Email address').fill(person.email);
    await other.page.getByLabel('Password').fill(PASSWORD);
    await signInButton(other.page).click();
    await other.page.waitForURL('**/account/data');
  });

  it('reaches sign-in inside the app without loading the page again', async () => {
    const { page } = await h.newPage();
    await page.goto('/sign-up');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.getByRole('navigation').getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expect(page.evaluate(() => 'sameDocument' in window)).resolves.toBe(true);
    await expect(signInButton(page).isEnabled()).resolves.toBe(true);
    await expect(page.getByText(WAIT_MESSAGE).count()).resolves.toBe(0);
  });

  it('sends a signed-in person opening / to their home, with no hydration error', async () => {
    const { page } = await h.newPage();
    const errors = watchErrors(page);
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(person.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await signInButton(page).click();
    await page.waitForURL('**/volunteer');
    await expect(page.evaluate(() => document.cookie)).resolves.toContain('vws_session=1');
    const restored = page.waitForResponse('**/v1/auth/refresh');
    await page.goto('/');
    await expect(restored.then((res) => res.status())).resolves.toBe(200);
    await page.waitForURL('**/volunteer');
    await page.getByRole('heading', { level: 1, name: /Hello/ }).waitFor();

    // Signing out clears the flag, so the next load asks nothing.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in?signedOut=1');
    await expect(page.evaluate(() => document.cookie)).resolves.not.toContain('vws_session');
    const sent: string[] = [];
    page.on('request', (request) => sent.push(request.url()));
    await page.reload();
    await whenUsable(page);
    await h.checkA11y(page, 'signed out and reloaded');
    expect(sent.filter((url) => url.includes('/v1/auth/refresh'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows a signed-in person the form with their own navigation, as before', async () => {
    const { page } = await h.newPage();
    const errors = watchErrors(page);
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(person.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await signInButton(page).click();
    await page.waitForURL('**/volunteer');
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await whenUsable(page);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(errors).toEqual([]);
  });
});
