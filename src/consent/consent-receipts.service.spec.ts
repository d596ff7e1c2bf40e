import { buildReceipt } from './consent-receipts.service';
import { ConsentChannel } from './consent-purpose';

describe('buildReceipt', () => {
  const controller = {
    name: 'VWS',
    email: 'privacy@example.org',
    policyUrl: 'https://vws.example/v1/consent/purposes',
  };
  const event = {
    id: '1c6b1c1e-0000-4000-8000-000000000001',
    subjectId: '1c6b1c1e-0000-4000-8000-000000000002',
    purpose: 'share_with_buddy',
    version: 3,
    granted: true,
    channel: ConsentChannel.Coordinator,
    at: new Date('2026-03-29T00:30:15.250Z'),
  };

  it('carries the Kantara fields: receipt id, timestamp, controller, subject, purpose, method', () => {
    const receipt = buildReceipt(event, 'Sharing with your buddy', controller);
    expect(receipt).toMatchObject({
      version: 'KI-CR-v1.1.0',
      consentReceiptID: event.id,
      consentTimestamp: 1774744215,
      consentAt: '2026-03-29T00:30:15.250Z',
      piiPrincipalId: event.subjectId,
      collectionMethod: 'Telephone call, recorded by a coordinator',
      piiControllers: [{ piiController: 'VWS', email: 'privacy@example.org' }],
      policyUrl: controller.policyUrl,
      sensitive: true,
    });
    expect(receipt.services[0].purposes).toEqual([
      expect.objectContaining({
        purpose: 'Sharing with your buddy',
        purposeId: 'share_with_buddy',
        version: 3,
        granted: true,
        thirdPartyDisclosure: true,
        primaryPurpose: false,
      }),
    ]);
  });

  it('records a withdrawal as not granted and names no person', () => {
    const receipt = buildReceipt(
      { ...event, granted: false, channel: ConsentChannel.Web },
      'x',
      controller,
    );
    expect(receipt.services[0].purposes[0].granted).toBe(false);
    expect(receipt.collectionMethod).toMatch(/^Web form/);
  });
});
