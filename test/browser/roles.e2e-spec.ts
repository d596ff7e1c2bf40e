/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import {
  BUDDIES,
  COORDINATOR,
  PENDING_THERAPIST,
  THERAPISTS,
  VOLUNTEERS,
} from '../../src/demo-world';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo-seed';
import { testIp } from '../app';
import { TestClock } from '../clock';
import { isolateDatabaseAndRedis } from '../isolated-env';
import { startBrowser, type BrowserHarness } from './harness';

const DAY_MS = 86_400_000;

/**
 * The therapist, buddy and coordinator pages against the demo world, seeded eight days ago on the
 * server's clock so that some calls and sessions have already happened. Its own database: the
 * demo's verified people would otherwise turn up in other files' match lists.
 */
describe('web app: therapist, buddy and coordinator pages (browser)', () => {
  let env: Awaited<ReturnType<typeof isolateDatabaseAndRedis>>;
  let h: BrowserHarness;
  const clock = new TestClock(new Date(Date.now() - 8 * DAY_MS));

  beforeAll(async () => {
    env = await isolateDatabaseAndRedis('browser_roles');
    h = await startBrowser({ clock });
    await seedDemo(h.t.app);
    clock.set(new Date());
  }, 300_000);

  afterAll(async () => {
    console.log(`axe (roles): 0 violations in ${h?.steps.length} checked steps`);
    await h?.close();
    await env?.flushRedis();
    await env?.drop();
  });

  async function signIn(email: string): Promise<Page> {
    const { page } = await h.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your home' }).waitFor();
    await page.getByText('Loading…').waitFor({ state: 'detached' });
    return page;
  }

  const heading = (page: Page, name: string) =>
    page.getByRole('heading', { level: 1, name }).waitFor();

  it('a therapist sets weekly hours by keyboard and sees a session booked in them', async () => {
    const helen = THERAPISTS[0];
    const page = await signIn(helen.email);
    await h.checkA11y(page, 'therapist home');
    await h.screenshot(page, 'therapist-home');

    await page.getByRole('link', { name: 'Your weekly hours and days off' }).click();
    await heading(page, 'Your weekly hours');
    await h.checkA11y(page, 'therapist availability');
    await page.getByRole('button', { name: 'Add hours on Saturday' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('From (Saturday window 1)').fill('10:00');
    await page.getByLabel('To (Saturday window 1)').fill('14:00');
    await page.getByRole('button', { name: 'Save weekly hours' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Your weekly hours are saved.').waitFor();
    await h.checkA11y(page, 'therapist availability saved');
    const saved = await h.t.http
      .get('/v1/me/availability')
      .set(await bearer(helen.email))
      .expect(200);
    expect(saved.body.weekly).toContainEqual({ weekday: 6, start: '10:00', end: '14:00' });

    // George (home in two days) asks for his session and books Helen's first Saturday slot.
    const george = await bearer(VOLUNTEERS[6].email);
    const request = await h.t.http
      .post('/v1/session-requests')
      .set(george)
      .send({
        languages: ['en'],
        modality: 'video',
        notBefore: new Date(Date.now() + 2 * DAY_MS).toISOString(),
        notAfter: new Date(Date.now() + 30 * DAY_MS).toISOString(),
      })
      .expect(201);
    const me = await h.t.http
      .get('/v1/me')
      .set(await bearer(helen.email))
      .expect(200);
    const slots = await h.t.http
      .get(`/v1/therapists/${me.body.id as string}/slots`)
      .query({
        from: new Date(Date.now() + 2 * DAY_MS).toISOString(),
        to: new Date(Date.now() + 30 * DAY_MS).toISOString(),
        tz: 'Europe/London',
      })
      .set(george)
      .expect(200);
    const saturday = (slots.body.slots as Array<{ startsAt: { utc: string } }>).find(
      (s) => new Date(s.startsAt.utc).getUTCDay() === 6,
    );
    expect(saturday).toBeDefined();
    await h.t.http
      .post('/v1/sessions')
      .set(george)
      .send({
        requestId: request.body.id,
        therapistId: me.body.id,
        startsAt: saturday!.startsAt.utc,
      })
      .expect(201);

    await page.getByRole('link', { name: 'Back' }).click();
    await heading(page, 'Your home');
    const when = londonTime(saturday!.startsAt.utc);
    const booked = page.getByRole('listitem').filter({ hasText: when });
    await booked.waitFor();
    await booked.getByRole('link').click();
    await heading(page, 'Session');
    await page.getByText('George Lewis', { exact: true }).first().waitFor();
    await h.checkA11y(page, 'therapist session with contact');
  }, 240_000);

  it('a buddy sees calls in both zones and logs a missed one in two taps', async () => {
    const page = await signIn(BUDDIES[0].email);
    await h.checkA11y(page, 'buddy home');
    await h.screenshot(page, 'buddy-home');
    await page.getByRole('heading', { name: 'Calls to log' }).waitFor();
    await page.getByRole('heading', { name: 'Upcoming calls' }).waitFor();
    const toLog = page.getByRole('group', { name: /^How did the call on/ });
    const before = await toLog.count();
    expect(before).toBeGreaterThan(0);

    await toLog
      .first()
      .getByRole('button', { name: /^Missed/ })
      .click();
    await page.getByText('Log that the call was missed?').waitFor();
    await h.checkA11y(page, 'buddy confirms a missed call');
    await page.getByRole('button', { name: 'Yes, log it' }).click();
    await page.getByText('Log that the call was missed?').waitFor({ state: 'detached' });
    await page.waitForFunction(
      (n) => document.querySelectorAll('[aria-label^="How did the call on"]').length === n,
      before - 1,
    );
    await h.checkA11y(page, 'buddy after logging');

    const calls = await h.t.http
      .get('/v1/check-ins')
      .query({ from: new Date(Date.now() - 14 * DAY_MS).toISOString() })
      .set(await bearer(BUDDIES[0].email))
      .expect(200);
    expect(calls.body.items.filter((c: { status: string }) => c.status === 'missed')).toHaveLength(
      1,
    );

    await page.getByRole('link', { name: 'Your volunteers' }).click();
    await heading(page, 'Your volunteers');
    await h.checkA11y(page, 'buddy pairings');
  }, 240_000);

  it('a coordinator verifies a therapist, triages a concern and sees a failed text', async () => {
    const page = await signIn(COORDINATOR.email);
    const row = (label: string) =>
      page.locator('.govuk-summary-list__row').filter({ hasText: label }).locator('dd').first();
    await row('Checks waiting').waitFor();
    await h.checkA11y(page, 'coordinator home');
    await h.screenshot(page, 'coordinator-home');
    expect(await row('Checks waiting').innerText()).toBe('1');
    expect(await row('Texts that failed').innerText()).toBe('1');
    expect(await row('Open concerns').innerText()).toContain('1 high');

    await page.getByRole('link', { name: 'View checks waiting' }).click();
    await heading(page, 'Checks waiting');
    await h.checkA11y(page, 'vetting queue');
    await page.getByRole('link', { name: PENDING_THERAPIST.name }).click();
    await heading(page, 'Checks');
    await page.getByLabel('What did you check?').fill('BACP register entry 071903 seen');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('Verified. They can now be matched.').waitFor();
    await h.checkA11y(page, 'therapist verified');

    await page.goto('/coordinator/concerns');
    await heading(page, 'Concerns');
    await h.checkA11y(page, 'open concerns');
    await page.getByRole('link', { name: "A volunteer's wellbeing" }).click();
    await heading(page, 'Concern');
    await page.getByLabel(/^Triaged/).check();
    await page
      .getByLabel('Why', { exact: true })
      .fill('Spoke to Fatima; she is seeing her GP this week.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByText('open to triaged').waitFor();
    await h.checkA11y(page, 'concern triaged');

    await page.goto('/coordinator/texts');
    await heading(page, 'Texts that failed');
    await page.getByText('The phone was unreachable: switched off or out of signal.').waitFor();
    await h.checkA11y(page, 'failed texts');
    // Unreachable can pass: try again sends it through the outbox, and it leaves the list.
    await page
      .getByRole('button', { name: /^Try again/ })
      .first()
      .click();
    await page.getByText('The text will be sent again in a moment.').waitFor();
    await page.getByText('None. Every text went through.').waitFor();
    await h.checkA11y(page, 'failed text tried again');
  }, 240_000);

  async function bearer(email: string): Promise<{ Authorization: string }> {
    const res = await h.t.http
      .post('/v1/auth/login')
      .set('X-Forwarded-For', testIp())
      .send({ email, password: DEMO_PASSWORD })
      .expect(200);
    return { Authorization: `Bearer ${res.body.accessToken as string}` };
  }
});

/** As the therapist's home shows it: "Sat 5 Dec, 10:00 London time". */
function londonTime(utc: string): string {
  const date = new Date(utc);
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${day}, ${time} London time`;
}
