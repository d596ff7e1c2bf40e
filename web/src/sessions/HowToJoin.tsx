import type { Schemas } from '../api/client';

type Session = Schemas['SessionView'];

/** "Helen Smith" -> "Helen": how a page names the other person in a sentence. */
export const firstNameOf = (name: string | null | undefined, fallback: string) =>
  name?.trim().split(/\s+/)[0] || fallback;

/**
 * How to join a booked session, for the person reading: the video link, who calls whom on which
 * number, or the address. `reader` decides the sentence ("Helen will call you" / "You call Amira").
 */
export function HowToJoin({
  session,
  reader,
}: {
  session: Session;
  reader: 'volunteer' | 'therapist';
}) {
  const m = session.meeting;
  const therapist = firstNameOf(session.therapistName, 'The person you booked with');
  const volunteer = firstNameOf(session.volunteerName, 'the volunteer');
  if (m.how === 'video') {
    if (m.url)
      return (
        <a className="govuk-link" href={m.url} target="_blank" rel="noopener noreferrer">
          Join the video call (opens in a new tab)
        </a>
      );
    return reader === 'therapist' ? (
      <>No link yet. Add your video meeting link in your profile so the volunteer can join.</>
    ) : (
      <>The link is not ready yet. It will be on this page before your session.</>
    );
  }
  if (m.how === 'phone') {
    if (reader === 'volunteer')
      return m.phone ? (
        <>
          {therapist} will call you on {m.phone}.
        </>
      ) : (
        <>{therapist} will call you. Add your phone number in your profile so they can.</>
      );
    return m.phone ? (
      <>
        You call {volunteer} on{' '}
        <a className="govuk-link" href={`tel:${m.phone}`}>
          {m.phone}
        </a>
        .
      </>
    ) : (
      <>
        You call {volunteer}. Their number is not shown: they have not given one or do not share it.
      </>
    );
  }
  return <>{m.address ? `Address: ${m.address}` : 'The address is not given yet.'}</>;
}
