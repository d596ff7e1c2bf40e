/** Server state stays the server's: one small query cache (TanStack Query) shared by every page. */
import { QueryClient } from '@tanstack/react-query';
import type { Problem } from '../api/client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

/** A failed call, carrying the service's problem details for the page to show. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status ?? ''}`);
  }
}

/**
 * Unwraps an openapi-fetch result for useQuery/useMutation: the data, or throws the problem so the
 * page shows it.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(
      (result.error as Problem | undefined) ?? {
        status: result.response.status,
        title: result.response.statusText,
      },
    );
  }
  return result.data as T;
}
