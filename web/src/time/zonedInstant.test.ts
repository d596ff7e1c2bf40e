import { describe, expect, it } from 'vitest';
import { parseClock, zonedInstant } from './zonedInstant';

describe('zonedInstant', () => {
  it('reads a wall time in the zone given, not the browser’s', () => {
    expect(zonedInstant('2027-03-06', '18:00', 'Europe/Athens')).toBe('2027-03-06T16:00:00.000Z');
    expect(zonedInstant('2027-07-06', '18:00', 'Europe/London')).toBe('2027-07-06T17:00:00.000Z');
    expect(zonedInstant('2027-07-06', '09:30', 'Asia/Kolkata')).toBe('2027-07-06T04:00:00.000Z');
  });

  it('has no answer for a time the clocks skip, and takes the first of a time they repeat', () => {
    expect(zonedInstant('2027-03-28', '01:30', 'Europe/London')).toBeNull();
    expect(zonedInstant('2027-03-28', '02:30', 'Europe/London')).toBe('2027-03-28T01:30:00.000Z');
    expect(zonedInstant('2027-10-31', '01:30', 'Europe/London')).toBe('2027-10-31T00:30:00.000Z');
    expect(zonedInstant('2027-10-31', '03:30', 'Europe/Athens')).toBe('2027-10-31T00:30:00.000Z');
  });
});

describe('parseClock', () => {
  it('accepts the ways people type a 24-hour time, and nothing else', () => {
    expect(['18:30', '1830', '18.30', '9:05', ' 07:00 '].map(parseClock)).toEqual([
      '18:30',
      '18:30',
      '18:30',
      '09:05',
      '07:00',
    ]);
    expect(['24:00', '18:60', '6pm', '', '18:3'].map(parseClock)).toEqual(Array(5).fill(null));
  });
});
