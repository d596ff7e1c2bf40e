import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../app/query';

/** My account, profile and vetting, shared by the therapist and buddy pages through the cache. */
export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: async () => unwrap(await api.GET('/v1/me')) });
}
