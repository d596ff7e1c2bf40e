/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { Role } from '../../src/common/auth.decorators';
import { PASSWORD, signUp, type TestUser } from '../app';
import { startBrowser, type BrowserHarness } from './harness';

jest.setTimeout(600_000);

/**
 * Therapists and buddies edit their profiles: change, save by keyboard, reload, find the change
 * kept; a bad value shows the error summary. People are left unverified, so they never turn up in
 * other spec files' match lists (every spec shares the run's database).
 */
describe('web app: therapist and buddy profiles (browser)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowser();
  }, 300_000);
  afterAll(async () => {
    console.log(`axe (profiles): 0 violations in ${h?.steps.length} checked steps`);
    await h?.close();
  });

  async function signIn(user: TestUser): Promise<Page> {
    const { page } = await h.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(user.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your home' }).waitFor();
    return page;
  }

  /** The profile page, loaded (after a reload too: the refresh cookie signs back in). */
  async function profilePage(page: Page): Promise<void> {
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    await page.getByRole('button', { name: 'Save profile' }).waitFor();
  }

  async function saveByKeyboard(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Save profile' }).focus();
    await page.keyboard.press('Enter');
  }

  const errorSummary = async (page: Page) => {
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    // The summary takes focus so a screen reader hears it first.
    await expect(
      summary.evaluate(
        (el) => el === document.activeElement || el.contains(document.activeElement),
      ),
    ).resolves.toBe(true);
    return summary;
  };

  it('a therapist changes languages, capacity, notice and bio; a bad number is named; the change is kept', async () => {
    const therapist = await signUp(h.t, Role.Therapist, { name: 'Hana Profile' });
    await h.t.http
      .put('/v1/me/profile')
      .set(therapist.auth)
      .send({
        membershipBody: 'BACP',
        membershipNumber: '123456',
        modalities: ['video'],
        languages: ['en'],
        sessionMinutes: 50,
        bufferMinutes: 10,
        monthlyCapacity: 2,
        minimumNoticeHours: 24,
      })
      .expect(200);
    const page = await signIn(therapist);
    await page.getByRole('link', { name: 'Your profile' }).click();
    await profilePage(page);
    await h.checkA11y(page, 'therapist profile');

    await page.getByLabel('Languages you work in').fill('en, ar');
    await page.getByLabel('Sessions you can offer a month').fill('5');
    await page.getByLabel('Notice you need before a session, in hours').fill('two days');
    await page.getByLabel('About you (optional)').fill('I have worked with returning aid workers.');
    // Keyboard: tab from "Video call" to "Phone call" and tick it with the space bar.
    await page.getByLabel('Video call').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await saveByKeyboard(page);
    const summary = await errorSummary(page);
    await expect(summary.textContent()).resolves.toContain(
      'Enter the number of hours of notice as a whole number',
    );
    await h.checkA11y(page, 'therapist profile with an error');

    // The summary's link takes you to the field.
    await summary.getByRole('link', { name: /hours of notice/ }).click();
    await expect(page.evaluate(() => document.activeElement?.id ?? null)).resolves.toBe(
      'minimumNoticeHours',
    );
    await page.keyboard.press('Control+A');
    await page.keyboard.type('48');
    await saveByKeyboard(page);
    await page.getByText('Your profile is saved.').waitFor();
    await h.checkA11y(page, 'therapist profile saved');

    await page.reload();
    await profilePage(page);
    // Typed as codes, kept and shown back by name.
    await expect(page.getByLabel('Languages you work in').inputValue()).resolves.toBe(
      'English, Arabic',
    );
    await expect(page.getByLabel('Sessions you can offer a month').inputValue()).resolves.toBe('5');
    await expect(
      page.getByLabel('Notice you need before a session, in hours').inputValue(),
    ).resolves.toBe('48');
    await expect(page.getByLabel('About you (optional)').inputValue()).resolves.toBe(
      'I have worked with returning aid workers.',
    );
    await expect(page.getByLabel('Phone call').isChecked()).resolves.toBe(true);
    await h.checkA11y(page, 'therapist profile after a reload');
    const me = await h.t.http.get('/v1/me').set(therapist.auth).expect(200);
    expect(me.body.profile).toMatchObject({
      languages: ['en', 'ar'],
      monthlyCapacity: 5,
      minimumNoticeHours: 48,
      modalities: ['video', 'phone'],
      bio: 'I have worked with returning aid workers.',
    });
  });

  it('a buddy changes languages, capacity and DBS check; a language the server refuses is named; the change is kept', async () => {
    const buddy = await signUp(h.t, Role.Buddy, { name: 'Bea Profile' });
    await h.t.http
      .put('/v1/me/profile')
      .set(buddy.auth)
      .send({
        kind: 'humanitarian',
        languages: ['en'],
        timezone: 'Europe/London',
        maxActivePairings: 2,
        dbs: {
          level: 'enhanced',
          certificateNumber: '001234567890',
          issuedOn: '2026-06-10',
          updateService: true,
        },
      })
      .expect(200);
    const page = await signIn(buddy);
    await page.getByRole('link', { name: 'Your profile and DBS check' }).click();
    await profilePage(page);
    await h.checkA11y(page, 'buddy profile');

    // "Klingon" passes the page's own check (names are read); the server knows no such language.
    await page.getByLabel('Languages you speak').fill('Klingon');
    await saveByKeyboard(page);
    const summary = await errorSummary(page);
    await expect(summary.getByRole('link').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('#languages-error').isVisible()).resolves.toBe(true);
    await h.checkA11y(page, 'buddy profile with an error from the server');

    await page.getByLabel('Languages you speak').fill('en, el');
    await page.getByLabel('How many volunteers you can support at once').fill('3');
    // Keyboard: arrows move the DBS level from Enhanced to Standard, and Update Service to No.
    await page.getByLabel('Enhanced').focus();
    await page.keyboard.press('ArrowUp');
    await page.getByLabel('Certificate number').fill('009876543210');
    await page.locator('#dbs-issued-day').fill('2');
    await page.locator('#dbs-issued-month').fill('9');
    await page.locator('#dbs-issued-year').fill('2026');
    await page.getByRole('radio', { name: 'Yes', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await saveByKeyboard(page);
    await page.getByText('Your profile is saved.').waitFor();
    await h.checkA11y(page, 'buddy profile saved');

    await page.reload();
    await profilePage(page);
    await expect(page.getByLabel('Languages you speak').inputValue()).resolves.toBe(
      'English, Greek',
    );
    await expect(
      page.getByLabel('How many volunteers you can support at once').inputValue(),
    ).resolves.toBe('3');
    await expect(page.getByLabel('Standard').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Certificate number').inputValue()).resolves.toBe('009876543210');
    await expect(page.getByRole('radio', { name: 'No', exact: true }).isChecked()).resolves.toBe(
      true,
    );
    await h.checkA11y(page, 'buddy profile after a reload');
    const me = await h.t.http.get('/v1/me').set(buddy.auth).expect(200);
    expect(me.body.profile).toMatchObject({
      languages: ['en', 'el'],
      maxActivePairings: 3,
      dbs: {
        level: 'standard',
        certificateNumber: '009876543210',
        issuedOn: '2026-09-02',
        updateService: false,
      },
    });
  });
});
