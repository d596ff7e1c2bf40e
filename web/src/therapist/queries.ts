import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../app/query';

/** The largest photo the service keeps (300 KB). */
export const PHOTO_MAX_BYTES = 307_200;

/** A Blob as a `data:` URL: the CSP allows our own origin and data: images, nothing else. */
const dataUrl = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The photo could not be read'));
    reader.readAsDataURL(blob);
  });

/** A therapist's photo, fetched with the bearer token (an <img src> could not send it). */
export function useTherapistPhoto(therapistId: string, hasPhoto: boolean) {
  return useQuery({
    queryKey: ['therapist-photo', therapistId],
    enabled: hasPhoto,
    staleTime: Infinity,
    queryFn: async () =>
      dataUrl(
        unwrap(
          await api.GET('/v1/therapists/{id}/photo', {
            params: { path: { id: therapistId } },
            parseAs: 'blob',
          }),
        ),
      ),
  });
}

/** Saves or removes my photo, then reads my profile (its `hasPhoto`) and the photo again. */
export function usePhotoChange(therapistId: string) {
  const client = useQueryClient();
  const done = async () => {
    client.removeQueries({ queryKey: ['therapist-photo', therapistId] });
    await client.invalidateQueries({ queryKey: ['me'] });
  };
  const save = useMutation({
    mutationFn: async (file: File) =>
      unwrap(
        await api.PUT('/v1/me/photo', {
          body: file as unknown as string,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { 'Content-Type': file.type },
        }),
      ),
    onSuccess: done,
  });
  const remove = useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/v1/me/photo')),
    onSuccess: done,
  });
  return { save, remove };
}
