import { BadRequestException, HttpStatus, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ConflictError } from './domain-error';
import { toProblem, ValidationFailedException } from './problem';

describe('toProblem', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));

  it('maps a domain error to its code, status and extensions', () => {
    const problem = toProblem(
      new ConflictError('slot-taken', 'That slot was just taken.', { slot: 'x' }),
    );
    expect(problem).toEqual({
      type: '/problems/slot-taken',
      title: 'Conflict with current state',
      status: 409,
      detail: 'That slot was just taken.',
      slot: 'x',
    });
  });

  it('lists every bad field of a validation failure', () => {
    const problem = toProblem(
      new ValidationFailedException([{ field: 'timezone', message: 'must be an IANA zone' }]),
    );
    expect(problem).toMatchObject({ status: 400, errors: [{ field: 'timezone' }] });
  });

  it('hides internals of an unexpected error behind an id', () => {
    const error = new QueryFailedError(
      'SELECT secret FROM account',
      [],
      new Error('boom at line 3'),
    );
    const problem = toProblem(error);
    expect(problem).toMatchObject({ status: 500, errorId: expect.any(String) });
    expect(JSON.stringify(problem)).not.toMatch(/secret|boom|SELECT/);
  });

  it('keeps client HTTP errors as they are', () => {
    expect(toProblem(new BadRequestException('nope'))).toMatchObject({
      status: 400,
      detail: 'nope',
    });
    expect(toProblem(new Error('x')).status).toBe(HttpStatus.INTERNAL_SERVER_ERROR);
  });
});
