import type { Page } from 'playwright-core';
import { LinksService } from '../../src/links/links.service';
import { createCoordinator, PASSWORD, type TestUser } from '../app';
import { TestClock } from '../clock';
import { paired, verifiedBuddy } from '../factories/checkins';
import { bookedSession, therapist } from '../factories/sessions';
import { startBrowser, type BrowserHarness } from './harness';

/**
 * A short link from a text, opened on a phone without signing in: see, cancel (confirmed), move;
 * and a check-in call moved from its link or called off signed in.
 */
jest.setTimeout(180_000);

const TODAY = '2027-02-20T12:00:00Z';

describe('web app: a signed link from a text (browser)', () => {
  const clock = new TestClock(TODAY);
  let h: BrowserHarness;
  let coordinator: TestUser;

  beforeAll(async () => {
    h = await startBrowser({ clock });
    coordinator = await createCoordinator(h.t);
  });
  afterAll(async () => {
    console.log(`links: axe 0 violations in ${h.steps.length} checked steps`);
    await h.close();
  });

  /** A booked session and the path of its volunteer's link. */
  async function linkedSession(startsAt: string) {
    const th = await therapist(h.t, coordinator);
    const { id, volunteer } = await bookedSession(h.t, th, startsAt);
    const url = await h.t.app.get(LinksService).linkFor('session', id, volunteer.id);
    return { id, volunteer, path: new URL(url!).pathname };
  }
  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { level: 1, name }).waitFor();

  it('shows the time with its zone, and cancels only after the confirming tap', async () => {
    const { id, volunteer, path } = await linkedSession('2027-03-10T09:00:00Z');
    const { page } = await h.newPage({ width: 360, height: 740 });

    await page.goto(path);
    await heading(page, 'Your session');
    await page.getByText('Wed 10 Mar, 09:00 London time').waitFor();
    expect(await page.title()).toBe('Your session – Volunteer Wellbeing Service');
    await h.checkA11y(page, 'link: view');
    await h.screenshot(page, 'link-view');

    await page.getByRole('button', { name: 'Cancel it' }).click();
    await heading(page, 'Are you sure you want to cancel?');
    await h.checkA11y(page, 'link: confirm cancel');
    // Nothing is cancelled until the second tap.
    const before = await h.t.http.get(`/v1/sessions/${id}`).set(volunteer.auth);
    expect(before.body.status).toBe('booked');

    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await heading(page, 'Cancelled');
    await h.checkA11y(page, 'link: cancelled');
    const after = await h.t.http.get(`/v1/sessions/${id}`).set(volunteer.auth);
    expect(after.body.status).toBe('cancelled');

    // Opened again, the link says only that it no longer works.
    await page.goto(path);
    await heading(page, 'This link no longer works');
    await h.checkA11y(page, 'link: no longer works');
  });

  it('keeps the session when the person steps back from cancelling', async () => {
    const { id, volunteer, path } = await linkedSession('2027-03-11T09:00:00Z');
    const { page } = await h.newPage();
    await page.goto(`${path}?step=cancel`);
    await heading(page, 'Are you sure you want to cancel?');
    await page.getByRole('link', { name: 'No, keep it' }).click();
    await heading(page, 'Your session');
    const res = await h.t.http.get(`/v1/sessions/${id}`).set(volunteer.auth);
    expect(res.body.status).toBe('booked');
  });

  it('moves the session to a free time picked by day, then time', async () => {
    const { id, volunteer, path } = await linkedSession('2027-03-12T09:00:00Z');
    const { page } = await h.newPage();
    // The page asks for the four weeks from the browser's today: the service's test clock's.
    await page.clock.setFixedTime(new Date(TODAY));
    await page.goto(path);
    await heading(page, 'Your session');
    await page.getByRole('button', { name: 'Move it' }).click();
    await heading(page, 'Choose a new time');
    await page.getByLabel('Monday, 1 March 2027').waitFor();
    await h.checkA11y(page, 'link: choose a new day');
    await page.getByLabel('Monday, 1 March 2027').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('group', { name: 'Which time on Monday, 1 March 2027?' }).waitFor();
    await h.checkA11y(page, 'link: choose a new time');
    await page
      .getByRole('group', { name: 'Which time on Monday, 1 March 2027?' })
      .getByLabel('10:00')
      .check();
    await page.getByRole('button', { name: 'Move to this time' }).click();
    await heading(page, 'Moved to Mon 1 Mar, 10:00 London time');
    await h.checkA11y(page, 'link: moved');
    const res = await h.t.http.get(`/v1/sessions/${id}`).set(volunteer.auth);
    expect(res.body.startsAt.utc).toBe('2027-03-01T10:00:00.000Z');
  });

  /** A pairing (volunteer in Athens), its first call, and the call as the API shows it. */
  async function pairedCall() {
    const buddy = await verifiedBuddy(h.t, coordinator);
    const { volunteer } = await paired(h.t, buddy);
    const calls = await h.t.http
      .get('/v1/check-ins?from=2027-02-20T00:00:00Z&to=2027-03-20T00:00:00Z')
      .set(volunteer.auth)
      .expect(200);
    return { buddy, volunteer, call: calls.body.items[0] as { id: string } };
  }
  const callOf = async (user: TestUser, id: string) =>
    (await h.t.http.get(`/v1/check-ins/${id}`).set(user.auth).expect(200)).body;

  it('moves a check-in call from its link to a day and time typed on the person’s own clock', async () => {
    const { volunteer, call } = await pairedCall();
    const url = await h.t.app.get(LinksService).linkFor('checkin', call.id, volunteer.id);
    const { page } = await h.newPage({ width: 360, height: 740 });
    await page.goto(new URL(url!).pathname);
    await heading(page, 'Your check-in call');
    await page.getByText('Sat 20 Feb, 18:00 Athens time').waitFor();
    await page.getByRole('button', { name: 'Move it' }).click();
    await heading(page, 'Choose a new time');

    // A time the clocks skip is refused in words, before anything is sent.
    await page.getByLabel('Day').fill('28');
    await page.getByLabel('Month').fill('3');
    await page.getByLabel('Year').fill('2027');
    await page.getByLabel('New time (Athens time)').fill('03:30');
    await page.getByRole('button', { name: 'Move the call' }).click();
    await page.getByRole('link', { name: /does not happen that day in Athens time/ }).waitFor();
    await h.checkA11y(page, 'link: move a call, skipped time');

    await page.getByLabel('Day').fill('1');
    await page.getByLabel('New time (Athens time)').fill('1930');
    await page.getByRole('button', { name: 'Move the call' }).click();
    await heading(page, 'Moved to Mon 1 Mar, 19:30 Athens time');
    await h.checkA11y(page, 'link: call moved');
    expect((await callOf(volunteer, call.id)).startsAt.utc).toBe('2027-03-01T17:30:00.000Z');
  });

  it('a buddy signed in calls off one call after the confirming tap; the next stays', async () => {
    const { buddy, volunteer, call } = await pairedCall();
    const { page } = await h.newPage({ width: 360, height: 740 });
    // The home page lists the four weeks from the browser's today: the service's test clock's.
    await page.clock.setFixedTime(new Date(TODAY));
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(buddy.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(page, 'Your home');
    await page.getByRole('link', { name: /Move or cancel the call on Sat 20 Feb/ }).click();
    await heading(page, 'Your call');
    await h.checkA11y(page, 'buddy: one call');
    await page.getByRole('button', { name: 'Cancel it' }).click();
    await heading(page, 'Are you sure you want to cancel this call?');
    expect((await callOf(buddy, call.id)).status).toBe('scheduled');
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.getByText('The call is cancelled.').waitFor();
    await h.checkA11y(page, 'buddy: call cancelled');
    expect((await callOf(volunteer, call.id)).status).toBe('cancelled');
    const calls = await h.t.http
      .get('/v1/check-ins?from=2027-02-20T00:00:00Z&to=2027-03-20T00:00:00Z')
      .set(volunteer.auth)
      .expect(200);
    expect(calls.body.items.map((c: { status: string }) => c.status).slice(0, 2)).toEqual([
      'cancelled',
      'scheduled',
    ]);
  });
});
