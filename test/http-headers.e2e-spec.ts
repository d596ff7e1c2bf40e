import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { WEB_ROOT } from '../src/app.module';
import { inlineSources } from '../src/common/security-headers';
import type { TestApp } from './app';
import { createTestApp } from './app';
import { TestClock } from './clock';
import { bookedSession, newCoordinator, therapist } from './factories/sessions';

/**
 * The browser-facing headers of issue #21, on the app as main.ts serves it (web root included):
 * security headers on every kind of response, no-store on personal data, and 404 for what the
 * web root does not have.
 */
describe('browser-facing headers, caching and 404s', () => {
  let t: TestApp;
  const clock = new TestClock('2027-02-20T12:00:00Z');

  beforeAll(async () => {
    if (!WEB_ROOT) throw new Error('dist/web is not built: run npm run web:build');
    t = await createTestApp({ clock });
  });
  afterAll(() => t?.close());

  /** The CSP as directive name -> sources. */
  const csp = (res: Response): Map<string, string[]> => {
    const header = res.headers['content-security-policy'] as string | undefined;
    expect(header).toBeDefined();
    return new Map(
      header!.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values];
      }),
    );
  };
  const sha256 = (text: string) =>
    `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

  describe('security headers', () => {
    const paths = [
      ['the web app', '/'],
      ['a pre-rendered page', '/sign-in'],
      [
        'an asset',
        `/assets/${readdirSync(join(WEB_ROOT ?? '', 'assets')).find((f) => f.endsWith('.js'))}`,
      ],
      ['the API', '/v1/consent/purposes'],
      ['an API error', '/v1/me'],
      ['an unknown page', '/no-such-page'],
      ['Swagger UI', '/docs'],
      ['the health check', '/health'],
      ['the queue dashboard, refused', '/admin/queues'],
    ];

    it.each(paths)('are on every response: %s (%s)', async (_what, path) => {
      const res = await t.http.get(path);
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
      });
      expect(res.headers['x-powered-by']).toBeUndefined();
      // Not production (NODE_ENV=test): no HSTS, which would pin localhost to https.
      expect(res.headers['strict-transport-security']).toBeUndefined();
      const policy = csp(res);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'none'"]);
      expect(policy.get('default-src')).toEqual(["'self'"]);
      const all = String(res.headers['content-security-policy']);
      expect(all).not.toContain("'unsafe-inline'");
      expect(all).not.toContain("'unsafe-eval'");
    });

    it.each([['/'], ['/sign-in'], ['/no-such-page']])(
      'allow each inline script and style of the page served at %s by its hash, and nothing else inline',
      async (path) => {
        const res = await t.http.get(path);
        const page = inlineSources(res.text);
        // The Exit this page script is inline in every page; the pre-render inlines the stylesheet.
        expect(page.scripts.join('')).toContain('exitThisPage');
        if (path === '/sign-in') expect(page.styles).toHaveLength(1);
        const policy = csp(res);
        expect(policy.get('script-src')).toEqual(
          expect.arrayContaining(["'self'", ...page.scripts.map(sha256)]),
        );
        expect(policy.get('style-src')).toEqual(
          expect.arrayContaining(["'self'", ...page.styles.map(sha256)]),
        );
        expect(page.styleAttributes).toEqual([]);
        expect(policy.get('style-src-attr')).toEqual(["'none'"]);
        expect(policy.get('script-src-attr')).toEqual(["'none'"]);
      },
    );

    it('give Swagger UI a policy computed from its own HTML and script: inline styles by hash, no inline script', async () => {
      const res = await t.http.get('/docs').expect(200);
      const page = inlineSources(res.text);
      expect(page.styles.length).toBeGreaterThan(0);
      expect(page.scripts).toEqual([]); // its init script is a file, /docs/swagger-ui-init.js
      const policy = csp(res);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      // Its own <style>s, and the one its script adds for the top bar's logo (an SVG).
      expect(policy.get('style-src')).toEqual([
        "'self'",
        ...new Set(page.styles.map(sha256)),
        sha256('.logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}'),
      ]);
      expect(policy.get('style-src-attr')).toEqual([
        "'unsafe-hashes'",
        ...new Set(page.styleAttributes.map(sha256)),
      ]);
    });
  });

  describe('caching', () => {
    it('no-store on every /v1 answer with personal data, the export, a session and its .ics', async () => {
      const coordinator = await newCoordinator(t);
      const th = await therapist(t, coordinator);
      const { id, volunteer } = await bookedSession(t, th, '2027-03-12T09:00:00Z');
      const answers = [
        await t.http.get('/v1/me').set(volunteer.auth).expect(200),
        await t.http.get('/v1/me/export').set(volunteer.auth).expect(200),
        await t.http.get(`/v1/sessions/${id}`).set(th.auth).expect(200),
        await t.http.get(`/v1/sessions/${id}/calendar.ics`).set(volunteer.auth).expect(200),
        // Errors too: the rule is set before the route runs.
        await t.http.get('/v1/me').expect(401),
      ];
      expect(answers.map((res) => res.headers['cache-control'])).toEqual(
        answers.map(() => 'no-store'),
      );
      // The therapist's view really carries the volunteer's phone: the reason for the rule.
      expect(JSON.stringify(answers[2].body)).toContain('+447911123456');
    });

    it('keeps the web app cacheable as before: hashed assets for a year, pages revalidated', async () => {
      const page = await t.http.get('/sign-in').expect(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)![1];
      const asset = await t.http.get(script).expect(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    });
  });

  describe('404s', () => {
    it.each([
      ['/assets/index-00000000.js'],
      ['/assets/index-00000000.js.map'],
      ['/assets/index-00000000.css'],
      ['/assets/no-such'],
      ['/main.js.map'],
      ['/volunteer/favicon.ico'],
    ])('an unknown file %s is 404 problem+json, not the app', async (path) => {
      const res = await t.http.get(path).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: '/problems/not-found', status: 404 });
      expect(res.text).not.toContain('<html');
    });

    it.each([['/no-such-page'], ['/volunteer/no-such-page'], ['/l/abc/extra'], ['/sign-in/x']])(
      'an unknown page %s is the app shell (which shows "Page not found") with 404',
      async (path) => {
        const res = await t.http.get(path).expect(404);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.headers['cache-control']).toBe('no-cache');
        expect(res.text).toContain('<div id="root">');
        expect(res.text).toMatch(/<script type="module"[^>]*src="\/assets\//);
      },
    );

    it.each([
      ['/'],
      ['/sign-up'],
      ['/account/'],
      ['/volunteer/sessions/8a6c4a3e-0000-4000-8000-000000000000'],
      ['/volunteer/requests/x/therapists/y'],
      ['/l/AAAAAAAAAAAAAAAAAAAAAA'],
      ['/coordinator/audit?actor=x'],
    ])('a page the router knows, %s, is 200', async (path) => {
      const res = await t.http.get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('id="root"');
    });

    it('HEAD of an unknown page or file is 404 too; other methods are the API’s 404', async () => {
      await t.http.head('/no-such-page').expect(404);
      await t.http.head('/assets/nope.js').expect(404);
      const posted = await t.http.post('/no-such-page').send({}).expect(404);
      expect(posted.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });
});
