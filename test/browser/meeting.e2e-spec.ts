import type { Page } from 'playwright-core';
import { createCoordinator, PASSWORD, type TestUser } from '../app';
import { TestClock } from '../clock';
import { bookedSession, changeTherapistProfile, therapist } from '../factories/sessions';
import { startBrowser, type BrowserHarness } from './harness';

/** Issue #22: a booked video session whose join link both people see, with whom and what next. */
jest.setTimeout(180_000);

const TODAY = '2027-02-20T12:00:00Z';
const LINK = 'https://meet.jit.si/0b5e7c1d9a4f4e2b8c6d1a3f5e7b9c0d';

describe('web app: how to join a booked session (browser)', () => {
  const clock = new TestClock(TODAY);
  let h: BrowserHarness;
  let coordinator: TestUser;

  beforeAll(async () => {
    h = await startBrowser({ clock });
    coordinator = await createCoordinator(h.t);
  });
  afterAll(async () => {
    console.log(`meeting: axe 0 violations in ${h.steps.length} checked steps`);
    await h.close();
  });

  async function signedIn(user: TestUser, path: string): Promise<Page> {
    const { page } = await h.newPage({ width: 390, height: 844 });
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(user.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await page.goto(path);
    return page;
  }

  it('shows the join link, the other person and what happens next to both people', async () => {
    const th = await therapist(h.t, coordinator);
    await changeTherapistProfile(h.t, th, { meetingUrl: LINK });
    const { id, volunteer } = await bookedSession(h.t, th, '2027-03-10T09:00:00Z');

    const v = await signedIn(volunteer, `/volunteer/sessions/${id}`);
    await v.getByRole('heading', { level: 1, name: 'Your session' }).waitFor();
    const join = v.getByRole('link', { name: /Join the video call/ });
    await join.waitFor();
    expect(await join.getAttribute('href')).toBe(LINK);
    await v.getByText('Test therapist').first().waitFor();
    await v.getByRole('heading', { name: 'What happens next' }).waitFor();
    await h.checkA11y(v, 'volunteer: booked session with its join link');
    await h.screenshot(v, 'volunteer-session-join');

    const t = await signedIn(th, `/therapist/sessions/${id}`);
    await t.getByRole('heading', { level: 1, name: 'Session' }).waitFor();
    const theirs = t.getByRole('link', { name: /Join the video call/ });
    await theirs.waitFor();
    expect(await theirs.getAttribute('href')).toBe(LINK);
    await t.getByText('Amira Haddad').first().waitFor();
    await h.checkA11y(t, 'therapist: booked session with its join link');
    await h.screenshot(t, 'therapist-session-join');
  });
});
