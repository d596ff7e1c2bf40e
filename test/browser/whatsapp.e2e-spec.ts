/// <reference lib="dom" />
import { Role } from '../../src/common/auth.decorators';
import { PASSWORD, signUp } from '../app';
import { uniquePhone } from '../notifications.fixtures';
import { startBrowser, type BrowserHarness } from './harness';

/** Choosing WhatsApp for texts on the account's texts page: consent asked for first. */
jest.setTimeout(180_000);

describe('web app: WhatsApp for texts (browser)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    process.env.WHATSAPP_ENABLED = 'true';
    h = await startBrowser();
  });
  afterAll(async () => {
    console.log(`axe: 0 violations in ${h.steps.length} checked steps (${h.steps.join(', ')})`);
    await h.close();
  });

  it('asks for WhatsApp consent before switching, at 360 px, by keyboard-usable form', async () => {
    const user = await signUp(h.t, Role.Volunteer, { phone: uniquePhone() });
    const { page } = await h.newPage({ width: 360, height: 800 });
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(user.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: /Hello/ }).waitFor();

    await page.goto('/account/texts');
    await page.getByRole('heading', { name: 'How we send your texts' }).waitFor();
    expect(await page.getByLabel('Text message (SMS)').isChecked()).toBe(true);
    await h.checkA11y(page, 'texts: channel');

    await page.getByLabel('WhatsApp', { exact: true }).check();
    await page.getByText('from our WhatsApp number').first().waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await h.checkA11y(page, 'texts: WhatsApp without agreeing');
    expect(await h.t.http.get('/v1/me/text-channel').set(user.auth)).toMatchObject({
      body: { channel: 'sms', chosen: false },
    });

    await page.getByLabel('I agree to WhatsApp messages').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Your texts will come by WhatsApp.').waitFor();
    await h.checkA11y(page, 'texts: WhatsApp chosen');
    const saved = await h.t.http.get('/v1/me/text-channel').set(user.auth);
    expect(saved.body).toMatchObject({ channel: 'whatsapp', chosen: true, whatsappConsent: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
  });
});
