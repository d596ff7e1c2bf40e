import { GENDER_WORDS, languagesText, LANGUAGES_HINT } from '../words';
import { useState } from 'react';
import type { Schemas } from '../api/client';
import { Checkboxes, Radios } from '../components/Choices';
import type { FieldError } from '../components/ErrorSummary';
import { Textarea, TextInput } from '../components/TextInput';
import { PhotoForm } from './PhotoForm';
import {
  ProfileFrame,
  ProfileLoader,
  splitLanguages,
  useProfileForm,
} from '../account/ProfileForm';

type Input = Schemas['TherapistProfileInput'];
type Profile = Schemas['TherapistProfileDetailsView'];

/** The longest bio the service keeps, in characters. */
const BIO_MAX = 600;

/** Membership, how and in which languages I work, how many sessions a month, notice and length. */
export function ProfilePage() {
  return <ProfileLoader back="/therapist" form={ProfileForm} />;
}

function ProfileForm({ me }: { me: Schemas['MeView'] }) {
  const profile = me.profile as Profile | null;
  const form = useProfileForm(me);
  const [body, setBody] = useState(profile?.membershipBody ?? '');
  const [number, setNumber] = useState(profile?.membershipNumber ?? '');
  const [modalities, setModalities] = useState<string[]>(profile?.modalities ?? ['video']);
  const [town, setTown] = useState(profile?.town ?? '');
  const [languages, setLanguages] = useState(languagesText(profile?.languages ?? ['en']));
  const [bio, setBio] = useState(profile?.bio ?? '');
  // A gender written before the list existed stays as written until the therapist chooses.
  const [gender, setGender] = useState(profile?.gender?.trim().toLowerCase() ?? '');
  const [meetingUrl, setMeetingUrl] = useState(profile?.meetingUrl ?? '');
  const [address, setAddress] = useState(profile?.address ?? '');
  const [capacity, setCapacity] = useState(String(profile?.monthlyCapacity ?? 2));
  const [notice, setNotice] = useState(String(profile?.minimumNoticeHours ?? 24));
  const [minutes, setMinutes] = useState(String(profile?.sessionMinutes ?? 50));
  const submit = () => {
    const found: FieldError[] = [];
    if (!body) found.push({ href: 'membershipBody', message: 'Select your membership body' });
    if (!number.trim())
      found.push({ href: 'membershipNumber', message: 'Enter your membership number' });
    if (modalities.length === 0)
      found.push({ href: 'modalities', message: 'Select how you can meet volunteers' });
    if (modalities.includes('in_person') && !town.trim())
      found.push({ href: 'town', message: 'Enter the town where you meet in person' });
    if (
      modalities.includes('video') &&
      meetingUrl.trim() &&
      !/^https:\/\/\S+$/i.test(meetingUrl.trim())
    )
      found.push({
        href: 'meetingUrl',
        message: 'Enter a meeting link that starts with https://, or leave it empty',
      });
    if (bio.trim().length > BIO_MAX)
      found.push({
        href: 'bio',
        message: `Write at most ${BIO_MAX} characters about you: you have ${bio.trim().length}`,
      });
    if (splitLanguages(languages).length === 0)
      found.push({ href: 'languages', message: 'Enter at least one language' });
    for (const [href, value, what] of [
      ['monthlyCapacity', capacity, 'sessions a month'],
      ['minimumNoticeHours', notice, 'hours of notice'],
      ['sessionMinutes', minutes, 'minutes'],
    ] as const) {
      if (!/^\d+$/.test(value.trim()))
        found.push({ href, message: `Enter the number of ${what} as a whole number` });
    }
    form.submit(found, () => ({
      membershipBody: body as Input['membershipBody'],
      membershipNumber: number.trim(),
      modalities: modalities as Input['modalities'],
      town: modalities.includes('in_person') ? town.trim() : null,
      languages: splitLanguages(languages),
      bio: bio.trim() || null,
      gender: gender ? (GENDER_WORDS[gender] ? gender : (profile?.gender ?? null)) : null,
      meetingUrl: modalities.includes('video') ? meetingUrl.trim() || null : null,
      address: modalities.includes('in_person') ? address.trim() || null : null,
      monthlyCapacity: Number(capacity),
      minimumNoticeHours: Number(notice),
      sessionMinutes: Number(minutes),
    }));
  };
  const err = form.err;
  return (
    <ProfileFrame
      me={me}
      back="/therapist"
      form={form}
      onSubmit={submit}
      after={
        profile && <PhotoForm therapistId={me.id} name={me.name} hasPhoto={profile.hasPhoto} />
      }
    >
      <Radios
        id="membershipBody"
        legend="Membership body"
        inline
        error={err('membershipBody')}
        value={body}
        onChange={setBody}
        hint="Changing your membership sends your profile back for checks."
        choices={[
          { value: 'BACP', label: 'BACP' },
          { value: 'UKCP', label: 'UKCP' },
        ]}
      />
      <TextInput
        id="membershipNumber"
        label="Membership number"
        widthClass="govuk-input--width-10"
        error={err('membershipNumber')}
        value={number}
        onChange={setNumber}
      />
      <Checkboxes
        id="modalities"
        legend="How you can meet volunteers"
        error={err('modalities')}
        values={modalities}
        onChange={setModalities}
        choices={[
          { value: 'video', label: 'Video call' },
          { value: 'phone', label: 'Phone call' },
          { value: 'in_person', label: 'In person' },
        ]}
      />
      {modalities.includes('in_person') && (
        <TextInput
          id="town"
          label="Town where you meet in person"
          widthClass="govuk-input--width-20"
          error={err('town')}
          value={town}
          onChange={setTown}
        />
      )}
      {modalities.includes('in_person') && (
        <Textarea
          id="address"
          label="Address where you meet in person (optional)"
          hint="Only a volunteer with a session booked with you sees it."
          error={err('address')}
          value={address}
          onChange={setAddress}
        />
      )}
      {modalities.includes('video') && (
        <TextInput
          id="meetingUrl"
          label="Your video meeting link (optional)"
          hint="The link you use for every video session, starting with https://, for example your Zoom or Jitsi room. Volunteers see it once they have booked."
          widthClass="govuk-!-width-full"
          error={err('meetingUrl')}
          value={meetingUrl}
          onChange={setMeetingUrl}
        />
      )}
      <TextInput
        id="languages"
        label="Languages you work in"
        hint={LANGUAGES_HINT}
        widthClass="govuk-input--width-20"
        error={err('languages')}
        value={languages}
        onChange={setLanguages}
      />
      <Textarea
        id="bio"
        label="About you (optional)"
        hint={`A few plain sentences, up to ${BIO_MAX} characters. Volunteers see this when they choose someone to talk to.`}
        error={err('bio')}
        value={bio}
        onChange={setBio}
      />
      <Radios
        id="gender"
        legend="Your gender (optional)"
        hint="Volunteers who ask to talk to someone of a particular gender see it. Others do not."
        error={err('gender')}
        value={gender}
        onChange={setGender}
        choices={[
          ...Object.entries(GENDER_WORDS).map(([value, label]) => ({ value, label })),
          { value: '', label: 'Prefer not to say' },
        ]}
      />
      <TextInput
        id="monthlyCapacity"
        label="Sessions you can offer a month"
        inputMode="numeric"
        widthClass="govuk-input--width-3"
        error={err('monthlyCapacity')}
        value={capacity}
        onChange={setCapacity}
      />
      <TextInput
        id="minimumNoticeHours"
        label="Notice you need before a session, in hours"
        inputMode="numeric"
        widthClass="govuk-input--width-3"
        error={err('minimumNoticeHours')}
        value={notice}
        onChange={setNotice}
      />
      <TextInput
        id="sessionMinutes"
        label="Length of a session, in minutes"
        inputMode="numeric"
        widthClass="govuk-input--width-3"
        error={err('sessionMinutes')}
        value={minutes}
        onChange={setMinutes}
      />
    </ProfileFrame>
  );
}
