import { canMove, InvalidTransitionError, requireTransition } from './concern-status';
import { ConcernStatus } from './concern-types';

const all = Object.values(ConcernStatus);

describe('concern status transitions', () => {
  it('allows exactly the triage path', () => {
    const allowed = all.flatMap((from) =>
      all.filter((to) => canMove(from, to)).map((to) => `${from}->${to}`),
    );
    expect(allowed.sort()).toEqual([
      'open->triaged',
      'referred->closed',
      'triaged->closed',
      'triaged->referred',
    ]);
  });

  it('throws a 409 naming the allowed next steps', () => {
    expect(() => requireTransition(ConcernStatus.Open, ConcernStatus.Closed)).toThrow(
      InvalidTransitionError,
    );
    try {
      requireTransition(ConcernStatus.Triaged, ConcernStatus.Open);
      throw new Error('no error');
    } catch (error) {
      expect(error).toMatchObject({
        status: 409,
        code: 'invalid-transition',
        extra: { allowed: ['referred', 'closed'] },
      });
    }
  });
});
