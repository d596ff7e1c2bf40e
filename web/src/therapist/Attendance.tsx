import { formatZoned } from '../time/formatZoned';
import type { Schemas } from '../api/client';

type Session = Schemas['SessionView'];

const WORDS: Record<NonNullable<Session['attendance']>, string> = {
  confirmed: 'Confirmed by text',
  cannot_attend: 'Can’t make it',
};

/** The volunteer's answer to a session text (YES / NO), in plain words with its time; or nothing. */
export function Attendance({ session, zone }: { session: Session; zone: string }) {
  if (!session.attendance || !session.attendanceAt) return null;
  return (
    <>
      {WORDS[session.attendance]}{' '}
      <span className="govuk-body-s">({formatZoned(session.attendanceAt, zone)})</span>
    </>
  );
}

/** The same answer as a short phrase for lists: "Confirmed by text", or null. */
export const attendanceWords = (session: Session): string | null =>
  session.attendance ? WORDS[session.attendance] : null;
