import {
  countryName,
  languageList,
  MODALITY_WORDS,
  roleWords,
  VETTING_STATUS_WORDS,
} from '../words';
import type { Schemas } from '../api/client';
import { Tag } from '../components/Status';
import { SummaryList, type SummaryRow } from '../components/SummaryList';
import { formatDate, formatZoned } from '../time/formatZoned';
import { placeName } from '../time/zones';

type Person = Schemas['PersonView'];
type Profile = NonNullable<Person['profile']>;

const DECISION: Record<string, string> = {
  submitted: 'Applied',
  resubmitted: 'Changed their details',
  verified: 'Verified',
  suspended: 'Suspended',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
  rejected: 'Rejected',
};

/** A person's account, profile and (for therapists and buddies) checks with their history. */
export function PersonSummary({ person: p, zone }: { person: Person; zone: string }) {
  const rows: SummaryRow[] = [
    { key: 'Name', value: p.name },
    { key: 'Role', value: roleWords(p.role) },
    { key: 'Email', value: p.email },
    { key: 'Phone', value: p.phone ?? 'Not given' },
    { key: 'Time zone', value: placeName(p.timezone) },
    ...profileRows(p.profile),
  ];
  if (p.vettingStatus) {
    rows.push({
      key: 'Checks',
      value: (
        <>
          <Tag>{VETTING_STATUS_WORDS[p.vettingStatus]}</Tag>
          {p.vettingExpiresOn && ` until ${formatDate(p.vettingExpiresOn)}`}
        </>
      ),
    });
  }
  return (
    <>
      <SummaryList rows={rows} />
      {p.vettingHistory.length > 0 && (
        <>
          <h2 className="govuk-heading-m">History of checks</h2>
          <ul className="govuk-list govuk-list--spaced">
            {p.vettingHistory.map((d) => (
              <li key={d.id}>
                <strong>{DECISION[d.decision] ?? d.decision}</strong>,{' '}
                {formatZoned(d.decidedAt, zone)}
                {d.expiresOn && `, until ${formatDate(d.expiresOn)}`}
                {d.note && (
                  <>
                    <br />
                    {d.note}
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function profileRows(profile: Profile | null): SummaryRow[] {
  if (!profile) return [{ key: 'Profile', value: 'Not filled in yet' }];
  if ('membershipNumber' in profile && 'modalities' in profile) {
    return [
      { key: 'Membership', value: `${profile.membershipBody} ${profile.membershipNumber}` },
      { key: 'Works by', value: profile.modalities.map((m) => MODALITY_WORDS[m] ?? m).join(', ') },
      { key: 'Languages', value: languageList(profile.languages) },
      { key: 'Sessions a month', value: String(profile.monthlyCapacity) },
    ];
  }
  if ('dbs' in profile) {
    return [
      { key: 'Kind', value: profile.kind },
      {
        key: 'DBS',
        value: `${profile.dbs.level}, certificate ${profile.dbs.certificateNumber}, issued ${formatDate(profile.dbs.issuedOn)}${profile.dbs.updateService ? ', on the Update Service' : ''}`,
      },
      ...(profile.membershipBody
        ? [
            {
              key: 'Membership',
              value: `${profile.membershipBody} ${profile.membershipNumber ?? ''}`,
            },
          ]
        : []),
      { key: 'Languages', value: languageList(profile.languages) },
      { key: 'Volunteers at once', value: String(profile.maxActivePairings) },
    ];
  }
  if ('deployments' in profile) {
    return [
      { key: 'Phase', value: profile.phase },
      {
        key: 'Deployments',
        value:
          profile.deployments
            .map(
              (d) =>
                `${d.location}, ${countryName(d.country)}, ${formatDate(d.startsOn)} to ${formatDate(d.endsOn)}`,
            )
            .join('; ') || 'None',
      },
      { key: 'Languages', value: languageList(profile.languages) },
    ];
  }
  return [];
}
