import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AppRole } from '../../config/configuration';
import { Clock } from '../../src/common/clock';
import { createTestApp, type TestApp } from '../app';
import { internalTextOn } from './visible-words';

/** Debian's chromium (apt-get install chromium); playwright-core never downloads a browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
/** Where "Exit this page" sends people; answered locally because tests have no internet. */
export const EXIT_URL = 'https://www.bbc.co.uk/weather';

export interface BrowserHarness {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh context (own cookies) at a phone-or-laptop viewport. */
  newPage(options?: {
    width?: number;
    height?: number;
  }): Promise<{ page: Page; context: BrowserContext }>;
  /** axe with the WCAG 2.0/2.1/2.2 A and AA rules; fails the test on any violation at this step. */
  checkA11y(page: Page, step: string): Promise<void>;
  screenshot(page: Page, name: string): Promise<void>;
  /** Steps checked by axe so far, for the run's summary line. */
  steps: string[];
  close(): Promise<void>;
}

/** The real app (test/app.ts) listening on a free port and serving dist/web, plus Chromium. */
export async function startBrowser(
  options: { clock?: Clock; role?: AppRole } = {},
): Promise<BrowserHarness> {
  const t = await createTestApp({ clock: options.clock, role: options.role });
  await t.app.listen(0);
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  // localhost, not 127.0.0.1: Chromium treats it as a secure context, so Secure cookies work.
  const baseUrl = `http://localhost:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const steps: string[] = [];
  const contexts: BrowserContext[] = [];

  return {
    t,
    baseUrl,
    browser,
    steps,
    async newPage({ width = 1024, height = 800 } = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: { width, height },
        acceptDownloads: true,
        locale: 'en-GB',
        timezoneId: 'Europe/London',
      });
      contexts.push(context);
      // The browser's today is the server's: pages decide from it when a date needs its year.
      if (options.clock) await context.clock.install({ time: options.clock.now() });
      await context.route(/^https?:\/\/(?!localhost)/, (route) =>
        route.request().url().startsWith(EXIT_URL)
          ? route.fulfill({
              contentType: 'text/html',
              body: '<title>Weather</title><p>Weather</p>',
            })
          : route.abort(),
      );
      return { page: await context.newPage(), context };
    },
    async checkA11y(page, step) {
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      steps.push(step);
      const violations = results.violations.map((v) => ({
        step,
        rule: v.id,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(' ')),
      }));
      expect(violations).toEqual([]);
      // Every page every spec visits: no timestamp, internal key or language code reaches a person.
      expect({ step, internal: await internalTextOn(page) }).toEqual({ step, internal: [] });
    },
    async screenshot(page, name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
      await browser.close();
      await t.close();
    },
  };
}
