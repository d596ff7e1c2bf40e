import fc from 'fast-check';
import { DateTime } from 'luxon';
import { zonedTime } from './zoned-time.view';

const ZONES = [
  'Europe/London',
  'Europe/Athens',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Etc/UTC',
  'UTC',
];

describe('zonedTime', () => {
  it('shows the clocks of the zone with its offset, as Luxon does, on any instant and zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...ZONES),
        fc.boolean(),
        (ms, zone, whole) => {
          const at = new Date(whole ? Math.floor(ms / 60_000) * 60_000 : ms);
          const luxon = DateTime.fromJSDate(at, { zone: zone === 'UTC' ? 'Etc/UTC' : zone });
          expect(zonedTime(at, zone)).toEqual({
            utc: at.toISOString(),
            local: luxon.toISO({ suppressMilliseconds: true }),
            timezone: zone,
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('writes the skipped and repeated hours of London as the clocks show them', () => {
    // 01:00Z on 28 March 2027: the clocks jump from 01:00 GMT to 02:00 BST.
    expect(zonedTime(new Date('2027-03-28T00:59:00Z'), 'Europe/London').local).toBe(
      '2027-03-28T00:59:00+00:00',
    );
    expect(zonedTime(new Date('2027-03-28T01:00:00Z'), 'Europe/London').local).toBe(
      '2027-03-28T02:00:00+01:00',
    );
    // 01:30 happens twice on 31 October 2027.
    expect(zonedTime(new Date('2027-10-31T00:30:00Z'), 'Europe/London').local).toBe(
      '2027-10-31T01:30:00+01:00',
    );
    expect(zonedTime(new Date('2027-10-31T01:30:00Z'), 'Europe/London').local).toBe(
      '2027-10-31T01:30:00+00:00',
    );
  });
});
