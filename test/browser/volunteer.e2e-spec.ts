/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { EmailTokenPurpose } from '../../src/identity/email-token.entity';
import { IdentityService } from '../../src/identity/identity.service';
import { createCoordinator, PASSWORD, uniqueEmail } from '../app';
import { verifiedBuddy, volunteer } from '../factories/checkins';
import { therapist } from '../factories/sessions';
import { startBrowser, type BrowserHarness } from './harness';

jest.setTimeout(600_000);

const dateParts = (daysFromToday: number) => {
  const d = new Date(Date.now() + daysFromToday * 86_400_000);
  return {
    day: String(d.getUTCDate()),
    month: String(d.getUTCMonth() + 1),
    year: String(d.getUTCFullYear()),
  };
};

async function fillDate(page: Page, id: string, daysFromToday: number) {
  const { day, month, year } = dateParts(daysFromToday);
  await page.fill(`#${id}-day`, day);
  await page.fill(`#${id}-month`, month);
  await page.fill(`#${id}-year`, year);
}

/** A volunteer signs up, consents, asks, books, downloads the calendar file and reschedules. */
const ATHENS_BUDDY = 'Eleni Athens Buddy';

describe('web app: a volunteer books their session (browser)', () => {
  let h: BrowserHarness;
  const started = Date.now();

  beforeAll(async () => {
    h = await startBrowser();
    const coordinator = await createCoordinator(h.t);
    await therapist(h.t, coordinator);
    await verifiedBuddy(h.t, coordinator, { timezone: 'Europe/Athens', name: ATHENS_BUDDY });
  });
  afterAll(async () => {
    console.log(
      `volunteer flow: ${h.steps.length} steps, axe 0 violations at each; ${Math.round((Date.now() - started) / 1000)} s`,
    );
    await h.close();
  });

  it('signs up, consents, asks, books, adds to calendar and moves the session', async () => {
    const { page } = await h.newPage();
    const heading = (name: string | RegExp) =>
      page.getByRole('heading', { level: 1, name }).waitFor();

    await page.goto('/sign-up');
    await heading('Create an account');
    await h.checkA11y(page, 'sign up');
    await page.getByLabel('A volunteer').check();
    await page.getByLabel('Your name').fill('Sam Volunteer');
    const email = uniqueEmail('browser');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Create a password').fill(PASSWORD);
    await page.getByLabel('Your time zone').fill('Europe/London');
    await page.getByRole('button', { name: 'Create account' }).click();
    await heading('Check your email');
    // The link the mail carries (this app sends no mail: test/browser/account-email reads it).
    const [{ id }] = await h.t.db.query<Array<{ id: string }>>(
      'SELECT id FROM account WHERE email = $1',
      [email],
    );
    const link = await h.t.app.get(IdentityService).mintEmailLink(id, EmailTokenPurpose.Confirm);
    await page.goto(`/confirm-email#token=${link!.token}`);
    await page.getByRole('button', { name: 'Confirm and continue' }).click();

    await heading('What you have agreed to');
    await page
      .getByRole('button', { name: /^Agree/ })
      .first()
      .waitFor();
    await h.checkA11y(page, 'consents');
    while ((await page.getByRole('button', { name: /^Agree/ }).count()) > 0) {
      const before = await page.getByRole('button', { name: /^Withdraw/ }).count();
      await page
        .getByRole('button', { name: /^Agree/ })
        .first()
        .click();
      await page.waitForFunction(
        (n) =>
          document.querySelectorAll('button').length > 0 &&
          Array.from(document.querySelectorAll('button')).filter((b) =>
            b.textContent?.startsWith('Withdraw'),
          ).length > n,
        before,
      );
    }
    await expect(
      page.getByRole('button', { name: 'Download the receipt' }).isVisible(),
    ).resolves.toBe(true);
    await h.checkA11y(page, 'consents given');

    // In-app navigation only: the access token lives in memory, and until the refresh route is
    // merged a reload signs out.
    await page.getByRole('link', { name: 'Continue' }).click();
    await page.getByRole('link', { name: 'Add a deployment' }).click();
    await heading('Add a deployment');
    await page.getByLabel('Where?').fill('Calais');
    await page.getByLabel('Country').selectOption({ label: 'France' });
    await fillDate(page, 'from', -60);
    await fillDate(page, 'to', -7);
    await h.checkA11y(page, 'deployment');
    await page.getByRole('button', { name: 'Save' }).click();

    await heading(/Hello/);
    await page.getByText('Back home').waitFor();
    await page.getByText('available').waitFor();
    await h.checkA11y(page, 'volunteer home, session available');
    const askForSession = async (checks: boolean) => {
      await page.getByRole('link', { name: 'Ask for your session' }).click();
      await heading('Which languages would you like to talk in?');
      if (checks) await h.checkA11y(page, 'ask: languages');
      await page.getByRole('button', { name: 'Continue' }).click();
      await heading('How would you like to talk?');
      if (checks) {
        await page.getByRole('button', { name: 'Continue' }).click();
        await page.locator('.govuk-error-summary').waitFor();
        await h.checkA11y(page, 'ask: modality with an error');
      }
      await page.getByLabel('Video call').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await heading('When could you have your session?');
      await fillDate(page, 'from', 0);
      await fillDate(page, 'to', 21);
      if (checks) await h.checkA11y(page, 'ask: dates');
      await page.getByRole('button', { name: 'Continue' }).click();
      // Both optional: no gender asked for, no note.
      await heading('Would you like to talk to someone of a particular gender?');
      await page.getByRole('button', { name: 'Continue' }).click();
      await heading('Is there anything you would like them to know?');
      await page.getByRole('button', { name: 'Continue' }).click();
      await heading('Check your answers');
      if (checks) await h.checkA11y(page, 'ask: check your answers');
      await page.getByRole('button', { name: 'Ask for my session' }).click();
    };
    await askForSession(true);

    // The open request is on the home page, with the way back to choosing; withdrawn, it goes,
    // and asking again starts afresh.
    await heading('Choose who to talk to');
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByText(/You asked for your session on/).waitFor();
    await h.checkA11y(page, 'volunteer home, request open');
    await page.getByRole('link', { name: 'Choose who to talk to' }).click();
    await heading('Choose who to talk to');
    await page.getByRole('link', { name: 'Withdraw this request' }).click();
    await heading('Withdraw your request for a session?');
    await h.checkA11y(page, 'withdraw request: confirm');
    await page.getByRole('button', { name: 'Yes, withdraw it' }).click();
    await page.getByText('Your request is withdrawn.').waitFor();
    await h.checkA11y(page, 'volunteer home, request withdrawn');
    expect(await page.getByText(/You asked for your session on/).count()).toBe(0);
    await askForSession(false);

    await heading('Choose who to talk to');
    await page
      .getByRole('link', { name: /See free times/ })
      .first()
      .waitFor();
    await h.checkA11y(page, 'matches');
    await page
      .getByRole('link', { name: /See free times/ })
      .first()
      .click();

    // A day first, only days in the dates asked for, then that day's times; the page names who.
    await heading(/^Choose a time with Test therapist/);
    await page.getByRole('radio').first().waitFor();
    await h.checkA11y(page, 'slots: days');
    const offered = await page
      .locator('input[name="slot-day"]')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    const isoDay = (days: number) =>
      new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((d) => d >= isoDay(0) && d <= isoDay(21))).toBe(true);
    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('group', { name: /^Which time on/ }).waitFor();
    await h.checkA11y(page, 'slots: times');
    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Book this time' }).click();

    await heading('Your session');
    await page.getByText('Your session is booked.').waitFor();
    const firstTime = await page.locator('.govuk-summary-list__value').first().textContent();
    expect(firstTime).toMatch(/London time$/);
    await h.checkA11y(page, 'session booked');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Add to calendar' }).click(),
    ]);
    const ics = readFileSync(await download.path(), 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');

    await page.getByRole('button', { name: 'Move to another time' }).click();
    await heading('Choose a new time');
    await page.getByRole('radio').nth(1).waitFor();
    await h.checkA11y(page, 'reschedule: slots');
    await page.getByRole('radio').nth(1).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('group', { name: /^Which time on/ }).waitFor();
    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Move to this time' }).click();
    await page.getByText('Your session has moved.').waitFor();
    const secondTime = await page.locator('.govuk-summary-list__value').first().textContent();
    expect(secondTime).not.toBe(firstTime);
    await h.checkA11y(page, 'session moved');

    // Cancelling asks once more; keeping it changes nothing.
    await page.getByRole('button', { name: 'Cancel this session' }).click();
    await heading('Are you sure you want to cancel this session?');
    await h.checkA11y(page, 'session: confirm cancel');
    await page.getByRole('link', { name: 'No, keep it' }).click();
    await heading('Your session');
    await page.getByRole('button', { name: 'Cancel this session' }).waitFor();

    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByText(/booked for/).waitFor();
    await h.checkA11y(page, 'volunteer home, session booked');
    await h.screenshot(page, 'volunteer-home');

    // Same page at a phone's width: the access token lives in memory, so no reload.
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
  });

  it('asks for a buddy, chooses one, sees the next call in both zones, and edits the profile', async () => {
    const iso = (days: number) =>
      new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const sam = await volunteer(h.t, {
      timezone: 'Europe/London',
      deployments: [{ location: 'Calais', country: 'FR', startsOn: iso(-60), endsOn: iso(-7) }],
    });
    const { page } = await h.newPage();
    const heading = (name: string | RegExp) =>
      page.getByRole('heading', { level: 1, name }).waitFor();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(sam.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(/Hello/);

    await page.getByRole('link', { name: 'Ask for a buddy' }).click();
    await heading('How would you like your buddy to call you?');
    await h.checkA11y(page, 'buddy: channel');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await h.checkA11y(page, 'buddy: channel with an error');
    await page.getByLabel('By phone').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading('When can you take calls?');
    for (const day of ['Monday', 'Wednesday', 'Saturday']) {
      await page.getByLabel(day, { exact: true }).check();
    }
    await h.checkA11y(page, 'buddy: call windows');
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading('Check your answers');
    await h.checkA11y(page, 'buddy: check your answers');
    await page.getByRole('button', { name: 'Ask for a buddy' }).click();

    // Leaving the choice for later: home offers the same request back, not a new one.
    await heading('Choose your buddy');
    await page.getByRole('link', { name: 'Back' }).click();
    const asked = page.getByText('You asked for a buddy on');
    await asked.waitFor();
    await expect(asked.textContent()).resolves.toMatch(/London time\./);
    await expect(page.getByRole('link', { name: 'Ask for a buddy' }).count()).resolves.toBe(0);
    await h.checkA11y(page, 'volunteer home, buddy asked for');
    await page.getByRole('link', { name: 'Choose your buddy' }).click();

    await heading('Choose your buddy');
    await page.getByRole('radio').first().waitFor();
    await expect(
      page
        .getByText(/places taken/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await h.checkA11y(page, 'buddy: ranked buddies');
    // Buddies of other spec files share the run's database: choose this file's own.
    await page.getByRole('radio', { name: ATHENS_BUDDY }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading('When should your buddy call?');
    await h.checkA11y(page, 'buddy: when to call');
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading('Check your answers');
    await page.getByRole('button', { name: 'Start the calls' }).click();

    await heading('Your calls');
    const call = page.getByRole('listitem').filter({ hasText: 'London time' }).first();
    await call.waitFor();
    await expect(call.textContent()).resolves.toMatch(
      /London time \(your time\)[\s\S]*Athens time/,
    );
    await page.getByText(`Your buddy ${ATHENS_BUDDY.split(' ')[0]} calls you by phone`).waitFor();
    await h.checkA11y(page, 'buddy: upcoming calls');

    await page.getByRole('link', { name: 'Back' }).click();
    await page.getByText(`Your next call with ${ATHENS_BUDDY.split(' ')[0]}:`).waitFor();
    await h.checkA11y(page, 'volunteer home, with a buddy');

    await page.getByRole('link', { name: 'Your profile' }).click();
    await heading('Your profile');
    await h.checkA11y(page, 'volunteer profile');
    await page.getByLabel('What should people call you? (optional)').fill('Sammy');
    await page.getByLabel('Your name').fill('');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await h.checkA11y(page, 'volunteer profile with an error');
    await page.getByLabel('Your name').fill('Sam Volunteer');
    // The zone is a place, found by typing its city.
    await page.getByLabel('Your time zone').fill('Paris');
    await page.getByRole('radio', { name: /^Paris, France — \d\d:\d\d now$/ }).check();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Your profile is saved.').waitFor();
    await h.checkA11y(page, 'volunteer profile saved');
    const me = await h.t.http.get('/v1/me').set(sam.auth).expect(200);
    expect(me.body).toMatchObject({
      timezone: 'Europe/Paris',
      profile: { preferredName: 'Sammy' },
    });
  });
});
