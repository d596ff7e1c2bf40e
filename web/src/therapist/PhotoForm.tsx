import { useRef, useState, type FormEvent } from 'react';
import { problemMessage } from '../api/client';
import { Button, ButtonGroup } from '../components/Button';
import { ErrorMessage } from '../components/Field';
import { PHOTO_MAX_BYTES, usePhotoChange } from './queries';
import { TherapistPhoto } from './TherapistPhoto';

/** Checks a file as the service will: a PNG or JPEG, 300 KB at most. Null when it will do. */
export function photoProblem(file: File | undefined): string | null {
  if (!file) return 'Choose a photo to upload';
  if (file.type !== 'image/png' && file.type !== 'image/jpeg')
    return 'Choose a photo saved as PNG or JPEG';
  if (file.size > PHOTO_MAX_BYTES) return 'Choose a photo smaller than 300 KB';
  return null;
}

/** A therapist's own photo: upload one, see it, remove it. Saved at once, apart from the profile. */
export function PhotoForm({
  therapistId,
  name,
  hasPhoto,
}: {
  therapistId: string;
  name: string;
  hasPhoto: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { save, remove } = usePhotoChange(therapistId);
  const upload = (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    const problem = photoProblem(file);
    setError(problem);
    setDone(null);
    if (problem || !file) return input.current?.focus();
    save.mutate(file, {
      onSuccess: () => {
        setDone('Your photo is saved. Volunteers see it when they choose someone to talk to.');
        if (input.current) input.current.value = '';
      },
      onError: (e) => setError(problemMessage(e)),
    });
  };
  return (
    <section aria-labelledby="photo-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="photo-heading">
        Your photo (optional)
      </h2>
      {done && (
        <p className="govuk-body" role="status">
          {done}
        </p>
      )}
      <TherapistPhoto therapistId={therapistId} name={name} hasPhoto={hasPhoto} />
      {hasPhoto && (
        <Button
          type="button"
          variant="secondary"
          disabled={remove.isPending}
          onClick={() =>
            remove.mutate(undefined, {
              onSuccess: () => setDone('Your photo is removed. Volunteers no longer see it.'),
              onError: (e) => setError(problemMessage(e)),
            })
          }
        >
          Remove photo
        </Button>
      )}
      <form noValidate onSubmit={upload}>
        <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor="photo">
            {hasPhoto ? 'Choose a new photo' : 'Choose a photo'}
          </label>
          <div id="photo-hint" className="govuk-hint">
            A PNG or JPEG file, up to 300 KB. Volunteers see it when they choose someone to talk to.
          </div>
          <ErrorMessage id="photo" message={error ?? undefined} />
          <input
            ref={input}
            id="photo"
            name="photo"
            type="file"
            accept="image/png,image/jpeg"
            className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
            aria-describedby={`photo-hint${error ? ' photo-error' : ''}`}
          />
        </div>
        <ButtonGroup>
          <Button variant="secondary" disabled={save.isPending}>
            Upload photo
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
