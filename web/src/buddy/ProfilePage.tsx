import { languagesText, LANGUAGES_HINT } from '../words';
import { useState } from 'react';
import type { Schemas } from '../api/client';
import { Radios } from '../components/Choices';
import { DateInput, fromIsoDate, toIsoDate } from '../components/DateInput';
import type { FieldError } from '../components/ErrorSummary';
import { TextInput } from '../components/TextInput';
import {
  ProfileFrame,
  ProfileLoader,
  splitLanguages,
  useProfileForm,
} from '../account/ProfileForm';

type Input = Schemas['BuddyProfileInput'];
type Profile = Schemas['BuddyProfileDetailsView'];

/** Kind of buddy, languages, how many volunteers at once, and the DBS check. */
export function ProfilePage() {
  return <ProfileLoader back="/buddy" form={ProfileForm} />;
}

function ProfileForm({ me }: { me: Schemas['MeView'] }) {
  const profile = me.profile as Profile | null;
  const form = useProfileForm(me);
  const [kind, setKind] = useState<string>(profile?.kind ?? '');
  const [languages, setLanguages] = useState(languagesText(profile?.languages ?? ['en']));
  const [capacity, setCapacity] = useState(String(profile?.maxActivePairings ?? 2));
  const [level, setLevel] = useState<string>(profile?.dbs.level ?? '');
  const [certificate, setCertificate] = useState(profile?.dbs.certificateNumber ?? '');
  const [issued, setIssued] = useState(fromIsoDate(profile?.dbs.issuedOn));
  const [updateService, setUpdateService] = useState(
    profile ? String(profile.dbs.updateService) : '',
  );
  const [body, setBody] = useState<string>(profile?.membershipBody ?? '');
  const [number, setNumber] = useState(profile?.membershipNumber ?? '');
  const submit = () => {
    const found: FieldError[] = [];
    const issuedOn = toIsoDate(issued);
    if (!kind) found.push({ href: 'kind', message: 'Select what kind of buddy you are' });
    if (splitLanguages(languages).length === 0)
      found.push({ href: 'languages', message: 'Enter at least one language' });
    if (!/^\d+$/.test(capacity.trim()))
      found.push({
        href: 'maxActivePairings',
        message: 'Enter how many volunteers, as a whole number',
      });
    if (!level) found.push({ href: 'dbs-level', message: 'Select the level of your DBS check' });
    if (!certificate.trim())
      found.push({ href: 'dbs-certificate', message: 'Enter your DBS certificate number' });
    if (!issuedOn)
      found.push({ href: 'dbs-issued-day', message: 'Enter the date your certificate was issued' });
    if (!updateService)
      found.push({
        href: 'dbs-update',
        message: 'Select whether you are on the DBS Update Service',
      });
    if (kind === 'therapist' && (!body || !number.trim()))
      found.push({ href: 'membershipBody', message: 'Enter your membership body and number' });
    form.submit(found, () => ({
      kind: kind as Input['kind'],
      languages: splitLanguages(languages),
      maxActivePairings: Number(capacity),
      dbs: {
        level: level as Input['dbs']['level'],
        certificateNumber: certificate.trim(),
        issuedOn: issuedOn ?? '', // only read when nothing was found wrong
        updateService: updateService === 'true',
      },
      ...(kind === 'therapist'
        ? { membershipBody: body as Input['membershipBody'], membershipNumber: number.trim() }
        : {}),
    }));
  };
  const err = form.err;
  return (
    <ProfileFrame me={me} back="/buddy" form={form} onSubmit={submit}>
      <Radios
        id="kind"
        legend="What kind of buddy are you?"
        error={err('kind')}
        value={kind}
        onChange={setKind}
        choices={[
          {
            value: 'humanitarian',
            label: 'Humanitarian worker',
            hint: 'You have worked in the field yourself.',
          },
          {
            value: 'therapist',
            label: 'Qualified practitioner',
            hint: 'BACP or UKCP registered.',
          },
        ]}
      />
      {kind === 'therapist' && (
        <>
          <Radios
            id="membershipBody"
            legend="Membership body"
            inline
            error={err('membershipBody')}
            value={body}
            onChange={setBody}
            choices={[
              { value: 'BACP', label: 'BACP' },
              { value: 'UKCP', label: 'UKCP' },
            ]}
          />
          <TextInput
            id="membershipNumber"
            label="Membership number"
            widthClass="govuk-input--width-10"
            value={number}
            onChange={setNumber}
          />
        </>
      )}
      <TextInput
        id="languages"
        label="Languages you speak"
        hint={LANGUAGES_HINT}
        widthClass="govuk-input--width-20"
        error={err('languages')}
        value={languages}
        onChange={setLanguages}
      />
      <TextInput
        id="maxActivePairings"
        label="How many volunteers you can support at once"
        inputMode="numeric"
        widthClass="govuk-input--width-3"
        error={err('maxActivePairings')}
        value={capacity}
        onChange={setCapacity}
      />
      <h2 className="govuk-heading-m">DBS check</h2>
      <Radios
        id="dbs-level"
        legend="Level"
        small
        error={err('dbs-level')}
        value={level}
        onChange={setLevel}
        choices={[
          { value: 'basic', label: 'Basic' },
          { value: 'standard', label: 'Standard' },
          { value: 'enhanced', label: 'Enhanced' },
        ]}
      />
      <TextInput
        id="dbs-certificate"
        label="Certificate number"
        widthClass="govuk-input--width-20"
        error={err('dbs-certificate')}
        value={certificate}
        onChange={setCertificate}
      />
      <DateInput
        id="dbs-issued"
        legend="Date of issue"
        error={err('dbs-issued-day')}
        value={issued}
        onChange={setIssued}
      />
      <Radios
        id="dbs-update"
        legend="Are you on the DBS Update Service?"
        inline
        small
        error={err('dbs-update')}
        value={updateService}
        onChange={setUpdateService}
        choices={[
          { value: 'true', label: 'Yes' },
          { value: 'false', label: 'No' },
        ]}
      />
    </ProfileFrame>
  );
}
