import { useTherapistPhoto } from './queries';

/** A therapist's photo, when they gave one, with words a screen reader says ("Photo of Helen"). */
export function TherapistPhoto({
  therapistId,
  name,
  hasPhoto,
}: {
  therapistId: string;
  name: string;
  hasPhoto: boolean;
}) {
  const photo = useTherapistPhoto(therapistId, hasPhoto);
  if (!hasPhoto || !photo.data) return null;
  return (
    <img
      className="app-therapist-photo"
      src={photo.data}
      alt={`Photo of ${name}`}
      width={120}
      height={120}
    />
  );
}
