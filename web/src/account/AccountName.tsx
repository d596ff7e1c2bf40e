import { useState } from 'react';
import { fieldErrors, problemMessage, type Schemas } from '../api/client';
import { navigate } from '../app/router';
import type { FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { LoadError, Loading } from '../components/Status';
import { TextInput } from '../components/TextInput';
import { AccountForm, errorFor } from './AccountForm';
import { useRename } from './queries';
import { useMe } from './useMe';

type Me = Schemas['MeView'];

export function AccountName() {
  const me = useMe();
  if (!me.data)
    return (
      <Page title="Change your name" back="/account">
        {me.error ? <LoadError error={me.error} /> : <Loading />}
      </Page>
    );
  return <NameForm me={me.data} />;
}

/** A volunteer with a saved profile also chooses the name we call them ("Hello Rosa"). */
function NameForm({ me }: { me: Me }) {
  const profile = me.profile as { preferredName?: string | null } | null;
  const asksPreferred = me.role === 'volunteer' && profile !== null;
  const [name, setName] = useState(me.name);
  const [preferred, setPreferred] = useState(profile?.preferredName ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const rename = useRename();

  function save() {
    const found: FieldError[] = [];
    if (!name.trim()) found.push({ href: 'name', message: 'Enter your full name' });
    else if (name.trim().length > 120)
      found.push({ href: 'name', message: 'Your full name must be 120 characters or fewer' });
    if (preferred.trim().length > 80)
      found.push({
        href: 'preferred-name',
        message: 'The name we call you must be 80 characters or fewer',
      });
    setErrors(found);
    if (found.length) return;
    const body: Schemas['AccountNamesInput'] = { name: name.trim() };
    if (asksPreferred) body.preferredName = preferred.trim() || null;
    rename.mutate(body, {
      onSuccess: () => navigate('/account?changed=name'),
      onError: (error) => {
        const fields = fieldErrors(error);
        setErrors(
          fields.name || fields.preferredName
            ? [
                ...(fields.name ? [{ href: 'name', message: 'Check your full name' }] : []),
                ...(fields.preferredName
                  ? [{ href: 'preferred-name', message: 'Check the name we call you' }]
                  : []),
              ]
            : [{ href: 'name', message: problemMessage(error) }],
        );
      },
    });
  }

  return (
    <AccountForm title="Change your name" errors={errors} busy={rename.isPending} onSubmit={save}>
      <TextInput
        id="name"
        label="Full name"
        autoComplete="name"
        spellCheck={false}
        value={name}
        onChange={setName}
        error={errorFor(errors, 'name')}
      />
      {asksPreferred && (
        <TextInput
          id="preferred-name"
          label="What should we call you? (optional)"
          hint="For example, the first part of your name, or a name you prefer. Leave it empty to use your full name."
          autoComplete="nickname"
          spellCheck={false}
          value={preferred}
          onChange={setPreferred}
          error={errorFor(errors, 'preferred-name')}
        />
      )}
    </AccountForm>
  );
}
