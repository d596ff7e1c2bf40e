/// <reference lib="dom" />
import { PASSWORD } from '../app';
import { volunteer } from '../factories/checkins';
import { EXIT_URL, startBrowser, type BrowserHarness } from './harness';

/** Exit this page ends the login: Back after Exit never shows the service signed in (#22). */
jest.setTimeout(180_000);

describe('web app: Exit this page signs out (browser)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowser();
  });
  afterAll(() => h.close());

  it('shows the sign-in page, not the volunteer’s home, on Back after Exit', async () => {
    const iso = (days: number) =>
      new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const rosa = await volunteer(h.t, {
      timezone: 'Europe/London',
      deployments: [{ location: 'Calais', country: 'FR', startsOn: iso(-60), endsOn: iso(-7) }],
    });
    // Logins made before the browser's (the factory signs in through the API) are not its own.
    const liveLogins = async () =>
      (
        await h.t.db.query<Array<{ id: string }>>(
          `SELECT id FROM refresh_token WHERE account_id = $1 AND revoked_at IS NULL`,
          [rosa.id],
        )
      ).map((r) => r.id);
    const before = new Set(await liveLogins());
    const browserLogins = async () => (await liveLogins()).filter((id) => !before.has(id)).length;
    const { page } = await h.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(rosa.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: /Hello/ }).waitFor();
    expect(await browserLogins()).toBe(1);
    await page.getByRole('link', { name: 'Your profile' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();

    await page.getByRole('link', { name: /Exit this page/ }).click();
    await page.waitForURL(EXIT_URL);
    // The logout outlives the page it left: the browser's login is revoked on the server.
    for (let i = 0; i < 50 && (await browserLogins()) > 0; i++) await page.waitForTimeout(100);
    expect(await browserLogins()).toBe(0);

    // Back: the service loads afresh and finds no login, whatever page it was on.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.getByText(/Hello/).count()).toBe(0);
    await h.checkA11y(page, 'back after exit');
    // Reloading cannot bring the login back either: the refresh cookie was revoked.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  });
});
