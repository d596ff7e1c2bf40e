import { DataSource } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { Role } from '../src/common/auth.decorators';
import { createCoordinator, createTestApp, signUp, TestApp, TestUser } from './app';

describe('people lookup by name or email (coordinator)', () => {
  let t: TestApp;
  let coordinator: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await createCoordinator(t);
  });
  afterAll(() => t.close());

  it('finds people by part of a name or email, audits each one found, and refuses others', async () => {
    const tag = `Q${Date.now().toString(36)}`;
    const zora = await signUp(t, Role.Volunteer, { name: `Zora ${tag}` });
    const buddy = await signUp(t, Role.Buddy, { name: `Yusuf ${tag}` });
    const search = (query: Record<string, string>) =>
      t.http.get('/v1/people').query(query).set(coordinator.auth);

    const byName = await search({ q: tag.toLowerCase() }).expect(200);
    expect(byName.body.items.map((p: { id: string }) => p.id)).toEqual([buddy.id, zora.id]);
    expect(byName.body.items[1]).toEqual({
      id: zora.id,
      name: `Zora ${tag}`,
      email: zora.email,
      role: 'volunteer',
    });
    const onlyVolunteers = await search({ q: tag, role: 'volunteer' }).expect(200);
    expect(onlyVolunteers.body.items.map((p: { id: string }) => p.id)).toEqual([zora.id]);
    const byEmail = await search({ q: zora.email.toUpperCase() }).expect(200);
    expect(byEmail.body.items.map((p: { id: string }) => p.id)).toEqual([zora.id]);
    await search({ q: '%' }).expect(400);
    const none = await search({ q: '%%' }).expect(200);
    expect(none.body.items).toEqual([]);

    const audited = await t.app.get(DataSource).getRepository(AuditEvent).findBy({
      actorId: coordinator.id,
      action: 'person.found',
    });
    expect(audited.map((a) => a.targetId).sort()).toEqual(
      [buddy.id, zora.id, zora.id, zora.id].sort(),
    );
    await t.http.get('/v1/people').query({ q: tag }).set(zora.auth).expect(403);
  });
});
