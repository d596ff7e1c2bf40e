/// <reference lib="dom" />
import { createCoordinator, PASSWORD } from '../app';
import { paired, verifiedBuddy } from '../factories/checkins';
import { startBrowser, type BrowserHarness } from './harness';

/** The buddy's call page names the volunteer; a concern asks for a note and says what next (#22). */
jest.setTimeout(240_000);

describe('web app: a buddy’s call (browser)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowser();
  });
  afterAll(async () => {
    console.log(`axe (buddy call): 0 violations in ${h?.steps.length} checked steps`);
    await h?.close();
  });

  it('names the volunteer with a tel: link, and logs a concern with a note', async () => {
    const coordinator = await createCoordinator(h.t);
    const buddy = await verifiedBuddy(h.t, coordinator);
    const iso = (days: number) =>
      new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const { volunteer } = await paired(
      h.t,
      buddy,
      {},
      { deployments: [{ location: 'Calais', country: 'FR', startsOn: iso(-60), endsOn: iso(-7) }] },
    );
    const calls = await h.t.http.get('/v1/check-ins').set(buddy.auth).expect(200);
    const [past, next] = calls.body.items as Array<{ id: string }>;
    // The first call happened an hour ago and waits for its outcome.
    await h.t.db.query(`UPDATE checkin SET starts_at = now() - interval '1 hour' WHERE id = $1`, [
      past.id,
    ]);

    const { page } = await h.newPage({ width: 390, height: 844 });
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(buddy.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Calls to log' }).waitFor();

    await page.goto(`/buddy/calls/${next.id}`);
    await page.getByText('Amira Haddad', { exact: true }).waitFor();
    const phone = page.getByRole('link', { name: /\+306912345678/ });
    await expect(phone.getAttribute('href')).resolves.toBe('tel:+306912345678');
    await h.checkA11y(page, 'buddy call page');

    await page.goto('/buddy');
    await page.getByRole('button', { name: /^Concern/ }).click();
    await page.getByRole('button', { name: 'Log the concern' }).click();
    await page.getByText('Write a few words about what worries you').waitFor();
    await h.checkA11y(page, 'concern: note missing');
    await page
      .getByLabel('What worries you?')
      .fill('Sounded very low and unsure about going home.');
    await page.getByRole('button', { name: 'Log the concern' }).click();
    await page.getByRole('heading', { name: 'What happens next' }).waitFor();
    await page.getByText('The volunteer is not told.', { exact: false }).waitFor();
    await h.checkA11y(page, 'concern logged');

    const logged = await h.t.http.get(`/v1/check-ins/${past.id}`).set(buddy.auth).expect(200);
    expect(logged.body).toMatchObject({
      status: 'completed',
      wellbeing: 'concern',
      note: 'Sounded very low and unsure about going home.',
    });
    const concerns = await h.t.db.query<Array<{ reporter_id: string; subject_user_id: string }>>(
      `SELECT reporter_id, subject_user_id FROM concern WHERE checkin_id = $1`,
      [past.id],
    );
    expect(concerns).toEqual([{ reporter_id: buddy.id, subject_user_id: volunteer.id }]);
  });
});
