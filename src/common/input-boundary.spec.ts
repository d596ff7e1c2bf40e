import { Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { MAX_JSON_DEPTH, refuseDeepJson } from './body-depth';
import { DomainError } from './domain-error';
import { badTextFields } from './input-text';
import { decodeCursor, encodeCursor } from './pagination';
import { RequestBodyError, toProblem } from './problem';
import {
  OutOfRangeError,
  requireDateInSpan,
  requirePastInstant,
  requireScheduledDate,
  requireScheduledInstant,
} from './time-range';
import { isInstant, isLocalDate } from './validators';

describe('isInstant', () => {
  it.each([
    '2027-03-20T18:00:00Z',
    '2027-03-20T18:00:00+02:00',
    '2027-03-20T18:00+02:00',
    '2027-03-20T18:00:00.123456789-14:00',
    '2027-03-20T18:00:00+14:00',
    '1900-01-01T00:00:00Z',
    '2999-12-31T23:59:59Z',
    '2028-02-29T00:00:00Z',
  ])('accepts %s', (value) => expect(isInstant(value)).toBe(true));

  it.each([
    '2027-03-20T18:00:00',
    '2027-03-20T18:00:00+14:01',
    '2027-03-20T18:00:00+99:00',
    '2027-03-20T18:00:00+02:60',
    '2027-03-20T18:00:00+0200',
    '2027-03-20 18:00:00Z',
    '2027-03-20T18:00:00z',
    '2027-03-20T24:00:00Z',
    '2027-02-29T00:00:00Z',
    '2026-W49-1T10:00:00Z',
    '0000-01-01T00:00:00Z',
    '1899-12-31T23:59:59Z',
    '9999-12-31T23:59:59Z',
    '+002027-03-20T18:00:00Z',
    20270320,
    null,
  ])('refuses %s', (value) => expect(isInstant(value)).toBe(false));
});

describe('isLocalDate', () => {
  it.each(['2027-03-20', '2028-02-29', '1900-01-01', '2999-12-31'])('accepts %s', (value) =>
    expect(isLocalDate(value)).toBe(true),
  );
  it.each([
    '2027-02-29',
    '2026-W49-1',
    '2026-335',
    '20270320',
    '0000-01-01',
    '9999-12-31',
    '2027-3-1',
  ])('refuses %s', (value) => expect(isLocalDate(value)).toBe(false));
});

describe('badTextFields', () => {
  it('names every string with a C0 control or a lone surrogate by its path', () => {
    const fields = badTextFields({
      name: 'a\u0000b',
      note: 'tab\there\r\nand lines',
      weekly: [{ start: '09:00' }, { start: '\u001b' }],
      emoji: '\ud83d\ude00',
      broken: ['\ud83d', 'x\ude00'],
    }).map((e) => e.field);
    expect(fields).toEqual(['name', 'weekly.1.start', 'broken.0', 'broken.1']);
  });

  it('names a route parameter or a bare value', () => {
    expect(badTextFields('a\u0001', 'id')).toEqual([expect.objectContaining({ field: 'id' })]);
    expect(badTextFields(undefined)).toEqual([]);
  });
});

describe('refuseDeepJson', () => {
  const nested = (depth: number) => Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`);

  it('allows 32 levels and refuses 33 as a 400 body error', () => {
    expect(() => refuseDeepJson(null, null, nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(() => refuseDeepJson(null, null, nested(MAX_JSON_DEPTH + 1))).toThrow(RequestBodyError);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = `{"a":"${'['.repeat(100)}\\"${'{'.repeat(100)}"}`;
    expect(() => refuseDeepJson(null, null, Buffer.from(text))).not.toThrow();
  });
});

describe('decodeCursor', () => {
  const id = '0b7f1c1e-8f2d-4a59-9d3c-5f1e2a3b4c5d';
  const b64 = (s: string) => Buffer.from(s).toString('base64url');

  it('reads back what encodeCursor wrote', () => {
    const at = new Date('2027-03-01T09:00:00.123Z');
    expect(decodeCursor(encodeCursor({ at, id }))).toEqual({ at, id });
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it.each([
    ['a uuid of dashes', b64('2027-03-01T09:00:00.000Z|------------------------------------')],
    ['an upper-case uuid', b64(`2027-03-01T09:00:00.000Z|${id.toUpperCase()}`)],
    ['a year past 9999', b64(`+275760-09-13T00:00:00.000Z|${id}`)],
    ['year 0000', b64(`0000-01-01T00:00:00.000Z|${id}`)],
    ['30 February', b64(`2027-02-30T00:00:00.000Z|${id}`)],
    ['an instant not in toISOString form', b64(`2027-03-01T09:00:00Z|${id}`)],
    ['a third part', b64(`2027-03-01T09:00:00.000Z|${id}|x`)],
    ['padding', `${b64(`2027-03-01T09:00:00.000Z|${id}`)}=`],
    ['text', 'hello world'],
  ])('refuses %s with /problems/bad-cursor', (_label, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(
      expect.objectContaining({ code: 'bad-cursor', status: 400 }) as DomainError,
    );
  });
});

describe('toProblem for client-caused database errors', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  const pg = (driverError: Record<string, unknown>) =>
    new QueryFailedError('INSERT ...', [], Object.assign(new Error('refused'), driverError));

  it.each(['22P02', '22007', '22008', '22021', '22001', '22003'])('answers %s with 400', (code) => {
    expect(toProblem(pg({ code }))).toMatchObject({ status: 400, type: '/problems/invalid-value' });
  });

  it('answers NOT NULL with 422 naming the field, CHECK and foreign keys with 422', () => {
    expect(toProblem(pg({ code: '23502', column: 'subject_description' }))).toMatchObject({
      status: 422,
      type: '/problems/constraint-violated',
      errors: [{ field: 'subjectDescription' }],
    });
    expect(toProblem(pg({ code: '23514', constraint: 'concern_subject' })).status).toBe(422);
    expect(toProblem(pg({ code: '23503' })).status).toBe(422);
  });

  it('leaves server faults a 500', () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    expect(toProblem(pg({ code: '42P01' })).status).toBe(500);
    expect(toProblem(pg({ code: '23505' })).status).toBe(500);
  });
});

describe('toProblem for body-parser errors', () => {
  it.each([
    ['entity.parse.failed', 400, '/problems/malformed-json'],
    ['entity.too.deep', 400, '/problems/body-too-deep'],
    ['entity.too.large', 413, '/problems/body-too-large'],
    ['encoding.unsupported', 415, '/problems/unsupported-encoding'],
    ['charset.unsupported', 415, '/problems/unsupported-charset'],
    ['request.aborted', 400, '/problems/request-aborted'],
    ['request.size.invalid', 400, '/problems/malformed-body'],
    ['parameters.too.many', 413, '/problems/body-too-large'],
  ])('maps %s to %i', (type, status, problem) => {
    expect(toProblem(new RequestBodyError(type, 400))).toMatchObject({ status, type: problem });
  });
});

describe('time ranges', () => {
  const now = new Date('2027-03-01T09:00:00Z');
  const refuses = (fn: () => void, field: string) =>
    expect(fn).toThrow(
      expect.objectContaining({
        code: 'out-of-range',
        status: 422,
        extra: { errors: [expect.objectContaining({ field })] },
      }) as OutOfRangeError,
    );

  it('keeps scheduled instants between now and two years ahead', () => {
    expect(() =>
      requireScheduledInstant(now, 'startsAt', new Date('2029-03-01T09:00:00Z')),
    ).not.toThrow();
    refuses(
      () => requireScheduledInstant(now, 'startsAt', new Date('2029-03-01T09:00:01Z')),
      'startsAt',
    );
    refuses(
      () => requireScheduledInstant(now, 'startsAt', new Date('2027-03-01T08:59:59Z')),
      'startsAt',
    );
  });

  it('keeps scheduled dates between today (in any zone) and two years ahead', () => {
    expect(() => requireScheduledDate(now, 'date', '2027-02-28')).not.toThrow();
    expect(() => requireScheduledDate(now, 'date', '2029-03-02')).not.toThrow();
    refuses(() => requireScheduledDate(now, 'date', '2027-02-27'), 'date');
    refuses(() => requireScheduledDate(now, 'date', '2029-03-03'), 'date');
  });

  it('keeps past facts before now plus five minutes of skew', () => {
    expect(() =>
      requirePastInstant(now, 'occurredAt', new Date('2027-03-01T09:05:00Z')),
    ).not.toThrow();
    expect(() =>
      requirePastInstant(now, 'occurredAt', new Date('1900-01-01T00:00:00Z')),
    ).not.toThrow();
    refuses(
      () => requirePastInstant(now, 'occurredAt', new Date('2027-03-01T09:05:01Z')),
      'occurredAt',
    );
  });

  it('keeps deployments between 1900 and two years ahead', () => {
    expect(() => requireDateInSpan(now, 'endsOn', '1900-01-01')).not.toThrow();
    refuses(() => requireDateInSpan(now, 'endsOn', '2029-03-03'), 'endsOn');
  });
});
