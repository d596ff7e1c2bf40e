import SwaggerParser from '@apidevtools/swagger-parser';
import { createCoordinator, createTestApp, signUp, TestApp } from './app';

describe('platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports database and Redis health without a token', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body.details).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('serves a valid OpenAPI 3 document and Swagger UI', async () => {
    const { body } = await t.http.get('/docs-json').expect(200);
    expect(body.openapi).toMatch(/^3\./);
    // validate() rejects a document that breaks the OpenAPI schema or has a $ref to nothing.
    const validated = await SwaggerParser.validate(structuredClone(body));
    expect(Object.keys(validated.paths ?? {})).toEqual(Object.keys(body.paths));
    await t.http.get('/docs').expect(200);
  });

  it('answers unknown routes with a problem+json 404', async () => {
    const res = await t.http.get('/v1/nothing-here').expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('echoes a request id on every response', async () => {
    const res = await t.http.get('/health').set('X-Request-Id', 'req-abcdef12').expect(200);
    expect(res.headers['x-request-id']).toBe('req-abcdef12');
    const generated = await t.http.get('/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  describe('audit trail', () => {
    it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
      const user = await signUp(t);
      const [row] = await t.db.query(
        `SELECT id FROM audit_event WHERE target_id = $1 AND action = 'account.created'`,
        [user.id],
      );
      expect(row).toBeDefined();
      await expect(
        t.db.query(`UPDATE audit_event SET action = 'x' WHERE id = $1`, [row.id]),
      ).rejects.toThrow(/append-only/);
      await expect(t.db.query(`DELETE FROM audit_event WHERE id = $1`, [row.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(t.db.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    });

    it('is readable by coordinators only, filtered by target and paginated', async () => {
      const coordinator = await createCoordinator(t);
      const volunteer = await signUp(t);
      await t.http.get('/v1/audit').set(volunteer.auth).expect(403);

      for (let i = 0; i < 3; i++) {
        await t.http
          .post('/v1/auth/login')
          .send({ email: volunteer.email, password: 'wrong one!!' });
      }
      const first = await t.http
        .get('/v1/audit')
        .query({ target: volunteer.id, limit: 2 })
        .set(coordinator.auth)
        .expect(200);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await t.http
        .get('/v1/audit')
        .query({ target: volunteer.id, limit: 2, cursor: first.body.nextCursor })
        .set(coordinator.auth)
        .expect(200);
      const all = [...first.body.items, ...second.body.items];
      expect(all.map((e: { action: string }) => e.action).sort()).toEqual([
        'account.created',
        'auth.login_failed',
        'auth.login_failed',
        'auth.login_failed',
      ]);
      expect(new Set(all.map((e: { id: string }) => e.id)).size).toBe(4);
    });
  });
});
