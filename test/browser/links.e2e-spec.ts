import type { Page } from 'playwright-core';
import { LinksService } from '../../src/links/links.service';
import { createCoordinator, type TestUser } from '../app';
import { TestClock } from '../clock';
import { bookedSession, therapist } from '../factories/sessions';
import { startBrowser, type BrowserHarness } from './harness';

/** A short link from a text, opened on a phone without signing in: see, cancel (confirmed), move. */
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

  it('moves the session to a free time picked from days of radios', async () => {
    const { id, volunteer, path } = await linkedSession('2027-03-12T09:00:00Z');
    const { page } = await h.newPage();
    // The page asks for the four weeks from the browser's today: the service's test clock's.
    await page.clock.setFixedTime(new Date(TODAY));
    await page.goto(path);
    await heading(page, 'Your session');
    await page.getByRole('button', { name: 'Move it' }).click();
    await heading(page, 'Choose a new time');
    await page.getByRole('group', { name: 'Monday, 1 March 2027' }).waitFor();
    await h.checkA11y(page, 'link: choose a new time');
    await page.getByRole('group', { name: 'Monday, 1 March 2027' }).getByLabel('10:00').check();
    await page.getByRole('button', { name: 'Move to this time' }).click();
    await heading(page, 'Moved to Mon 1 Mar, 10:00 London time');
    await h.checkA11y(page, 'link: moved');
    const res = await h.t.http.get(`/v1/sessions/${id}`).set(volunteer.auth);
    expect(res.body.startsAt.utc).toBe('2027-03-01T10:00:00.000Z');
  });
});
