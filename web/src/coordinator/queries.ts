import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { queryClient, unwrap } from '../app/query';
import type { Page, PairingView } from '../buddy/views';

/** Lists are read 100 at a time (the API's page limit); a count shows "100+" when there is more. */
export const LIMIT = 100;

export const useVetting = (status: 'pending' | 'verified' | 'suspended' | 'expired') =>
  useQuery({
    queryKey: ['vetting', status],
    queryFn: async () =>
      unwrap(await api.GET('/v1/vetting', { params: { query: { status, limit: LIMIT } } })),
  });

export const useConcerns = (status?: 'open' | 'triaged' | 'referred' | 'closed') =>
  useQuery({
    queryKey: ['concerns', status ?? 'all'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/concerns', { params: { query: { status, limit: LIMIT } } })),
  });

export const useFailedTexts = () =>
  useQuery({
    queryKey: ['notifications', 'failed'],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/notifications', {
          params: { query: { status: 'failed', limit: LIMIT } },
        }),
      ),
  });

/** Sends a failed text again (back to the outbox); the failed list then reloads. */
export const useRetryText = () =>
  useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/v1/notifications/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });

export const useActivePairings = () =>
  useQuery({
    queryKey: ['pairings', 'active'],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/pairings', { params: { query: { status: 'active', limit: LIMIT } } }),
      ) as unknown as Page<PairingView>,
  });

/** Verified people whose checks lapse within this many days (the service warns them at 30). */
export const EXPIRING_DAYS = 30;

export function expiresSoon(expiresOn: string | null, now = new Date()): boolean {
  if (!expiresOn) return false;
  const limit = new Date(now.getTime() + EXPIRING_DAYS * 86_400_000).toISOString().slice(0, 10);
  return expiresOn <= limit;
}

export const count = (
  page: { items: unknown[]; nextCursor: string | null },
  n = page.items.length,
) => (page.nextCursor ? `${n}+` : String(n));

/** Session and buddy requests waiting over 7 days with no match. */
export const useUnmatched = () =>
  useQuery({
    queryKey: ['requests', 'unmatched'],
    queryFn: async () => unwrap(await api.GET('/v1/requests/unmatched')),
  });

/** The requests behind the unmatched counts, with names; each one shown is audited. */
export const useUnmatchedList = () =>
  useQuery({
    queryKey: ['requests', 'unmatched', 'list'],
    queryFn: async () => unwrap(await api.GET('/v1/requests/unmatched/list')),
  });

/** The ranked therapists for a volunteer's session request, as the volunteer would see them. */
export const useSessionMatches = (requestId: string, tz: string | undefined) =>
  useQuery({
    queryKey: ['session-requests', requestId, 'matches', tz],
    enabled: !!tz,
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/session-requests/{id}/matches', {
          params: { path: { id: requestId }, query: { tz } },
        }),
      ),
  });

/** The ranked buddies for a volunteer's buddy request. */
export const useBuddyMatches = (requestId: string) =>
  useQuery({
    queryKey: ['buddy-requests', requestId, 'matches'],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/buddy-requests/{id}/matches', { params: { path: { id: requestId } } }),
      ),
  });

/** The audit trail's filters, as the page keeps them in its address. */
export interface AuditFilters {
  actor?: string;
  target?: string;
  from?: string;
  to?: string;
  cursor?: string;
  /** Leave out the coordinator's own reads (the page's default). */
  hideMyReads: boolean;
}

/** Lines of the audit trail a page shows; "Older lines" reads the next ones. */
export const AUDIT_PAGE = 25;

/** The audit trail, newest first, with the names of the people each line names. */
export const useAuditTrail = ({ hideMyReads, ...filters }: AuditFilters) =>
  useQuery({
    queryKey: ['audit', filters, hideMyReads],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/audit', {
          params: {
            query: { ...filters, hideMyReads: hideMyReads ? 'true' : 'false', limit: AUDIT_PAGE },
          },
        }),
      ),
  });

/** One person's whole record: account, vetting, sessions, pairings and consents (audited). */
export const usePersonRecord = (userId: string) =>
  useQuery({
    queryKey: ['person', userId, 'record'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/people/{userId}/record', { params: { path: { userId } } })),
  });

/** People whose name or email contains `q` (2+ characters); each one found is audited. */
export const useFindPeople = (q: string) =>
  useQuery({
    queryKey: ['people', q],
    enabled: q.length >= 2,
    queryFn: async () => unwrap(await api.GET('/v1/people', { params: { query: { q } } })),
  });

/** Allows a volunteer one further session; the reason goes to the audit trail. */
export const useSessionGrant = (volunteerId: string) =>
  useMutation({
    mutationFn: async (reason: string) =>
      unwrap(
        await api.POST('/v1/volunteers/{id}/session-grants', {
          params: { path: { id: volunteerId } },
          body: { reason },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['person', volunteerId] }),
  });
