import type { Schemas } from '../api/client';
import { firstNameOf } from './HowToJoin';

/**
 * What happens between booking and the session, in plain words: the reminders (the service's
 * default plan: a day before and an hour before, moved out of the night), how to move or cancel,
 * and what to do if the other person does not come.
 */
export function WhatHappensNext({
  session,
  reader,
}: {
  session: Schemas['SessionView'];
  reader: 'volunteer' | 'therapist';
}) {
  const other =
    reader === 'volunteer'
      ? firstNameOf(session.therapistName, 'the person you booked with')
      : firstNameOf(session.volunteerName, 'the volunteer');
  const join =
    session.meeting.how === 'phone'
      ? reader === 'volunteer'
        ? `${other} has not called you`
        : `${other} does not answer`
      : `${other} has not joined`;
  return (
    <section className="govuk-inset-text" aria-labelledby="next-heading">
      <h2 className="govuk-heading-s" id="next-heading">
        What happens next
      </h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          We will text you a reminder the day before and an hour before (never at night), if you
          have agreed to texts. The hour-before text has the link to join a video call.
        </li>
        <li>
          To move or cancel, use the buttons on this page or the link in your texts. {other} will be
          told.
        </li>
        <li>
          {reader === 'volunteer'
            ? `If ${join} 10 minutes after the start time, you can stop waiting. Please tell your coordinator, who will help you find another time.`
            : `If ${join} 10 minutes after the start time, you can stop waiting and record on this page that they did not attend.`}
        </li>
      </ul>
    </section>
  );
}
