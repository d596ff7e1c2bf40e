import { createTestApp, signUp, TestApp } from './app';

describe('consent receipts at any time', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers the receipt of my past change again later, and 404 to anyone else', async () => {
    const sam = await signUp(t);
    const other = await signUp(t);
    const given = await t.http
      .post('/v1/me/consents')
      .set(sam.auth)
      .send({ purpose: 'sms_reminders', version: 1, granted: true })
      .expect(201);
    await t.http
      .post('/v1/me/consents')
      .set(sam.auth)
      .send({ purpose: 'sms_reminders', version: 1, granted: false })
      .expect(201);
    const history = (await t.http.get('/v1/me/consents').set(sam.auth).expect(200)).body
      .history as Array<{ id: string; granted: boolean }>;
    const grant = history.find((e) => e.granted)!;

    const again = await t.http.get(`/v1/me/consents/${grant.id}/receipt`).set(sam.auth).expect(200);
    expect(again.body).toEqual(given.body.receipt);
    expect(again.body.services[0].purposes[0]).toMatchObject({
      purposeId: 'sms_reminders',
      granted: true,
    });

    await t.http.get(`/v1/me/consents/${grant.id}/receipt`).set(other.auth).expect(404);
    await t.http.get('/v1/me/consents/not-an-id/receipt').set(sam.auth).expect(400);
  });
});
