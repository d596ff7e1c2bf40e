import { languagesText, LANGUAGES_HINT } from '../words';
import { useState } from 'react';
import type { Schemas } from '../api/client';
import { Link } from '../app/router';
import type { FieldError } from '../components/ErrorSummary';
import { TextInput } from '../components/TextInput';
import {
  ProfileFrame,
  ProfileLoader,
  splitLanguages,
  useProfileForm,
} from '../account/ProfileForm';

type Profile = Schemas['VolunteerProfileDetailsView'];

/** Name, phone, time zone, the name to be called by, organisation and languages. */
export function ProfilePage() {
  return <ProfileLoader back="/volunteer" form={ProfileForm} />;
}

function ProfileForm({ me }: { me: Schemas['MeView'] }) {
  const profile = me.profile as Profile | null;
  const form = useProfileForm(me);
  const [preferredName, setPreferredName] = useState(profile?.preferredName ?? '');
  const [organisation, setOrganisation] = useState(profile?.organisation ?? '');
  const [languages, setLanguages] = useState(languagesText(profile?.languages ?? ['en']));
  const submit = () => {
    const found: FieldError[] = [];
    if (splitLanguages(languages).length === 0)
      found.push({ href: 'languages', message: 'Enter at least one language' });
    form.submit(found, () => ({
      preferredName: preferredName.trim() || null,
      organisation: organisation.trim() || null,
      languages: splitLanguages(languages),
      // Deployments are added on their own page; saving here keeps them as they are.
      deployments: profile?.deployments ?? [],
    }));
  };
  return (
    <ProfileFrame me={me} back="/volunteer" form={form} onSubmit={submit}>
      <TextInput
        id="preferredName"
        label="What should people call you? (optional)"
        autoComplete="nickname"
        value={preferredName}
        onChange={setPreferredName}
        error={form.err('preferredName')}
      />
      <TextInput
        id="organisation"
        label="Organisation you volunteer with (optional)"
        autoComplete="organization"
        value={organisation}
        onChange={setOrganisation}
        error={form.err('organisation')}
      />
      <TextInput
        id="languages"
        label="Languages you speak"
        hint={LANGUAGES_HINT}
        widthClass="govuk-input--width-20"
        value={languages}
        onChange={setLanguages}
        error={form.err('languages')}
      />
      <p className="govuk-body">
        <Link to="/volunteer/deployments">Add a deployment</Link>
      </p>
    </ProfileFrame>
  );
}
