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
import { Role } from '../../src/common/auth.decorators';
import { IdentityService } from '../../src/identity/identity.service';
import { sessionRequest, volunteer } from '../factories/sessions';
import { isolateDatabaseAndRedis } from '../isolated-env';
import { startBrowser, type BrowserHarness } from './harness';

const DAY_MS = 86_400_000;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

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

  it("opens a person's whole record from the search, and reads the audit trail in names and words", async () => {
    const ben = VOLUNTEERS.find((v) => v.name === 'Ben Carter')!;
    const helen = THERAPISTS.find((t) => t.email === ben.session!.therapist)!;
    const grace = BUDDIES.find((b) => b.email === ben.buddy!.with)!;
    const page = await signIn(COORDINATOR.email);
    await page.getByRole('link', { name: 'Look someone up, or allow another session' }).click();
    await heading(page, 'Look someone up');
    await page.getByLabel('Name, email address or account id').fill(ben.name);
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByRole('link', { name: ben.name, exact: true }).click();
    await heading(page, ben.name);
    const sessions = page.locator('h2:text("Sessions") + ul');
    await sessions.getByRole('link', { name: helen.name }).waitFor();
    expect(await sessions.innerText()).toMatch(/London time\s+Booked\s+Video call with/);
    await page.getByRole('link', { name: grace.name }).waitFor();
    await page
      .getByText(/^Given on /)
      .first()
      .waitFor();
    await page
      .getByRole('link', { name: 'See everything done about them in the audit trail' })
      .waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(UUID);
    await h.checkA11y(page, 'person page');
    await h.screenshot(page, 'coordinator-person');

    await page.getByRole('link', { name: helen.name }).click();
    await heading(page, helen.name);
    await page.locator('h2:text("Sessions") + ul').getByRole('link', { name: ben.name }).waitFor();
    await page.getByRole('link', { name: 'Verify, reject or suspend their checks' }).waitFor();
    await h.checkA11y(page, "the therapist's page");

    // Ben changes something himself: others' actions stay on the page when own reads are hidden.
    const [{ id: benId }] = await h.t.db.query(`SELECT id FROM account WHERE email = $1`, [
      ben.email,
    ]);
    const { accessToken } = await h.t.app
      .get(IdentityService)
      .issueToken({ id: benId, role: Role.Volunteer, tokenVersion: 0 });
    await h.t.http
      .post('/v1/me/consents')
      .set({ Authorization: `Bearer ${accessToken}` })
      .send({ purpose: 'sms_reminders', version: 1, granted: false })
      .expect(201);

    await page.goto('/coordinator');
    await heading(page, 'Your home');
    await page.getByRole('link', { name: 'Search the audit trail' }).click();
    await heading(page, 'Audit trail');
    const table = page.getByRole('table', { name: 'Newest first' });
    await table.waitFor();
    expect(await page.getByLabel('Hide my own reads').isChecked()).toBe(true);
    const rows = table.getByRole('row');
    const withdrew = rows.filter({ hasText: 'Withdrew consent' }).first();
    expect(await withdrew.getByRole('link', { name: ben.name }).count()).toBe(2);
    expect(await withdrew.innerText()).toContain('volunteer');
    // The coordinator has just opened two records: none of those reads is shown.
    const myReads = rows
      .filter({ hasText: COORDINATOR.name })
      .filter({ hasText: /Opened a person's record|Saw a .* in a list|Found a person/ });
    expect(await myReads.count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toMatch(UUID);
    await page.getByRole('link', { name: 'Older lines' }).waitFor();
    await h.checkA11y(page, 'audit trail without my reads');
    await h.screenshot(page, 'coordinator-audit');

    await page.getByLabel('Hide my own reads').uncheck();
    await page.getByRole('button', { name: 'Show' }).click();
    const read = rows
      .filter({ hasText: "Opened a person's record" })
      .filter({ has: page.getByRole('link', { name: COORDINATOR.name }) })
      .filter({ has: page.getByRole('link', { name: helen.name }) });
    await read.first().waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(UUID);
    await h.checkA11y(page, 'audit trail with my reads');
    await page.setViewportSize({ width: 360, height: 800 });
    await h.checkA11y(page, 'audit trail at 360 px');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await page.getByRole('link', { name: ben.name }).first().click();
    await heading(page, ben.name);
    await h.checkA11y(page, 'person page at 360 px');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
  }, 240_000);

  it('rejects an application with a reason, which the applicant then reads', async () => {
    const page = await signIn(COORDINATOR.email);
    await page.goto('/coordinator/vetting');
    await heading(page, 'Checks waiting');
    await page.getByRole('link', { name: PENDING_THERAPIST.name }).click();
    await heading(page, 'Checks');
    // The register is searched by name: the link opens it, the words say what to compare.
    const register = page.getByRole('link', { name: /Open the BACP Register/ });
    expect(await register.getAttribute('href')).toBe(
      'https://www.bacp.co.uk/about-us/protecting-the-public/bacp-register/',
    );
    expect(await page.locator('main').innerText()).toMatch(
      /Search for the surname \S+, then check the entry shows number 071903\./,
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
