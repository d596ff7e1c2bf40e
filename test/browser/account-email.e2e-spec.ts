/// <reference lib="dom" />
import type { ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { AppRole } from '../../config/configuration';
import { PASSWORD, signUp, uniqueEmail } from '../app';
import { isolateDatabaseAndRedis } from '../isolated-env';
import { startSmtpServer, to, type TestSmtpServer } from '../smtp';
import { startBrowser, type BrowserHarness } from './harness';

/**
 * Signing up, confirming the address and resetting a forgotten password in the browser, with the
 * mail read from a real SMTP server in this process (a worker sends the outbox), at phone width,
 * axe at every step.
 */
jest.setTimeout(240_000);

describe('web app: accounts by email (browser)', () => {
  let h: BrowserHarness;
  let smtp: TestSmtpServer;
  let env: Awaited<ReturnType<typeof isolateDatabaseAndRedis>>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    env = await isolateDatabaseAndRedis('browser_account_email');
    Object.assign(process.env, smtp.env);
    h = await startBrowser({ role: AppRole.All });
  }, 240_000);
  afterAll(async () => {
    console.log(`axe (account-email): 0 violations in ${h?.steps.length} checked steps`);
    await h?.close();
    await env?.drop();
    await smtp?.close();
  });

  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { level: 1, name }).waitFor();
  /** The path and fragment of the link in the mail, opened on this run's server. */
  const linkIn = (mail: ParsedMail) => {
    const match = /https?:\/\/[^/\s]+(\/[a-z-]+(?:\?[a-z=0-9]+)?#token=[A-Za-z0-9_-]{43})/.exec(
      mail.text ?? '',
    );
    if (!match) throw new Error(`No link in: ${mail.text}`);
    return match[1];
  };

  it('signs up, says to check the email, and the mailed link confirms and signs in', async () => {
    const { page } = await h.newPage({ width: 360, height: 780 });
    const email = uniqueEmail('browser.signup');
    await page.goto('/sign-up');
    await heading(page, 'Create an account');
    await page.getByLabel('A volunteer').check();
    await page.getByLabel('Your name').fill('Sam Volunteer');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Create a password').fill(PASSWORD);
    await page.getByLabel('Your time zone').fill('Europe/London');
    await page.getByRole('button', { name: 'Create account' }).click();

    await heading(page, 'Check your email');
    await page.getByText('The link works for 60 minutes and only once.').waitFor();
    await h.checkA11y(page, 'check your email');
    await h.screenshot(page, 'check-email');

    const mail = await smtp.waitFor(to(email), 30_000);
    expect(mail.subject).toBe('Confirm your email address');
    await page.goto(linkIn(mail));
    await heading(page, 'Confirm your email address');
    // The token left the address bar as the page read it.
    expect(new URL(page.url()).hash).toBe('');
    await h.checkA11y(page, 'confirm your email');
    await h.screenshot(page, 'confirm-email');
    await page.getByRole('button', { name: 'Confirm and continue' }).click();
    await heading(page, 'What you have agreed to');

    // The same link again does not work, and the page says what to do.
    await page.goto(linkIn(mail));
    await page.getByRole('button', { name: 'Confirm and continue' }).click();
    await heading(page, 'This link does not work');
    await page.getByRole('link', { name: 'sign up again with the same address' }).waitFor();
    await h.checkA11y(page, 'link does not work');
    await h.screenshot(page, 'email-link-expired');
  });

  it('resets a forgotten password from the sign-in page through the mailed link', async () => {
    const person = await signUp(h.t);
    const { page } = await h.newPage({ width: 360, height: 780 });
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await heading(page, 'Reset your password');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page
      .getByRole('link', { name: /Enter an email address in the correct format/ })
      .waitFor();
    await h.checkA11y(page, 'forgot password: error');
    await h.screenshot(page, 'forgot-password');
    await page.getByLabel('Email address').fill(person.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await heading(page, 'Check your email');
    await page.getByText('The link works for 30 minutes and only once.').waitFor();
    await h.checkA11y(page, 'forgot password: check your email');

    const mail = await smtp.waitFor(
      (m) => to(person.email)(m) && m.subject === 'Reset your password',
      30_000,
    );
    await page.goto(linkIn(mail));
    await heading(page, 'Choose a new password');
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByRole('link', { name: 'Enter a password of at least 12 characters' }).waitFor();
    await h.checkA11y(page, 'reset password: error');
    await h.screenshot(page, 'reset-password');
    await page.getByLabel('New password').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Save the new password' }).click();

    await heading(page, 'Sign in');
    await page
      .getByText('Your password has been changed. Sign in with your new password.')
      .waitFor();
    await h.checkA11y(page, 'signed in again after reset');
    await page.getByLabel('Email address').fill(person.email);
    await page.getByLabel('Password').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await smtp.waitFor((m) => to(person.email)(m) && m.subject === 'Your password was changed');
  });
});
