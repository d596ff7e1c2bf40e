/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { COORDINATOR, PENDING_THERAPIST } from '../../src/demo-world';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo-seed';
import { sessionRequest, volunteer } from '../factories/sessions';
import { isolateDatabaseAndRedis } from '../isolated-env';
import { startBrowser, type BrowserHarness } from './harness';

const DAY_MS = 86_400_000;

/**
 * The coordinator's pages of issue #22: the unmatched count opens the list of who waits, a
 * vetting decision offers the register search and a rejection the applicant then reads, and the
 * home has no link that would answer a raw 401. Its own database, seeded with the demo world.
 */
describe('web app: coordinator (browser)', () => {
  let env: Awaited<ReturnType<typeof isolateDatabaseAndRedis>>;
  let h: BrowserHarness;

  beforeAll(async () => {
    env = await isolateDatabaseAndRedis('browser_coordinator');
    h = await startBrowser();
    await seedDemo(h.t.app);
  }, 300_000);

  afterAll(async () => {
    console.log(`axe (coordinator): 0 violations in ${h?.steps.length} checked steps`);
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

  it('opens the unmatched count as a list of who waits, with who could help them', async () => {
    const day = (n: number) => new Date(Date.now() + n * DAY_MS).toISOString();
    const waiting = await volunteer(h.t, {
      startsOn: day(-60).slice(0, 10),
      endsOn: day(-20).slice(0, 10),
    });
    const requestId = await sessionRequest(h.t, waiting, { notBefore: day(1), notAfter: day(20) });
    await h.t.db.query(`UPDATE account SET name = 'Rowan Vale' WHERE id = $1`, [waiting.id]);
    await h.t.db.query(`UPDATE session_request SET created_at = $2 WHERE id = $1`, [
      requestId,
      new Date(Date.now() - 9 * DAY_MS),
    ]);

    const page = await signIn(COORDINATOR.email);
    await h.checkA11y(page, 'coordinator home');
    expect(await page.getByRole('link', { name: 'Queue dashboard' }).count()).toBe(0);
    await page.getByRole('link', { name: 'View requests unmatched for over 7 days' }).click();
    await heading(page, 'Waiting over 7 days');
    await page.getByRole('link', { name: 'Rowan Vale', exact: true }).waitFor();
    await page.getByText('for a video call in English').waitFor();
    await h.checkA11y(page, 'unmatched requests');
    await h.screenshot(page, 'coordinator-unmatched');

    await page.getByRole('link', { name: /Who could see them.*Rowan Vale/ }).click();
    await heading(page, 'Who could see them');
    await page.getByText('Loading…').waitFor({ state: 'detached' });
    await h.checkA11y(page, 'who could see them');

    await page.goto('/coordinator/pairings');
    await heading(page, 'Buddy pairings');
    await page
      .locator('li strong')
      .filter({ hasText: / with / })
      .first()
      .waitFor();
    await h.checkA11y(page, 'pairings with both names');
    await page.goto('/coordinator/concerns');
    await heading(page, 'Concerns');
    await page
      .getByText(/Reported by \w+/)
      .first()
      .waitFor();
    await h.checkA11y(page, 'concerns with names');
  }, 240_000);

  it('rejects an application with a reason, which the applicant then reads', async () => {
    const page = await signIn(COORDINATOR.email);
    await page.goto('/coordinator/vetting');
    await heading(page, 'Checks waiting');
    await page.getByRole('link', { name: PENDING_THERAPIST.name }).click();
    await heading(page, 'Checks');
    const register = page.getByRole('link', { name: /Search the BACP Register for 071903/ });
    expect(await register.getAttribute('href')).toBe(
      'https://www.bacp.co.uk/search/Register?q=071903',
    );
    await h.checkA11y(page, 'vetting decision');

    await page.getByRole('button', { name: 'Reject' }).click();
    await page.getByRole('link', { name: 'Say why, in words they will understand' }).waitFor();
    await h.checkA11y(page, 'reject without a reason');
    const reason = 'We could not find 071903 on the BACP Register. Please check the number.';
    await page.getByLabel('Why are you rejecting the application?').fill(reason);
    await page.getByRole('button', { name: 'Reject' }).click();
    await page.getByText('Rejected. They will see your reason').waitFor();
    await h.checkA11y(page, 'application rejected');

    const applicant = await signIn(PENDING_THERAPIST.email);
    await applicant.getByText('Not accepted').waitFor();
    await applicant.getByText(`The coordinator said: ${reason}`).waitFor();
    await h.checkA11y(applicant, 'applicant reads the rejection');
  }, 240_000);
});
