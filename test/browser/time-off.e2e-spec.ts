/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { PASSWORD, type TestUser } from '../app';
import { TestClock } from '../clock';
import { bookedSession, newCoordinator, therapist } from '../factories/sessions';
import { isolateDatabaseAndRedis } from '../isolated-env';
import { startBrowser, type BrowserHarness } from './harness';

jest.setTimeout(600_000);

/**
 * A therapist's time off over a booked day: the page names the session it covers (who, when,
 * with the zone) and asks; cancelling it tells the volunteer. Its own database: the verified
 * therapist would otherwise turn up in other files' match lists.
 */
describe('web app: a therapist’s time off over a booked day (browser)', () => {
  let env: Awaited<ReturnType<typeof isolateDatabaseAndRedis>>;
  let h: BrowserHarness;
  const clock = new TestClock('2027-02-20T12:00:00Z');

  beforeAll(async () => {
    env = await isolateDatabaseAndRedis('browser_time_off');
    h = await startBrowser({ clock });
  }, 300_000);
  afterAll(async () => {
    console.log(`axe (time off): 0 violations in ${h?.steps.length} checked steps`);
    await h?.close();
    await env?.flushRedis();
    await env?.drop();
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

  async function fillDate(page: Page, id: string, [day, month, year]: string[]) {
    await page.fill(`#${id}-day`, day);
    await page.fill(`#${id}-month`, month);
    await page.fill(`#${id}-year`, year);
  }

  it('marks 9 to 11 March off, is shown the session on the 10th, and cancels it', async () => {
    const coordinator = await newCoordinator(h.t);
    const th = await therapist(h.t, coordinator);
    const booked = await bookedSession(h.t, th, '2027-03-10T09:00:00Z');

    const page = await signIn(th);
    await page.getByRole('link', { name: 'Your weekly hours and days off' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your weekly hours' }).waitFor();
    await h.checkA11y(page, 'therapist availability with time off form');

    await fillDate(page, 'exception-from', ['9', '3', '2027']);
    await fillDate(page, 'exception-to', ['11', '3', '2027']);
    await page.getByRole('button', { name: 'Add time off' }).click();

    const question = page.getByRole('heading', { name: 'You have a session booked in this time' });
    await question.waitFor();
    await page.getByText('Wed 10 Mar, 09:00 London time with Amira').waitFor();
    await h.checkA11y(page, 'time off covers a booked session');
    await h.screenshot(page, 'therapist-time-off-covers-session');
    // Nothing is saved until the therapist chooses.
    const before = await h.t.http.get('/v1/me/availability').set(th.auth).expect(200);
    expect(before.body.exceptions).toEqual([]);

    await page.getByRole('button', { name: 'Cancel this session (the volunteer is told)' }).click();
    await page
      .getByText(
        'Your time off from 9 March 2027 to 11 March 2027 is saved. The session is cancelled and the volunteer is told.',
      )
      .waitFor();
    await page.getByText('10 March 2027: not available').waitFor();
    await h.checkA11y(page, 'time off saved, session cancelled');

    const session = await h.t.http.get(`/v1/sessions/${booked.id}`).set(th.auth).expect(200);
    expect(session.body.status).toBe('cancelled');
    const told = await h.t.db.query<Array<{ recipient_id: string }>>(
      `SELECT recipient_id FROM notification WHERE about = $1 AND template = 'session_cancelled'`,
      [`session:${booked.id}`],
    );
    expect(told.map((r) => r.recipient_id)).toContain(booked.volunteer.id);
  });
});
