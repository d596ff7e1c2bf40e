import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../app/query';

const DAY_MS = 86_400_000;

/** My calls from two weeks ago (those still to log) to four weeks ahead. */
export function useCalls() {
  return useQuery({
    queryKey: ['check-ins'],
    queryFn: async () => {
      const now = Date.now();
      const query = {
        from: new Date(now - 14 * DAY_MS).toISOString(),
        to: new Date(now + 28 * DAY_MS).toISOString(),
        limit: 100,
      };
      return unwrap(await api.GET('/v1/check-ins', { params: { query } }));
    },
  });
}

export function usePairings(status: 'active' | 'ended' = 'active') {
  return useQuery({
    queryKey: ['pairings', status],
    queryFn: async () =>
      unwrap(await api.GET('/v1/pairings', { params: { query: { status, limit: 100 } } })),
  });
}
