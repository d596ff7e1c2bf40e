import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../app/query';

/** My buddy requests no pairing came from yet, newest first. Shared cache key ['buddy-requests']. */
export function useOpenBuddyRequests(enabled = true) {
  return useQuery({
    queryKey: ['buddy-requests'],
    enabled,
    queryFn: async () => unwrap(await api.GET('/v1/me/buddy-requests')),
  });
}
