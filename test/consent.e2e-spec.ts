import { AuditEvent } from '../src/audit/audit-event.entity';
import { DomainEventMap, DomainEvents } from '../src/common/domain-events.service';
import { ConsentPurpose } from '../src/consent/consent-purpose';
import { ConsentService } from '../src/consent/consent.service';
import { createCoordinator, createTestApp, signUp, TestApp, TestUser } from './app';

/** A purpose that exists only in this run's database, so bumping its version disturbs no one. */
const PROBE = 'reconsent_probe' as ConsentPurpose;

describe('consent', () => {
  let t: TestApp;
  let consent: ConsentService;
  const withdrawn: Array<DomainEventMap['consent.withdrawn']> = [];

  beforeAll(async () => {
    t = await createTestApp();
    consent = t.app.get(ConsentService);
    t.app.get(DomainEvents).on('consent.withdrawn', async (payload, em) => {
      // Handlers run inside the publisher's transaction; record only what proves it.
      if (em.queryRunner?.isTransactionActive) withdrawn.push(payload);
      return Promise.resolve();
    });
  });
  afterAll(() => t.close());

  const choose = (user: TestUser, body: Record<string, unknown>) =>
    t.http
      .post('/v1/me/consents')
      .set(user.auth)
      .set('User-Agent', 'vws-test-agent/1.0')
      .send(body);
  const mine = async (user: TestUser) =>
    (await t.http.get('/v1/me/consents').set(user.auth).expect(200)).body;

  it('publishes every purpose with its current version and text, without a token', async () => {
    const res = await t.http.get('/v1/consent/purposes').expect(200);
    const byName = Object.fromEntries(res.body.map((p: { purpose: string }) => [p.purpose, p]));
    for (const purpose of Object.values(ConsentPurpose)) {
      expect(byName[purpose]).toMatchObject({
        currentVersion: 1,
        title: expect.any(String),
        text: expect.stringMatching(/\w{5,}/),
        requiresReconsent: false,
        minimumValidVersion: 1,
      });
    }
  });

  it('grants with a receipt and hashed evidence, then withdraws at once', async () => {
    const user = await signUp(t);
    expect(await consent.hasConsent(user.id, ConsentPurpose.DataProcessing)).toBe(false);

    const granted = await choose(user, { purpose: 'data_processing', version: 1, granted: true });
    expect(granted.status).toBe(201);
    expect(granted.body.state).toMatchObject({ purpose: 'data_processing', valid: true });
    expect(granted.body.receipt).toMatchObject({
      version: 'KI-CR-v1.1.0',
      consentReceiptID: expect.stringMatching(/^[0-9a-f-]{36}$/),
      consentTimestamp: expect.any(Number),
      piiPrincipalId: user.id,
      collectionMethod: expect.stringMatching(/^Web form/),
      piiControllers: [expect.objectContaining({ piiController: expect.any(String) })],
      services: [
        expect.objectContaining({
          purposes: [
            expect.objectContaining({ purposeId: 'data_processing', version: 1, granted: true }),
          ],
        }),
      ],
    });
    expect(await consent.hasConsent(user.id, ConsentPurpose.DataProcessing)).toBe(true);

    const [row] = await t.db.query(
      `SELECT channel, recorded_by, evidence FROM consent_event WHERE id = $1`,
      [granted.body.receipt.consentReceiptID],
    );
    expect(row).toMatchObject({ channel: 'web', recorded_by: null });
    expect(row.evidence).toEqual({
      method: 'hmac-sha256',
      ip: expect.stringMatching(/^[0-9a-f]{64}$/),
      userAgent: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(JSON.stringify(row.evidence)).not.toMatch(/127\.0\.0\.1|vws-test-agent/);

    const off = await choose(user, { purpose: 'data_processing', version: 1, granted: false });
    expect(off.status).toBe(201);
    expect(off.body.state).toMatchObject({ granted: false, valid: false });
    expect(off.body.receipt.services[0].purposes[0].granted).toBe(false);
    expect(await consent.hasConsent(user.id, ConsentPurpose.DataProcessing)).toBe(false);
    expect(withdrawn).toContainEqual({ userId: user.id, purpose: 'data_processing' });

    const overview = await mine(user);
    expect(overview.history.map((e: { granted: boolean }) => e.granted)).toEqual([true, false]);
    expect(overview.purposes).toContainEqual(
      expect.objectContaining({ purpose: 'data_processing', granted: false, version: 1 }),
    );
  });

  it('records a withdrawal of something never granted, as intent', async () => {
    const user = await signUp(t);
    await choose(user, { purpose: 'sms_reminders', version: 1, granted: false }).expect(201);
    const overview = await mine(user);
    expect(overview.history).toEqual([
      expect.objectContaining({ purpose: 'sms_reminders', granted: false, channel: 'web' }),
    ]);
    expect(withdrawn).toContainEqual({ userId: user.id, purpose: 'sms_reminders' });
  });

  it('gates: 403 consent-missing naming the purpose before, passes after', async () => {
    const user = await signUp(t);
    const missing = consent.requireConsent(user.id, ConsentPurpose.ShareWithBuddy);
    await expect(missing).rejects.toMatchObject({
      status: 403,
      code: 'consent-missing',
      extra: { purpose: 'share_with_buddy' },
    });
    await choose(user, { purpose: 'share_with_buddy', version: 1, granted: true }).expect(201);
    await expect(
      consent.requireConsent(user.id, ConsentPurpose.ShareWithBuddy),
    ).resolves.toBeUndefined();
  });

  it('treats consent to a version before one that requires re-consent as missing', async () => {
    const insertText = (version: number, requiresReconsent: boolean) =>
      t.db.query(
        `INSERT INTO consent_text (purpose, version, title, text, requires_reconsent)
         VALUES ($1, $2::int, 'Probe', 'Probe text, version ' || $2::int, $3)`,
        [PROBE, version, requiresReconsent],
      );
    await insertText(1, false);
    const user = await signUp(t);
    await choose(user, { purpose: PROBE, version: 1, granted: true }).expect(201);
    expect(await consent.hasConsent(user.id, PROBE)).toBe(true);

    await insertText(2, true);
    const purposes = (await t.http.get('/v1/consent/purposes').expect(200)).body;
    expect(purposes).toContainEqual(
      expect.objectContaining({
        purpose: PROBE,
        currentVersion: 2,
        requiresReconsent: true,
        minimumValidVersion: 2,
      }),
    );
    expect(await consent.hasConsent(user.id, PROBE)).toBe(false);
    expect((await mine(user)).purposes).toContainEqual(
      expect.objectContaining({
        purpose: PROBE,
        granted: true,
        valid: false,
        needsReconsent: true,
      }),
    );

    const stale = await choose(user, { purpose: PROBE, version: 1, granted: true }).expect(409);
    expect(stale.body).toMatchObject({
      type: '/problems/stale-consent-version',
      currentVersion: 2,
    });
    await choose(user, { purpose: PROBE, version: 2, granted: true }).expect(201);
    expect(await consent.hasConsent(user.id, PROBE)).toBe(true);

    // A later version that does not ask for fresh consent leaves version-2 consent valid.
    await insertText(3, false);
    expect(await consent.hasConsent(user.id, PROBE)).toBe(true);
    // Withdrawing may name an older version: as easy as agreeing.
    await choose(user, { purpose: PROBE, version: 1, granted: false }).expect(201);
    expect(await consent.hasConsent(user.id, PROBE)).toBe(false);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the ledger', async () => {
    const user = await signUp(t);
    const res = await choose(user, { purpose: 'sms_reminders', version: 1, granted: true });
    const id = res.body.receipt.consentReceiptID as string;
    await expect(
      t.db.query(`UPDATE consent_event SET granted = false WHERE id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM consent_event WHERE id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query(`TRUNCATE consent_event CASCADE`)).rejects.toThrow(/append-only/);
    const [row] = await t.db.query(`SELECT granted FROM consent_event WHERE id = $1`, [id]);
    expect(row.granted).toBe(true);
  });

  it.each([
    [
      'unknown purpose',
      { purpose: 'sell_my_data', version: 1, granted: true },
      'unknown-consent-purpose',
    ],
    [
      'unknown version',
      { purpose: 'data_processing', version: 99, granted: true },
      'unknown-consent-version',
    ],
    [
      'withdrawal of an unknown version',
      { purpose: 'data_processing', version: 7, granted: false },
      'unknown-consent-version',
    ],
    [
      'malformed purpose',
      { purpose: 'Data Processing!', version: 1, granted: true },
      'validation-failed',
    ],
    [
      'version as text',
      { purpose: 'data_processing', version: '1', granted: true },
      'validation-failed',
    ],
    ['missing granted', { purpose: 'data_processing', version: 1 }, 'validation-failed'],
    [
      'unknown field',
      { purpose: 'data_processing', version: 1, granted: true, channel: 'sms' },
      'validation-failed',
    ],
  ])('answers %s with 400 and writes nothing', async (_case, body, type) => {
    const user = await signUp(t);
    const res = await choose(user, body).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.type).toBe(`/problems/${type}`);
    const rows = await t.db.query(`SELECT 1 FROM consent_event WHERE subject_id = $1`, [user.id]);
    expect(rows).toHaveLength(0);
  });

  it('shows each person only their own consents', async () => {
    const [a, b] = [await signUp(t), await signUp(t)];
    await choose(a, { purpose: 'data_processing', version: 1, granted: true }).expect(201);
    const other = await mine(b);
    expect(other.history).toEqual([]);
    expect(other.purposes.every((p: { granted: boolean }) => !p.granted)).toBe(true);
    await t.http.post(`/v1/people/${a.id}/consents`).set(b.auth).send({}).expect(403);
  });

  describe('recorded by a coordinator on a phone call', () => {
    let coordinator: TestUser;
    beforeAll(async () => {
      coordinator = await createCoordinator(t);
    });
    const record = (by: TestUser, userId: string, body: Record<string, unknown>) =>
      t.http.post(`/v1/people/${userId}/consents`).set(by.auth).send(body);

    it('appends with channel coordinator and recordedBy, and audits it with the request id', async () => {
      const volunteer = await signUp(t);
      const res = await record(coordinator, volunteer.id, {
        purpose: 'sms_reminders',
        version: 1,
        granted: true,
      })
        .set('X-Request-Id', `req-consent-${volunteer.id.slice(0, 8)}`)
        .expect(201);
      expect(res.body.receipt).toMatchObject({
        piiPrincipalId: volunteer.id,
        collectionMethod: 'Telephone call, recorded by a coordinator',
      });
      expect((await mine(volunteer)).history).toEqual([
        expect.objectContaining({ channel: 'coordinator', recordedBy: coordinator.id }),
      ]);
      const audit = await t.db.getRepository(AuditEvent).findBy({
        targetId: volunteer.id,
        action: 'consent.granted',
      });
      expect(audit).toEqual([
        expect.objectContaining({
          actorId: coordinator.id,
          actorRole: 'coordinator',
          requestId: `req-consent-${volunteer.id.slice(0, 8)}`,
          details: expect.objectContaining({ purpose: 'sms_reminders', channel: 'coordinator' }),
        }),
      ]);
    });

    it('answers 403 to a volunteer, 404 for an unknown person, 400 for a malformed id', async () => {
      const volunteer = await signUp(t);
      const body = { purpose: 'sms_reminders', version: 1, granted: true };
      await record(volunteer, volunteer.id, body).expect(403);
      await record(coordinator, '4b7e8d2a-1111-4222-8333-944455556666', body).expect(404);
      await record(coordinator, 'not-a-uuid', body).expect(400);
      expect((await mine(volunteer)).history).toEqual([]);
    });
  });

  describe('a purpose the service does not use (WhatsApp while WHATSAPP_ENABLED is off)', () => {
    it('says so in the catalog and refuses to record agreement in plain words', async () => {
      const purposes = (await t.http.get('/v1/consent/purposes').expect(200)).body as Array<{
        purpose: string;
        offered: boolean;
      }>;
      expect(purposes.find((p) => p.purpose === 'whatsapp_messages')?.offered).toBe(false);
      expect(purposes.find((p) => p.purpose === 'sms_reminders')?.offered).toBe(true);

      const user = await signUp(t);
      const refused = await choose(user, {
        purpose: 'whatsapp_messages',
        version: 1,
        granted: true,
      }).expect(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toMatchObject({
        type: '/problems/purpose-not-offered',
        detail:
          'This service does not use “WhatsApp messages” at the moment, so there is nothing to agree to.',
      });
      expect((await mine(user)).history).toEqual([]);

      // Withdrawing stays possible, as withdrawing must always be.
      await choose(user, { purpose: 'whatsapp_messages', version: 1, granted: false }).expect(201);
    });
  });
});
