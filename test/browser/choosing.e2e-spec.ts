/// <reference lib="dom" />
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { createCoordinator, PASSWORD, type TestUser } from '../app';
import { therapist, volunteer } from '../factories/sessions';
import { startBrowser, type BrowserHarness } from './harness';

jest.setTimeout(600_000);

/** A small real PNG of one colour, made here so the test needs no file. */
function png(size: number, [r, g, b]: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3)]);
  for (let x = 0; x < size; x++) row.set([r, g, b], 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: size }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dateParts = (daysFromToday: number) => {
  const d = new Date(Date.now() + daysFromToday * 86_400_000);
  return [String(d.getUTCDate()), String(d.getUTCMonth() + 1), String(d.getUTCFullYear())];
};

async function fillDate(page: Page, id: string, daysFromToday: number) {
  const [day, month, year] = dateParts(daysFromToday);
  await page.fill(`#${id}-day`, day);
  await page.fill(`#${id}-month`, month);
  await page.fill(`#${id}-year`, year);
}

/** Zulu: no other spec's therapist speaks it, so this file's therapist is the only match. */
const LANGUAGE = 'zu';

/**
 * Choosing someone to talk to (issue #22): the therapist gives a bio, gender and photo; the
 * volunteer asks for a woman and writes a note, sees both on "Check your answers", then sees the
 * bio, photo and gender on the match. And the time-zone picker, by keyboard.
 */
describe('web app: choosing a therapist, the note and the time-zone picker (browser)', () => {
  let h: BrowserHarness;
  let helen: TestUser;
  let sam: TestUser;

  beforeAll(async () => {
    h = await startBrowser();
    const coordinator = await createCoordinator(h.t);
    helen = await therapist(h.t, coordinator, { languages: [LANGUAGE] });
    const back = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    sam = await volunteer(h.t, {
      languages: [LANGUAGE],
      startsOn: back(90).slice(0, 10),
      endsOn: back(14).slice(0, 10),
    });
  }, 300_000);
  afterAll(async () => {
    console.log(`axe (choosing): 0 violations in ${h?.steps.length} checked steps`);
    await h?.close();
  });

  async function signIn(user: TestUser, width = 1024): Promise<Page> {
    const { page } = await h.newPage({ width });
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(user.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    return page;
  }
  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { level: 1, name }).waitFor();

  it('a therapist gives a bio, gender and photo; a volunteer who asked for a woman sees them with their note', async () => {
    const name = (
      await h.t.db.query<Array<{ name: string }>>('SELECT name FROM account WHERE id = $1', [
        helen.id,
      ])
    )[0].name;
    const t = await signIn(helen);
    await t.getByRole('link', { name: 'Your profile' }).click();
    await heading(t, 'Your profile');
    await t.getByRole('button', { name: 'Save profile' }).waitFor();
    await t
      .getByLabel('About you (optional)')
      .fill('Ten years with aid workers back from the field.');
    await t.getByLabel('Woman', { exact: true }).check();
    await t.getByRole('button', { name: 'Save profile' }).click();
    await t.getByText('Your profile is saved.').waitFor();

    // A file that is not a PNG or JPEG is refused before it is sent.
    await t.setInputFiles('#photo', {
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not a photo'),
    });
    await t.getByRole('button', { name: 'Upload photo' }).click();
    await t.getByText('Choose a photo saved as PNG or JPEG').waitFor();
    await h.checkA11y(t, 'therapist photo: wrong file');
    await t.setInputFiles('#photo', {
      name: 'helen.png',
      mimeType: 'image/png',
      buffer: png(96, [42, 93, 107]),
    });
    await t.getByRole('button', { name: 'Upload photo' }).click();
    await t.getByText('Your photo is saved.').waitFor();
    await t.getByRole('img', { name: `Photo of ${name}` }).waitFor();
    await t.getByRole('button', { name: 'Remove photo' }).waitFor();
    await h.checkA11y(t, 'therapist profile with bio, gender and photo');
    await h.screenshot(t, 'therapist-profile');

    // The volunteer, on a phone.
    const v = await signIn(sam, 360);
    await v.getByRole('link', { name: 'Ask for your session' }).click();
    await heading(v, 'Which languages would you like to talk in?');
    await v.getByRole('button', { name: 'Continue' }).click();
    await heading(v, 'How would you like to talk?');
    await v.getByLabel('Video call').check();
    await v.getByRole('button', { name: 'Continue' }).click();
    await heading(v, 'When could you have your session?');
    await fillDate(v, 'from', 0);
    await fillDate(v, 'to', 21);
    await v.getByRole('button', { name: 'Continue' }).click();
    await heading(v, 'Would you like to talk to someone of a particular gender?');
    await h.checkA11y(v, 'ask: gender');
    await v.getByLabel('A woman').check();
    await v.getByRole('button', { name: 'Continue' }).click();
    await heading(v, 'Is there anything you would like them to know?');
    await v.getByLabel('Your note (optional)').fill('Evenings suit me best.');
    await h.checkA11y(v, 'ask: note');
    await h.screenshot(v, 'volunteer-ask-note');
    await v.getByRole('button', { name: 'Continue' }).click();

    await heading(v, 'Check your answers');
    const answers = v.locator('.govuk-summary-list');
    await expect(answers.textContent()).resolves.toMatch(/Gender of the personA woman/);
    await expect(answers.textContent()).resolves.toMatch(/Your noteEvenings suit me best\./);
    await h.checkA11y(v, 'ask: check your answers with gender and note');
    // Change returns to the question, and Continue back to the check page.
    await v.getByRole('button', { name: 'Change your note' }).click();
    await heading(v, 'Is there anything you would like them to know?');
    await v.getByLabel('Your note (optional)').fill('Evenings suit me best, after 6.');
    await v.getByRole('button', { name: 'Continue' }).click();
    await heading(v, 'Check your answers');
    await expect(answers.textContent()).resolves.toContain('Evenings suit me best, after 6.');
    await v.getByRole('button', { name: 'Ask for my session' }).click();

    await heading(v, 'Choose who to talk to');
    const match = v.getByRole('region', { name: `1. ${name}` });
    await match.getByText('Ten years with aid workers back from the field.').waitFor();
    await match.getByText(/Woman, as you asked/).waitFor();
    await match.getByRole('img', { name: `Photo of ${name}` }).waitFor();
    await h.checkA11y(v, 'matches with bio, photo and gender');
    await h.screenshot(v, 'volunteer-matches');

    const [request] = (await h.t.http.get('/v1/me/session-requests').set(sam.auth).expect(200)).body
      .items as Array<{ note: string | null; therapistGender: string | null }>;
    expect(request).toMatchObject({
      note: 'Evenings suit me best, after 6.',
      therapistGender: 'woman',
    });
  });

  it('chooses a time zone by keyboard: type a city or country, arrow to the place, space to pick', async () => {
    const { page } = await h.newPage({ width: 360 });
    await page.goto('/sign-up');
    await heading(page, 'Create an account');
    // The browser's own zone is the starting answer, in words.
    await page
      .getByText(/^London, United Kingdom — \d\d:\d\d now$/)
      .first()
      .waitFor();
    await page.getByLabel('Your time zone').focus();
    await page.keyboard.type('Greece');
    await page.getByText('1 place matches.').waitFor();
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('value'))).resolves.toBe(
      'Europe/Athens',
    );
    await page.keyboard.press('Space');
    await page
      .locator('#timezone-chosen')
      .getByText(/^Athens, Greece — \d\d:\d\d now$/)
      .waitFor();
    await h.checkA11y(page, 'zone picker: Greece chosen');

    // Enter in the search takes the best match without sending the form.
    await page.getByLabel('Your time zone').fill('Beirut');
    await page.getByLabel('Your time zone').press('Enter');
    await page
      .locator('#timezone-chosen')
      .getByText(/^Beirut, Lebanon/)
      .waitFor();
    await heading(page, 'Create an account');
    await page.getByLabel('Your time zone').fill('Atlantis');
    await page.getByText('No places match.').waitFor();
    await h.checkA11y(page, 'zone picker: nothing matches');
    expect(await page.locator('body').textContent()).not.toMatch(/Europe\/|Asia\//);
  });
});
