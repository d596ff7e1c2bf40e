/// <reference lib="dom" />
import { PASSWORD } from '../app';
import { signUp } from '../factories/sessions';
import { Role } from '../../src/common/auth.decorators';
import { startBrowser, type BrowserHarness } from './harness';

/** Choosing email, text or both per kind of message, from the account page (issue #23). */
jest.setTimeout(240_000);

describe('web app: how we contact you (browser)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowser();
  });
  afterAll(async () => {
    console.log(`axe (message preferences): 0 violations in ${h?.steps.length} checked steps`);
    await h?.close();
  });

  const signIn = async (email: string, width = 360) => {
    const { page } = await h.newPage({ width, height: 800 });
    await page.goto('/sign-in?next=%2Faccount');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    return page;
  };

  it('a volunteer sees why mail cannot reach them yet, chooses, and the choice is kept', async () => {
    const v = await signUp(h.t, Role.Volunteer);
    const confirmed = (yes: boolean) =>
      h.t.db.query(
        `UPDATE account SET email_confirmed_at = ${yes ? 'now()' : 'NULL'} WHERE id = $1`,
        [v.id],
      );
    // Signed in with a confirmed address; then, as after an address change, not confirmed.
    await confirmed(true);
    const page = await signIn(v.email);
    await confirmed(false);
    await page.getByRole('link', { name: /How we contact you/ }).click();
    await page.getByRole('heading', { level: 1, name: 'How we contact you' }).waitFor();
    await page.getByText(/only once you have confirmed your email address/).waitFor();
    await h.checkA11y(page, 'message preferences: unconfirmed');

    await confirmed(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'How we contact you' }).waitFor();
    const reminders = page.getByRole('group', { name: 'Reminders before a session or call' });
    await expect(reminders.getByLabel('By text only').isChecked()).resolves.toBe(true);
    const changes = page.getByRole('group', { name: /booked, moved or cancelled/ });
    await expect(changes.getByLabel('By email and by text').isChecked()).resolves.toBe(true);
    await expect(page.getByText(/only once you have confirmed/).count()).resolves.toBe(0);

    // Keyboard only: into the reminders group, to "email and by text", then Save.
    await reminders.getByLabel('By text only').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('button', { name: 'Save' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/Saved\. Reminders: by email and by text\./).waitFor();
    await h.checkA11y(page, 'message preferences: saved');
    await h.screenshot(page, 'message-preferences');

    const kept = await h.t.http.get('/v1/me/message-preferences').set(v.auth).expect(200);
    expect(kept.body).toMatchObject({ reminders: 'both', changes: 'both' });
  });

  it('a therapist is told changes always come by email and is not offered text only', async () => {
    const th = await signUp(h.t, Role.Therapist);
    await h.t.db.query(`UPDATE account SET email_confirmed_at = now() WHERE id = $1`, [th.id]);
    const page = await signIn(th.email, 1024);
    await page.goto('/account/messages');
    await page.getByRole('heading', { level: 1, name: 'How we contact you' }).waitFor();
    await page.getByText(/As a therapist you always get these by email/).waitFor();
    const changes = page.getByRole('group', { name: /booked, moved or cancelled/ });
    await expect(changes.getByLabel('By text only').count()).resolves.toBe(0);
    await changes.getByLabel('By email only').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/Bookings, moves and cancellations: by email only\./).waitFor();
    await h.checkA11y(page, 'message preferences: therapist');
    await h.screenshot(page, 'message-preferences-therapist');
  });
});
