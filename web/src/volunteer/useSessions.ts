import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../app/query';

/** My sessions, times in `zone`. Shared cache key ['sessions', zone]. */
export function useSessions(zone: string | undefined) {
  return useQuery({
    queryKey: ['sessions', zone],
    enabled: !!zone,
    queryFn: async () => unwrap(await api.GET('/v1/sessions', { params: { query: { tz: zone } } })),
  });
}
