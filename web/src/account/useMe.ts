import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../app/query';

/** The signed-in person (GET /v1/me): name, zone, role and profile. Shared cache key ['me']. */
export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: async () => unwrap(await api.GET('/v1/me')) });
}
