/// <reference lib="dom" />
import { Role } from '../../src/common/auth.decorators';
import { DeliveryService } from '../../src/notifications/delivery.service';
import { confirmEmail, PASSWORD, uniqueEmail } from '../app';
import { FakeTwilio } from '../fake-twilio';
import { startBrowser, type BrowserHarness } from './harness';

/**
 * A number typed as it is written in its country, then proven with the code we text: the home and
 * account pages say texts wait for it, the confirm page sends the code (read from a fake Twilio
 * through the real SDK) and takes it back.
 */
jest.setTimeout(240_000);

describe('web app: confirming a mobile number (browser)', () => {
  const fake = new FakeTwilio();
  let h: BrowserHarness;

  beforeAll(async () => {
    await fake.start();
    Object.assign(process.env, fake.env);
    h = await startBrowser();
  });
  afterAll(async () => {
    console.log(`axe: 0 violations in ${h.steps.length} checked steps (${h.steps.join(', ')})`);
    await h.close();
    await fake.stop();
  });

  /** Sends the person's pending texts as the worker would. */
  async function deliverTo(userId: string) {
    const rows = await h.t.db.query<Array<{ id: string }>>(
      `SELECT id FROM notification WHERE recipient_id = $1 AND status = 'pending'`,
      [userId],
    );
    for (const row of rows) await h.t.app.get(DeliveryService).deliver(row.id, new Date());
  }

  it('takes a number in its country, says texts wait, and confirms it with the texted code', async () => {
    const email = uniqueEmail('phone');
    await h.t.http
      .post('/v1/auth/register')
      .send({
        email,
        password: PASSWORD,
        role: Role.Volunteer,
        name: 'Amira Haddad',
        timezone: 'Europe/London',
      })
      .expect(202);
    // Following the mailed link is account-email.e2e's; here the address is confirmed directly.
    const id = await confirmEmail(h.t, email);
    const { page } = await h.newPage({ width: 360, height: 800 });
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: /Hello/ }).waitFor();

    // The profile: a Greek number, written as it is in Greece.
    await page.goto('/volunteer/profile');
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    await page.getByLabel('Languages you speak').fill('English');
    await page.getByLabel('Country of the number').selectOption('GR');
    await page.getByLabel('Number', { exact: true }).fill('691 234 5670');
    await page.getByLabel('Country of the number').selectOption('GB');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain(
      'Enter a mobile number from the United Kingdom, like 07400 123456',
    );
    await h.checkA11y(page, 'profile: number not of that country');
    await h.screenshot(page, 'phone-number-wrong-country');

    await page.getByLabel('Country of the number').selectOption('GR');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Your profile is saved.').waitFor();
    // Saved in E.164, and the profile page says texts wait for the number.
    expect(await page.getByTestId('phone-unconfirmed').innerText()).toContain('691 234 5670');
    expect(
      await h.t.db.query(`SELECT phone, phone_confirmed_at FROM account WHERE id = $1`, [id]),
    ).toEqual([{ phone: '+306912345670', phone_confirmed_at: null }]);
    await h.checkA11y(page, 'profile: saved, number not confirmed');
    await h.screenshot(page, 'phone-profile-saved');

    // Home says texts wait for the number, and where to confirm it.
    await page.goto('/volunteer');
    const notice = page.getByTestId('phone-unconfirmed');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('We will not text you yet');
    await h.checkA11y(page, 'home: number not confirmed');
    await h.screenshot(page, 'phone-home-unconfirmed');

    await notice.getByRole('link', { name: 'Confirm your number with a code' }).click();
    await page.getByRole('heading', { level: 1, name: 'Confirm your mobile number' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('691 234 5670');
    await h.checkA11y(page, 'confirm: before the code');
    await h.screenshot(page, 'phone-confirm-start');

    await page.getByRole('button', { name: 'Text me a code' }).click();
    await page.getByLabel('Code from the text').waitFor();
    await deliverTo(id);
    const text = fake.sentTo('+306912345670').pop()?.body ?? '';
    const code = /your code is (\d{6})\./.exec(text)?.[1];
    expect(code).toMatch(/^\d{6}$/);

    // A wrong code first: the error says so and links to the field.
    await page.getByLabel('Code from the text').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Confirm my number' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain(
      'That is not the code we sent',
    );
    await h.checkA11y(page, 'confirm: wrong code');
    await h.screenshot(page, 'phone-confirm-wrong-code');

    await page.getByLabel('Code from the text').fill(code!);
    await page.getByRole('button', { name: 'Confirm my number' }).click();
    await page.getByText('Your mobile number is confirmed.').waitFor();
    expect(await page.getByTestId('phone-unconfirmed').count()).toBe(0);
    await h.checkA11y(page, 'account: number confirmed');
    await h.screenshot(page, 'phone-account-confirmed');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
  });
});
