import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { queryClient, unwrap } from '../app/query';

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

/** My open buddy request, if any (at most one). */
export function useOpenBuddyRequests(enabled = true) {
  return useQuery({
    queryKey: ['buddy-requests'],
    enabled,
    // Asking, pairing and withdrawing all change it: read it afresh on every page that shows it.
    staleTime: 0,
    queryFn: async () => unwrap(await api.GET('/v1/me/buddy-requests')),
  });
}

/** Takes back my open buddy request. */
export function useWithdrawBuddyRequest() {
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/v1/buddy-requests/{id}/withdraw', { params: { path: { id } } })),
    onSuccess: () => {
      // Gone at once, so no page shows the withdrawn request while the list refreshes.
      queryClient.setQueryData(['buddy-requests'], { items: [] });
      return queryClient.invalidateQueries({ queryKey: ['buddy-requests'] });
    },
  });
}
