/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { PASSWORD, signUp, uniqueEmail } from '../app';
import { bearer, browserLogin, refresh } from '../browser-session';
import { volunteerProfile } from '../people.fixtures';
import { startBrowser, type BrowserHarness } from './harness';

/** Changing one's name, email and password from the account page (issue #22). */
jest.setTimeout(240_000);

describe('web app: your account (browser)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowser();
  });
  afterAll(async () => {
    console.log(`axe (account): 0 violations in ${h?.steps.length} checked steps`);
    await h?.close();
  });

  const summaryValue = (page: Page, key: string) =>
    page
      .locator('.govuk-summary-list__row', { has: page.getByText(key, { exact: true }) })
      .locator('.govuk-summary-list__value')
      .innerText();
  const change = (page: Page, what: string) =>
    page.getByRole('link', { name: `Change ${what}` }).click();
  const save = (page: Page) => page.getByRole('button', { name: 'Save' }).click();

  it('changes the name, asks for a new email and changes the password, with errors summarised and the login kept', async () => {
    const rosa = await signUp(h.t);
    await h.t.http.put('/v1/me/profile').set(rosa.auth).send(volunteerProfile()).expect(200);
    const other = await signUp(h.t); // an address that is taken
    const elsewhere = await browserLogin(h.t, rosa.email); // another device

    const { page } = await h.newPage({ width: 390, height: 844 });
    await page.goto('/sign-in?next=%2Faccount');
    await page.getByLabel('Email address').fill(rosa.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await h.checkA11y(page, 'account');

    // Name: an empty name is summarised and linked to its field; then saved.
    await change(page, 'what we call you');
    await page.getByRole('heading', { level: 1, name: 'Change your name' }).waitFor();
    await page.getByLabel('Full name').fill('');
    await save(page);
    await page.getByRole('link', { name: 'Enter your full name' }).waitFor();
    await expect(page.title()).resolves.toMatch(/^Error: Change your name/);
    await h.checkA11y(page, 'name: error');
    await page.getByLabel('Full name').fill('Rosa Martínez');
    await page.getByLabel(/What should we call you/).fill('Rosa');
    await save(page);
    await page.getByText('Your name has been changed.').waitFor();
    await expect(summaryValue(page, 'Name')).resolves.toBe('Rosa Martínez');
    await expect(summaryValue(page, 'What we call you')).resolves.toBe('Rosa');

    // Email: a wrong password is refused; a taken address is answered like a free one.
    await change(page, 'your email address');
    await page.getByLabel('New email address').fill(other.email);
    await page.getByLabel('Your password').fill('not my password');
    await save(page);
    await page.getByRole('link', { name: 'Your password is not right' }).waitFor();
    await h.checkA11y(page, 'email: wrong password');
    await page.getByLabel('Your password').fill(PASSWORD);
    await save(page);
    await page.getByText(/we have sent it a link/).waitFor();
    await expect(summaryValue(page, 'Email')).resolves.toBe(rosa.email);
    const moved = uniqueEmail('rosa');
    await change(page, 'your email address');
    await page.getByLabel('New email address').fill(moved);
    await page.getByLabel('Your password').fill(PASSWORD);
    await save(page);
    await page.getByText(/we have sent it a link/).waitFor();
    // The address moves only when the link mailed to it is followed (account-email specs).
    await expect(summaryValue(page, 'Email')).resolves.toBe(rosa.email);
    expect(moved).not.toBe(rosa.email);
    await h.checkA11y(page, 'email change asked');

    // Password: too short, then changed; this browser stays signed in, the other device does not.
    await change(page, 'your password');
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password').fill('short');
    await save(page);
    await page
      .getByRole('link', { name: 'Your new password must be at least 12 characters' })
      .waitFor();
    await h.checkA11y(page, 'password: error');
    await page.getByLabel('New password').fill('a new and longer passphrase');
    await save(page);
    await page.getByText('Your password has been changed.', { exact: false }).waitFor();
    await h.checkA11y(page, 'password changed');
    await h.t.http.get('/v1/me').set(bearer(elsewhere.accessToken)).expect(401);
    await refresh(h.t, elsewhere.refreshToken).expect(401);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await expect(summaryValue(page, 'Name')).resolves.toBe('Rosa Martínez');
  });
});
