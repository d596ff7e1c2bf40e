import { createTestApp, TestApp } from './app';
import { registeredRoutes } from './routes';

/**
 * Who can reach each route. A change here shows up in review: adding a route means adding its line,
 * and making a route public means saying so in this file.
 */
const EXPECTED_ACCESS: Record<string, string> = {
  'GET /health': 'public',
  'GET /v1/audit': 'coordinator',
  'GET /v1/me': 'any signed-in',
  'GET /v1/me/notifications': 'any signed-in',
  'GET /v1/notifications': 'coordinator',
  'POST /v1/auth/login': 'public',
  'POST /v1/auth/register': 'public',
  'POST /v1/webhooks/twilio/inbound': 'public',
  'POST /v1/webhooks/twilio/status': 'public',
};

describe('route access', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('declares who can reach every registered route', () => {
    const actual = Object.fromEntries(registeredRoutes(t.app).map((r) => [r.route, r.access]));
    expect(actual).toEqual(EXPECTED_ACCESS);
  });

  it('answers 401 without a token on every route that is not public', async () => {
    const routes = registeredRoutes(t.app).filter((r) => r.access !== 'public');
    expect(routes.length).toBeGreaterThan(0);
    for (const { route } of routes) {
      const [method, path] = route.split(' ');
      const url = path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.http[method.toLowerCase() as 'get'](url).send({});
      expect({ route, status: res.status }).toEqual({ route, status: 401 });
    }
  });
});
