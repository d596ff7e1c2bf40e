import type { Schemas } from '../api/client';
import { Tag } from '../components/Status';
import { formatDate } from '../time/formatZoned';

const LOOK: Record<string, { label: string; colour: string; hint: string }> = {
  pending: {
    label: 'Waiting for checks',
    colour: 'yellow',
    hint: 'The coordinator checks your registration before anyone can book you.',
  },
  verified: { label: 'Checked', colour: 'green', hint: 'Volunteers can find and book you.' },
  suspended: {
    label: 'Paused',
    colour: 'red',
    hint: 'Nobody can book you at the moment. The coordinator will be in touch.',
  },
  expired: {
    label: 'Checks expired',
    colour: 'grey',
    hint: 'Your checks need renewing before anyone can book you again.',
  },
  rejected: {
    label: 'Not accepted',
    colour: 'red',
    hint: 'The coordinator could not accept your application. Correct your details in your profile and it goes back to them.',
  },
};

/** Where my vetting stands, in words, with its expiry. */
export function VettingStatus({ me }: { me: Schemas['MeView'] }) {
  const look = LOOK[me.vettingStatus ?? 'pending'];
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body">
        Your checks: <Tag colour={look.colour}>{look.label}</Tag>
      </p>
      <p className="govuk-body">
        {look.hint}
        {me.vettingStatus === 'verified' && me.vettingExpiresOn
          ? ` Valid until ${formatDate(me.vettingExpiresOn)}.`
          : ''}
      </p>
      {me.vettingStatus === 'rejected' && me.vettingRejectedReason && (
        <p className="govuk-body">The coordinator said: {me.vettingRejectedReason}</p>
      )}
    </div>
  );
}
