/** The availability domain's server calls: my weekly hours, days off and time off. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { queryClient, unwrap } from '../app/query';
import { sessionKeys } from '../sessions/queries';

export const availabilityKeys = { mine: ['availability'] as const };

export type CoveredSessionChoice = 'keep' | 'cancel';

/** My weekly hours and date exceptions, in my availability zone. */
export function useMyAvailability() {
  return useQuery({
    queryKey: availabilityKeys.mine,
    queryFn: async () => unwrap(await api.GET('/v1/me/availability')),
  });
}

/** Replaces my weekly hours. */
export function useSaveWeekly() {
  return useMutation({
    mutationFn: async (body: Schemas['PutAvailabilityDto']) =>
      unwrap(await api.PUT('/v1/me/availability', { body })),
    onSuccess: (data) => queryClient.setQueryData(availabilityKeys.mine, data),
  });
}

/** A change to days off may cancel sessions: both lists are read afresh. */
const refreshAfterDaysOff = () =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: availabilityKeys.mine }),
    queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  ]);

/** Time off from one date to another (both included); 409 lists booked sessions inside it. */
export async function setTimeOff(body: Schemas['TimeOffDto']) {
  const result = unwrap(await api.POST('/v1/me/availability/time-off', { body }));
  await refreshAfterDaysOff();
  return result;
}

/** One date with its own hours; 409 lists booked sessions left outside them. */
export async function setDayHours(body: Schemas['AvailabilityExceptionDto']) {
  const result = unwrap(await api.POST('/v1/me/availability/exceptions', { body }));
  await refreshAfterDaysOff();
  return result;
}

/** The date follows the weekly hours again. */
export function useRemoveException() {
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE('/v1/me/availability/exceptions/{id}', { params: { path: { id } } })),
    onSuccess: refreshAfterDaysOff,
  });
}
