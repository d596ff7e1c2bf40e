/** The sessions domain's server calls: typed calls, their cache keys and what each change refreshes. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { queryClient, unwrap } from '../app/query';

export const sessionKeys = {
  mine: (zone: string | undefined) => ['sessions', zone] as const,
  all: ['sessions'] as const,
  openRequest: ['session-requests', 'open'] as const,
  matches: (id: string, zone: string | undefined) => ['matches', id, zone] as const,
};

/** My sessions, times in `zone`. */
export function useSessions(zone: string | undefined) {
  return useQuery({
    queryKey: sessionKeys.mine(zone),
    enabled: !!zone,
    queryFn: async () => unwrap(await api.GET('/v1/sessions', { params: { query: { tz: zone } } })),
  });
}

/** My open session request, if any (at most one). */
export function useOpenSessionRequest(enabled = true) {
  return useQuery({
    queryKey: sessionKeys.openRequest,
    enabled,
    // Asking, booking and cancelling all change it: read it afresh on every page that shows it.
    staleTime: 0,
    queryFn: async () => unwrap(await api.GET('/v1/me/session-requests')).items[0] ?? null,
  });
}

/** Takes back my open request; home then offers to ask again. */
export function useWithdrawSessionRequest() {
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/v1/session-requests/{id}/withdraw', { params: { path: { id } } })),
    onSuccess: () => {
      // Gone at once, so no page shows the withdrawn request while the list refreshes.
      queryClient.setQueryData(sessionKeys.openRequest, null);
      return queryClient.invalidateQueries({ queryKey: ['session-requests'] });
    },
  });
}

/** Therapists who fit my request, best first, with their next free times in `zone`. */
export function useSessionMatches(id: string, zone: string | undefined) {
  return useQuery({
    queryKey: sessionKeys.matches(id, zone),
    enabled: !!zone,
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/session-requests/{id}/matches', {
          params: { path: { id }, query: { tz: zone } },
        }),
      ),
  });
}

/** One of my sessions, times in `zone`: with the other person's name and how to join. */
export function useSession(id: string, zone: string | undefined) {
  return useQuery({
    queryKey: ['session', id, zone],
    enabled: !!zone,
    queryFn: async () =>
      unwrap(await api.GET('/v1/sessions/{id}', { params: { path: { id }, query: { tz: zone } } })),
  });
}

/** Cancels a session with a reason the other person is shown; my lists are read afresh. */
export function useCancelSession(id: string) {
  return useMutation({
    mutationFn: async (reason: string) =>
      unwrap(
        await api.POST('/v1/sessions/{id}/cancel', { params: { path: { id } }, body: { reason } }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['session', id] });
      await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['session-requests'] });
    },
  });
}
