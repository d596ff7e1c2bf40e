import { Role } from '../src/common/auth.decorators';
import { createCoordinator, createTestApp, signUp, TestApp, TestUser } from './app';
import { registeredRoutes, sampleUrl } from './routes';

/**
 * Who can reach each route. A change here shows up in review: adding a route means adding its line,
 * and making a route public means saying so in this file.
 */
const EXPECTED_ACCESS: Record<string, string> = {
  'GET /health': 'public',
  'GET /v1/audit': 'coordinator',
  'GET /v1/requests/unmatched': 'coordinator',
  'GET /v1/requests/unmatched/list': 'coordinator',
  'GET /v1/concerns': 'any signed-in',
  'GET /v1/concerns/{id}': 'any signed-in',
  'GET /v1/consent/purposes': 'public',
  'GET /v1/erasures': 'coordinator',
  'GET /v1/me': 'any signed-in',
  'GET /v1/me/availability': 'buddy,therapist',
  'PUT /v1/me/availability': 'buddy,therapist',
  'POST /v1/me/availability/exceptions': 'buddy,therapist',
  'POST /v1/me/availability/time-off': 'buddy,therapist',
  'DELETE /v1/me/availability/exceptions/{id}': 'buddy,therapist',
  'GET /v1/therapists/{id}/slots': 'any signed-in',
  'GET /v1/people': 'coordinator',
  'GET /v1/people/{userId}': 'coordinator',
  'GET /v1/people/{userId}/record': 'coordinator',
  'GET /v1/vetting': 'coordinator',
  'POST /v1/vetting/{userId}/suspend': 'coordinator',
  'POST /v1/vetting/{userId}/reject': 'coordinator',
  'POST /v1/vetting/{userId}/verify': 'coordinator',
  'PUT /v1/me/profile': 'buddy,therapist,volunteer',
  'PUT /v1/me/photo': 'therapist',
  'DELETE /v1/me/photo': 'therapist',
  'GET /v1/therapists/{id}/photo': 'any signed-in',
  'GET /v1/me/consents': 'any signed-in',
  'GET /v1/me/consents/{id}/receipt': 'any signed-in',
  'GET /v1/me/export': 'any signed-in',
  'GET /v1/me/notifications': 'any signed-in',
  'GET /v1/me/text-channel': 'any signed-in',
  'PUT /v1/me/text-channel': 'any signed-in',
  'GET /v1/me/message-preferences': 'buddy,therapist,volunteer',
  'PUT /v1/me/message-preferences': 'buddy,therapist,volunteer',
  'GET /v1/notifications': 'coordinator',
  'POST /v1/notifications/{id}/retry': 'coordinator',
  'POST /v1/auth/login': 'public',
  'POST /v1/auth/logout': 'public',
  'POST /v1/auth/refresh': 'public',
  'POST /v1/me/password': 'any signed-in',
  'PUT /v1/me/email': 'any signed-in',
  'POST /v1/me/phone/code': 'any signed-in',
  'POST /v1/me/phone/confirm': 'any signed-in',
  'PATCH /v1/me/account': 'any signed-in',
  'PATCH /v1/concerns/{id}': 'coordinator',
  'POST /v1/auth/register': 'public',
  'POST /v1/auth/confirm-email': 'public',
  'POST /v1/auth/password-reset': 'public',
  'POST /v1/auth/password-reset/complete': 'public',
  'POST /v1/people/{userId}/email-confirmation': 'coordinator',
  'POST /v1/concerns': 'any signed-in',
  'POST /v1/me/consents': 'any signed-in',
  'POST /v1/me/erasure': 'any signed-in',
  'POST /v1/people/{userId}/consents': 'coordinator',
  'GET /v1/session-requests/{id}/matches': 'coordinator,volunteer',
  'GET /v1/sessions': 'coordinator,therapist,volunteer',
  'GET /v1/sessions/{id}': 'coordinator,therapist,volunteer',
  'GET /v1/sessions/{id}/calendar.ics': 'coordinator,therapist,volunteer',
  'POST /v1/session-requests': 'volunteer',
  'GET /v1/me/session-requests': 'volunteer',
  'POST /v1/session-requests/{id}/withdraw': 'coordinator,volunteer',
  'POST /v1/sessions': 'volunteer',
  'POST /v1/sessions/{id}/cancel': 'coordinator,therapist,volunteer',
  'POST /v1/sessions/{id}/outcome': 'therapist',
  'POST /v1/sessions/{id}/reschedule': 'therapist,volunteer',
  'POST /v1/volunteers/{id}/session-grants': 'coordinator',
  // checkins
  'POST /v1/buddy-requests': 'volunteer',
  'GET /v1/me/buddy-requests': 'volunteer',
  'POST /v1/buddy-requests/{id}/withdraw': 'coordinator,volunteer',
  'GET /v1/buddy-requests/{id}/matches': 'coordinator,volunteer',
  'POST /v1/pairings': 'coordinator,volunteer',
  'GET /v1/pairings': 'buddy,coordinator,volunteer',
  'POST /v1/pairings/{id}/plan': 'buddy,coordinator,volunteer',
  'POST /v1/pairings/{id}/end': 'buddy,coordinator,volunteer',
  'GET /v1/check-ins': 'buddy,coordinator,volunteer',
  'GET /v1/check-ins/{id}': 'buddy,coordinator,volunteer',
  'POST /v1/check-ins/{id}/outcome': 'buddy',
  'POST /v1/check-ins/{id}/reschedule': 'buddy,volunteer',
  'POST /v1/check-ins/{id}/cancel': 'buddy,volunteer',
  // signed links: the code is the credential
  'GET /v1/links/{code}': 'public',
  'GET /v1/links/{code}/slots': 'public',
  'POST /v1/links/{code}/cancel': 'public',
  'POST /v1/links/{code}/reschedule': 'public',
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
      const res = await t.http[method.toLowerCase() as 'get'](sampleUrl(path)).send({});
      expect({ route, status: res.status }).toEqual({ route, status: 401 });
    }
  });

  it('answers 403 to every signed-in role a route does not allow', async () => {
    // One valid token per role. The guard runs before validation and before any lookup, so an
    // empty body and an unknown id are enough to reach it.
    const users: Record<Role, TestUser> = {
      [Role.Volunteer]: await signUp(t, Role.Volunteer),
      [Role.Therapist]: await signUp(t, Role.Therapist),
      [Role.Buddy]: await signUp(t, Role.Buddy),
      [Role.Coordinator]: await createCoordinator(t),
    };
    const checks = registeredRoutes(t.app).flatMap(({ route, refused }) =>
      refused.map((role) => ({ route, role })),
    );
    // Derived from EXPECTED_ACCESS above: a route open to fewer roles adds checks here.
    expect(checks).toHaveLength(
      Object.values(EXPECTED_ACCESS)
        .filter((access) => access !== 'public' && access !== 'any signed-in')
        .reduce((n, access) => n + Object.values(Role).length - access.split(',').length, 0),
    );
    for (const { route, role } of checks) {
      const [method, path] = route.split(' ');
      const res = await t.http[method.toLowerCase() as 'get'](sampleUrl(path))
        .set(users[role].auth)
        .send({});
      expect({ route, role, status: res.status, type: res.body.type }).toEqual({
        route,
        role,
        status: 403,
        type: '/problems/role-not-allowed',
      });
    }
  });
});
